// ReadConversation: hash the bytes, recognise the format by content, hand
// the source to its reader. A file no reader recognises is reported, never
// guessed.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "chat/readers.h"
#include "chat/whatsapp_header.h"
#include "core/sha256.h"
#include "mail/mail_reader.h"
#include "parcelproof/chat.h"

namespace parcelproof {
namespace chat {
namespace {

constexpr size_t kHeadBytes = 64 << 10;

enum class Format { kWhatsApp, kTelegram, kJsonl, kCsv, kEml, kMbox, kNone };

std::string Sha256Of(ByteSource* source, std::string* head, bool* error) {
  Sha256 sha;
  if (const std::string_view* all = source->InMemory()) {
    head->assign(all->substr(0, kHeadBytes));
    sha.Update(all->data(), all->size());
    return sha.FinalHex();
  }
  std::string buf(kReadChunk, '\0');
  for (;;) {
    size_t got = source->Read(&buf[0], buf.size(), error);
    if (got == 0) break;
    if (head->size() < kHeadBytes) head->append(buf, 0, std::min(got, kHeadBytes - head->size()));
    sha.Update(buf.data(), got);
  }
  source->Rewind();
  return sha.FinalHex();
}

std::string FirstLine(const std::string& head) {
  MemorySource mem(head);
  LineReader reader(&mem);
  Line line;
  while (reader.Next(&line)) {
    if (line.text.find_first_not_of(" \t") != std::string_view::npos) return std::string(line.text);
  }
  return "";
}

Format Detect(const std::string& head, std::string* why) {
  std::string first = FirstLine(head);
  size_t nonspace = first.find_first_not_of(" \t");
  if (nonspace == std::string::npos) {
    *why = head.empty() ? "the file is empty" : "the file holds only blank lines";
    return Format::kNone;
  }
  WaHeader h;
  if (ParseWaHeader(first, &h)) return Format::kWhatsApp;
  if (first[nonspace] == '{') {
    if (IsMarketplaceJsonLine(first)) return Format::kJsonl;
    return Format::kTelegram;
  }
  if (first[nonspace] == '[') {
    *why = "JSON whose top level is not an object (a Telegram export is an object)";
    return Format::kNone;
  }
  if (mail::LooksLikeMbox(head)) return Format::kMbox;
  if (mail::LooksLikeMessage(head)) return Format::kEml;
  if (IsMarketplaceCsvHeader(first)) return Format::kCsv;
  *why = "not a WhatsApp, Telegram, e-mail or marketplace conversation";
  return Format::kNone;
}

std::string FormatName(Format f, const std::string& head) {
  static const char* const kNames[] = {"whatsapp-android", "telegram", "marketplace-jsonl",
                                       "marketplace-csv",  "email",    "mbox",
                                       "unrecognised"};
  if (f == Format::kWhatsApp && head.find('[') < head.find_first_of("0123456789")) {
    return "whatsapp-ios";
  }
  return kNames[static_cast<int>(f)];
}

void ToChat(const mail::MailMessage& in, ConversationBuilder* b) {
  ChatMessageView m;
  m.sender = in.from;
  std::string subject_and_text;
  if (in.subject.empty()) {
    m.text = in.text;
  } else {
    subject_and_text = "Subject: " + in.subject + "\n\n" + in.text;
    m.text = subject_and_text;
  }
  m.attachments = in.attachments;
  m.span_begin = in.span_begin;
  m.span_end = in.span_end;
  if (m.sender.empty()) m.flags.emplace_back("system");
  for (const std::string& p : in.problems) b->Problem(p);
  SourceTime t;
  t.valid = in.has_date;
  t.local_seconds = in.local_seconds;
  t.has_offset = in.has_date;
  t.offset_minutes = in.offset_minutes;
  if (!in.has_date) b->Problem("message at byte " + std::to_string(in.span_begin) + " has no Date");
  b->Emit(&m, t);
}

void Unrecognised(ConversationInfo* info, ConversationBuilder* b, const std::string& why) {
  info->format = "unrecognised";
  b->Problem("format not recognised: " + why);
}

struct Input {
  ByteSource* source;
  const std::string* path;                      // set for files
  std::string_view bytes;                       // set for memory
  const ConversationInfo* container = nullptr;  // set for a zip's chat text
};

ConversationInfo Read(const Input& in, const std::string& name, const ChatOptions& options,
                      ConversationSink* sink) {
  ConversationInfo info;
  info.file = name;
  ConversationBuilder builder(options, &info, sink);
  std::string head, why;
  bool error = false;
  info.sha256 = Sha256Of(in.source, &head, &error);
  if (in.container != nullptr) {
    info.member = in.container->member;
    info.member_sha256 = info.sha256;
    info.sha256 = in.container->sha256;
    info.media = in.container->media;
  }
  Format f = Detect(head, &why);
  info.format = FormatName(f, head);
  ReadContext ctx{in.source, name, options, &info, &builder};
  switch (f) {
    case Format::kWhatsApp:
      ReadWhatsApp(ctx);
      break;
    case Format::kTelegram:
      if (!ReadTelegram(ctx, &why)) Unrecognised(&info, &builder, why);
      break;
    case Format::kJsonl:
      ReadMarketplaceJsonl(ctx);
      break;
    case Format::kCsv:
      ReadMarketplaceCsv(ctx);
      break;
    case Format::kEml:
    case Format::kMbox: {
      builder.Begin();
      builder.set_repair_utf8(true);
      auto cb = [&](const mail::MailMessage& m) { ToChat(m, &builder); };
      bool mbox = f == Format::kMbox;
      Status s = in.path != nullptr ? mail::ReadMailFile(*in.path, mbox, cb)
                                    : mail::ReadMailBytes(in.bytes, mbox, cb);
      if (!s.ok()) builder.Problem(s.message());
      break;
    }
    case Format::kNone:
      builder.Begin();
      Unrecognised(&info, &builder, why);
      break;
  }
  if (error) builder.Problem("read error: the conversation may be incomplete");
  builder.Finish();
  return info;
}

class Collector : public ConversationSink {
 public:
  explicit Collector(std::vector<ChatMessage>* out) : out_(out) {}
  void Message(const ChatMessageView& m) override { out_->push_back(ToChatMessage(m)); }

 private:
  std::vector<ChatMessage>* out_;
};

}  // namespace

ConversationInfo ReadZipMember(ByteSource* source, const std::string& name,
                               const ChatOptions& options, ConversationSink* sink,
                               const ConversationInfo& container) {
  Input in{source, nullptr, {}, &container};
  return Read(in, name, options, sink);
}

}  // namespace chat

std::string SniffConversationFormat(const std::string& head) {
  std::string why;
  chat::Format f = chat::Detect(head, &why);
  if (f == chat::Format::kNone) return "";
  if (f == chat::Format::kTelegram && head.find("\"messages\"") == std::string::npos) return "";
  return chat::FormatName(f, head);
}

ChatMessage ToChatMessage(const ChatMessageView& v) {
  ChatMessage m;
  m.time = std::string(v.time);
  m.zone_known = v.zone_known;
  m.local_seconds = v.local_seconds;
  m.utc_seconds = v.utc_seconds;
  m.has_time = v.has_time;
  m.sender = std::string(v.sender);
  m.side = std::string(v.side);
  m.text = std::string(v.text);
  m.attachments = v.attachments;
  m.flags = v.flags;
  m.span_begin = v.span_begin;
  m.span_end = v.span_end;
  return m;
}

Result<ConversationInfo> ReadConversation(const std::string& path, const ChatOptions& options,
                                          ConversationSink* sink) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument(path + ": is a folder, not a conversation file");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    std::string why = std::strerror(errno);
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": cannot open: " + why);
  }
  char magic[4] = {};
  size_t got = std::fread(magic, 1, sizeof magic, f.get());
  if (LooksLikeZip(std::string(magic, got))) {
    f.reset();
    return chat::ReadChatZip(path, options, sink);
  }
  std::rewind(f.get());
  chat::FileSource source(f.get());
  chat::Input in{&source, &path, {}, nullptr};
  return chat::Read(in, path, options, sink);
}

ConversationInfo ReadConversationBytes(const std::string& bytes, const std::string& name,
                                       const ChatOptions& options, ConversationSink* sink) {
  chat::MemorySource source(bytes);
  chat::Input in{&source, nullptr, bytes, nullptr};
  return chat::Read(in, name, options, sink);
}

Result<Conversation> LoadConversation(const std::string& path, const ChatOptions& options) {
  Conversation c;
  chat::Collector collector(&c.messages);
  Result<ConversationInfo> info = ReadConversation(path, options, &collector);
  if (!info.ok()) return info.status();
  c.info = std::move(*info);
  return c;
}

Conversation LoadConversationBytes(const std::string& bytes, const std::string& name,
                                   const ChatOptions& options) {
  Conversation c;
  chat::Collector collector(&c.messages);
  c.info = ReadConversationBytes(bytes, name, options, &collector);
  return c;
}

}  // namespace parcelproof
