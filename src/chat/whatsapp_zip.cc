// WhatsApp "Export chat" with media: a zip holding the chat text
// (_chat.txt on iOS, "WhatsApp Chat with NAME.txt" on Android) and the media
// files the messages attach. The zip is checked by the strict reader of
// src/archive (the one verify uses) before anything is read from it; the
// chat text is streamed into an anonymous temporary file and read like a
// .txt export, the media members are hashed (and, for ingest, extracted
// under numbered names, never their own).
#include <cerrno>
#include <cstring>
#include <memory>

#include "archive/zip_reader.h"
#include "chat/readers.h"
#include "core/sha256.h"
#include "parcelproof/chat.h"

namespace parcelproof {
namespace chat {
namespace {

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

// Tighter than the package limits: media barely compress and chat text
// compresses about 5-10:1, so 100:1 is a bomb, not an export.
archive::ZipLimits ChatZipLimits() {
  archive::ZipLimits l;
  l.max_entries = 20000;
  l.max_entry_size = 4ull << 30;
  l.max_total_size = 8ull << 30;
  l.max_deflate_ratio = 100;
  return l;
}

bool EndsWithTxt(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0;
}

// The chat text: "_chat.txt", else "WhatsApp Chat ... .txt", else the only
// top-level .txt; nullptr when none or several candidates.
const archive::ZipEntryInfo* FindChatText(const std::vector<archive::ZipEntryInfo>& entries) {
  const archive::ZipEntryInfo* best = nullptr;
  int best_rank = 0, ties = 0;
  for (const archive::ZipEntryInfo& e : entries) {
    if (e.is_directory || e.name.find('/') != std::string::npos || !EndsWithTxt(e.name)) continue;
    int rank = e.name == "_chat.txt" ? 3 : e.name.rfind("WhatsApp Chat", 0) == 0 ? 2 : 1;
    if (rank > best_rank) {
      best = &e;
      best_rank = rank;
      ties = 0;
    } else if (rank == best_rank) {
      ++ties;
    }
  }
  return ties > 0 ? nullptr : best;
}

struct CheckedZip {
  archive::ZipLayout layout;
  const archive::ZipEntryInfo* chat = nullptr;
};

Status Check(const std::string& path, CheckedZip* out) {
  out->layout = archive::InspectZip(path, ChatZipLimits());
  if (!out->layout.readable && out->layout.problems.empty()) {
    return Status::Corrupt(path + ": not a readable zip");
  }
  if (!out->layout.problems.empty()) {
    const archive::ZipProblem& p = out->layout.problems.front();
    std::string more =
        out->layout.problems.size() > 1
            ? " (and " + std::to_string(out->layout.problems.size() - 1) + " more problem(s))"
            : "";
    return Status::InvalidArgument(path + ": unsafe zip refused: " + p.message + " [" + p.code +
                                   "]" + more);
  }
  out->chat = FindChatText(out->layout.entries);
  if (out->chat == nullptr) {
    return Status::InvalidArgument(path +
                                   ": zip holds no single WhatsApp chat text (_chat.txt or "
                                   "\"WhatsApp Chat with NAME.txt\")");
  }
  return Status::Ok();
}

bool IsMedia(const archive::ZipEntryInfo& e, const archive::ZipEntryInfo* chat) {
  return !e.is_directory && &e != chat;
}

Status StreamTo(archive::ZipReader& reader, const archive::ZipEntryInfo& e, std::FILE* out,
                Sha256* sha) {
  bool write_failed = false;
  Status s = reader.Stream(e, [&](const char* d, size_t n) {
    if (sha != nullptr) sha->Update(d, n);
    if (out != nullptr && std::fwrite(d, 1, n, out) != n) write_failed = true;
  });
  if (!s.ok()) return s;
  if (write_failed || (out != nullptr && std::fflush(out) != 0)) {
    return Status::IOError(e.name + ": cannot write the extracted copy: " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace

Result<ConversationInfo> ReadChatZip(const std::string& path, const ChatOptions& options,
                                     ConversationSink* sink) {
  CheckedZip z;
  PP_RETURN_IF_ERROR(Check(path, &z));
  Result<std::string> zip_sha = Sha256File(path);
  if (!zip_sha.ok()) return zip_sha.status();
  Result<std::unique_ptr<archive::ZipReader>> reader = archive::ZipReader::Open(path);
  if (!reader.ok()) return reader.status();
  ConversationInfo container;
  container.sha256 = *zip_sha;
  container.member = z.chat->name;
  for (const archive::ZipEntryInfo& e : z.layout.entries) {
    if (!IsMedia(e, z.chat)) continue;
    std::string hex;
    if (options.hash_media) {
      Sha256 sha;
      Status s = StreamTo(**reader, e, nullptr, &sha);
      if (!s.ok()) return s.WithContext(path);
      hex = sha.FinalHex();
    }
    container.media.push_back({e.name, hex, e.size, -1, ""});
  }
  FilePtr text(std::tmpfile(), &std::fclose);
  if (!text) return Status::IOError(path + ": no temporary file for the chat text");
  Status s = StreamTo(**reader, *z.chat, text.get(), nullptr);
  if (!s.ok()) return s.WithContext(path);
  FileSource source(text.get());
  source.Rewind();
  return ReadZipMember(&source, path, options, sink, container);
}

}  // namespace chat

bool LooksLikeZip(const std::string& head) {
  return head.rfind(std::string("PK\x03\x04", 4), 0) == 0;
}

Status CheckChatZip(const std::string& path) {
  chat::CheckedZip z;
  return chat::Check(path, &z);
}

Result<std::vector<ChatZipMember>> ExtractChatZipMedia(const std::string& zip_path,
                                                       const std::string& dir) {
  chat::CheckedZip z;
  PP_RETURN_IF_ERROR(chat::Check(zip_path, &z));
  Result<std::unique_ptr<archive::ZipReader>> reader = archive::ZipReader::Open(zip_path);
  if (!reader.ok()) return reader.status();
  std::vector<ChatZipMember> out;
  for (const archive::ZipEntryInfo& e : z.layout.entries) {
    if (!chat::IsMedia(e, z.chat)) continue;
    ChatZipMember m;
    m.name = e.name;
    m.size = e.size;
    m.path = dir + "/" + std::to_string(out.size());
    chat::FilePtr f(std::fopen(m.path.c_str(), "wb"), &std::fclose);
    if (!f) return Status::IOError(m.path + ": cannot create: " + std::strerror(errno));
    Sha256 sha;
    Status s = chat::StreamTo(**reader, e, f.get(), &sha);
    if (!s.ok()) return s.WithContext(zip_path);
    m.sha256 = sha.FinalHex();
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace parcelproof
