// JSON of conversations (schemas/conversation.schema.json), written as the
// messages arrive so that a 200 MB export never sits in memory.
#include <cstdio>

#include "chat/line_reader.h"
#include "parcelproof/chat.h"

namespace parcelproof {
namespace {

struct EscapeTable {
  bool needs[256] = {};
  EscapeTable() {
    for (int c = 0; c < 0x20; ++c) needs[c] = true;
    needs[static_cast<unsigned char>('"')] = needs[static_cast<unsigned char>('\\')] = true;
    needs[0x7f] = true;
  }
};
const EscapeTable kEscape;

void AppendEscaped(std::string* out, unsigned char c) {
  switch (c) {
    case '"':
      *out += "\\\"";
      break;
    case '\\':
      *out += "\\\\";
      break;
    case '\n':
      *out += "\\n";
      break;
    case '\r':
      *out += "\\r";
      break;
    case '\t':
      *out += "\\t";
      break;
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      *out += buf;
    }
  }
}

// Runs of plain bytes are appended whole. Message texts are valid UTF-8
// already (the readers repair them); other strings are checked.
void AppendString(std::string* out, std::string_view s, bool known_valid = false) {
  std::string fixed;
  if (!known_valid && !chat::IsValidUtf8(s)) {
    uint64_t invalid = 0, first = 0;
    fixed = chat::RepairUtf8(s, &invalid, &first);
    s = fixed;
  }
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!kEscape.needs[c]) continue;
    out->append(s.data() + run, i - run);
    AppendEscaped(out, c);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendStrings(std::string* out, const std::vector<std::string>& v) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendString(out, v[i]);
  }
  out->push_back(']');
}

void AppendMessage(std::string* out, const ChatMessage& m) {
  *out += "{\"time\":";
  if (m.has_time) {
    AppendString(out, m.time);
  } else {
    *out += "null";
  }
  *out += m.zone_known ? ",\"zone_known\":true" : ",\"zone_known\":false";
  if (!m.sender.empty()) {
    *out += ",\"sender\":";
    AppendString(out, m.sender, true);
    *out += ",\"side\":";
    AppendString(out, m.side);
  }
  *out += ",\"text\":";
  AppendString(out, m.text, true);
  *out += ",\"attachments\":";
  AppendStrings(out, m.attachments);
  *out += ",\"flags\":";
  AppendStrings(out, m.flags);
  *out += ",\"span\":[" + std::to_string(m.span_begin) + "," + std::to_string(m.span_end) + "]}";
}

void AppendHead(std::string* out, const ConversationInfo& info) {
  *out += "{\"file\":";
  AppendString(out, info.file);
  *out += ",\"messages\":[";
}

void AppendTail(std::string* out, const ConversationInfo& info) {
  *out += "],\"format\":";
  AppendString(out, info.format);
  *out += ",\"sha256\":";
  AppendString(out, info.sha256);
  *out += ",\"message_count\":" + std::to_string(info.message_count);
  *out += ",\"participants\":";
  AppendStrings(out, info.participants);
  *out += ",\"problems\":";
  AppendStrings(out, info.problems);
  if (!info.member.empty()) {
    *out += ",\"member\":";
    AppendString(out, info.member);
    *out += ",\"member_sha256\":";
    AppendString(out, info.member_sha256);
    *out += ",\"media\":[";
    for (size_t i = 0; i < info.media.size(); ++i) {
      const ChatMedia& m = info.media[i];
      *out += i > 0 ? ",{\"name\":" : "{\"name\":";
      AppendString(out, m.name);
      *out += ",\"sha256\":";
      AppendString(out, m.sha256);
      *out += ",\"size\":" + std::to_string(m.size);
      if (m.message >= 0) *out += ",\"message\":" + std::to_string(m.message);
      *out += "}";
    }
    *out += "]";
  }
  *out += "}";
}

}  // namespace

std::string ConversationJson(const Conversation& c) {
  std::string out;
  AppendHead(&out, c.info);
  for (size_t i = 0; i < c.messages.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendMessage(&out, c.messages[i]);
  }
  AppendTail(&out, c.info);
  return out;
}

ConversationJsonWriter::ConversationJsonWriter(std::FILE* out) : out_(out) {}

void ConversationJsonWriter::BeginDocument(const std::string& version) {
  std::string head = "{";
  if (!version.empty()) {
    head += "\"version\":";
    AppendString(&head, version);
    head += ",";
  }
  head += "\"conversations\":[";
  std::fputs(head.c_str(), out_);
}

void ConversationJsonWriter::Begin(const ConversationInfo& info) {
  buf_.clear();
  if (!first_conversation_) buf_.push_back(',');
  first_conversation_ = false;
  first_message_ = true;
  AppendHead(&buf_, info);
}

void ConversationJsonWriter::Message(const ChatMessage& m) {
  if (!first_message_) buf_.push_back(',');
  first_message_ = false;
  AppendMessage(&buf_, m);
  if (buf_.size() > (1 << 16)) {
    std::fwrite(buf_.data(), 1, buf_.size(), out_);
    buf_.clear();
  }
}

void ConversationJsonWriter::End(const ConversationInfo& info) {
  AppendTail(&buf_, info);
  std::fwrite(buf_.data(), 1, buf_.size(), out_);
  buf_.clear();
}

void ConversationJsonWriter::Failed(const std::string& file, const std::string& error) {
  std::string out = first_conversation_ ? "" : ",";
  first_conversation_ = false;
  out += "{\"file\":";
  AppendString(&out, file);
  out += ",\"error\":";
  AppendString(&out, error);
  out += "}";
  std::fwrite(out.data(), 1, out.size(), out_);
}

void ConversationJsonWriter::EndDocument() { std::fputs("]}\n", out_); }

}  // namespace parcelproof
