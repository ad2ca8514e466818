#include "store/media_sniff.h"

#include "chat/json_sniff.h"
#include "core/image_header.h"
#include "parcelproof/chat.h"

namespace parcelproof::store {
namespace {

constexpr size_t kSniffBytes = 64 << 10;  // what ingest reads

std::string ChatMediaType(const std::string& format) {
  if (format == "telegram") return "application/json";
  if (format == "email") return "message/rfc822";
  if (format == "mbox") return "application/mbox";
  if (format == "marketplace-csv") return "text/csv";
  if (format == "marketplace-jsonl") return "application/jsonl";
  return "text/plain";
}

bool StartsWith(const std::string& s, size_t at, const std::string& magic) {
  return s.size() >= at + magic.size() && s.compare(at, magic.size(), magic) == 0;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  if (s.size() < tail.size()) return false;
  for (size_t i = 0; i < tail.size(); ++i) {
    char c = s[s.size() - tail.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != tail[i]) return false;
  }
  return true;
}

// True when the bytes are UTF-8 text without NULs (a sequence cut at the end is allowed).
bool LooksLikeText(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0) return false;
    if (i + n > s.size()) return true;  // cut at the end of the head
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

Sniffed Video(const std::string& head) {
  if (StartsWith(head, 4, "ftyp")) {
    return {MediaClass::kVideo, StartsWith(head, 8, "qt  ") ? "video/quicktime" : "video/mp4"};
  }
  for (const char* box : {"moov", "mdat", "wide", "free"}) {
    if (StartsWith(head, 4, box)) return {MediaClass::kVideo, "video/quicktime"};
  }
  if (StartsWith(head, 0, std::string("\x1A\x45\xDF\xA3", 4))) {
    bool webm = head.find("webm") != std::string::npos;
    return {MediaClass::kVideo, webm ? "video/webm" : "video/x-matroska"};
  }
  if (StartsWith(head, 0, "RIFF") && StartsWith(head, 8, "AVI ")) {
    return {MediaClass::kVideo, "video/x-msvideo"};
  }
  return {MediaClass::kUnknown, ""};
}

}  // namespace

Sniffed SniffMedia(const std::string& head, const std::string& name) {
  if (head.empty()) return {MediaClass::kEmpty, ""};
  switch (SniffImageKind(head)) {
    case ImageKind::kJpeg:
      return {MediaClass::kImage, "image/jpeg"};
    case ImageKind::kPng:
      return {MediaClass::kImage, "image/png"};
    case ImageKind::kWebp:
      return {MediaClass::kImage, "image/webp"};
    case ImageKind::kHeif:
      return {MediaClass::kImage, "image/heif"};
    case ImageKind::kUnknown:
      break;
  }
  if (StartsWith(head, 0, "II*") || StartsWith(head, 0, std::string("MM\0*", 4))) {
    return {MediaClass::kImage, "image/tiff"};
  }
  Sniffed video = Video(head);
  if (video.media_class == MediaClass::kVideo) return video;
  if (StartsWith(head, 0, "%PDF-")) return {MediaClass::kPdf, "application/pdf"};
  if (LooksLikeZip(head)) return {MediaClass::kZip, "application/zip"};
  // Conversations first: a WhatsApp export in UTF-16 or with invalid UTF-8
  // is still a conversation (its problems are reported, it is not refused).
  std::string chat = SniffConversationFormat(head);
  if (!chat.empty()) return {MediaClass::kText, ChatMediaType(chat)};
  if (LooksLikeText(head)) {
    // JSON only when it parses (a WhatsApp line "[1/3/26, 09:00] ..." starts with '[').
    if (chat::LooksLikeJson(head, head.size() >= kSniffBytes)) {
      return {MediaClass::kText, "application/json"};
    }
    return {MediaClass::kText, EndsWith(name, ".csv") ? "text/csv" : "text/plain"};
  }
  return {MediaClass::kUnknown, ""};
}

}  // namespace parcelproof::store
