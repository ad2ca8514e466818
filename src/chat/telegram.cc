// Telegram Desktop's result.json of one chat. The file is scanned once,
// streaming: each element of the top-level "messages" array is cut out with
// its byte range and parsed alone, so memory holds one message at a time.
#include <nlohmann/json.hpp>
#include <string>

#include "chat/chat_time.h"
#include "chat/readers.h"

namespace parcelproof::chat {
namespace {

// "text": a string, or an array of strings and {"type","text"} entities.
std::string TelegramText(const nlohmann::json& t) {
  if (t.is_string()) return t.get<std::string>();
  std::string out;
  if (!t.is_array()) return out;
  for (const auto& part : t) {
    if (part.is_string()) {
      out += part.get<std::string>();
    } else if (part.is_object() && part.contains("text") && part["text"].is_string()) {
      out += part["text"].get<std::string>();
    }
  }
  return out;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

SourceTime TelegramTime(const nlohmann::json& m) {
  SourceTime t;
  bool has_offset = false;
  int offset = 0;
  if (!ParseTimestamp(Str(m, "date"), &t.local_seconds, &has_offset, &offset)) return t;
  t.valid = true;
  std::string unix_text = Str(m, "date_unixtime");
  if (unix_text.empty() || unix_text.size() > 12 ||
      unix_text.find_first_not_of("0123456789") != std::string::npos) {
    return t;
  }
  // The exporting computer's offset is the local date minus the instant.
  int64_t diff = t.local_seconds - std::stoll(unix_text);
  if (diff % 60 == 0 && diff >= -14 * 3600 && diff <= 14 * 3600) {
    t.has_offset = true;
    t.offset_minutes = static_cast<int>(diff / 60);
  }
  return t;
}

void EmitTelegram(const std::string& bytes, uint64_t begin, uint64_t end, ConversationBuilder* b) {
  nlohmann::json m = nlohmann::json::parse(bytes, nullptr, false);
  if (!m.is_object()) {
    b->Problem("message at byte " + std::to_string(begin) + " is not a JSON object");
    return;
  }
  ChatMessageView msg;
  msg.span_begin = begin;
  msg.span_end = end;
  std::string text = TelegramText(m.contains("text") ? m["text"] : nlohmann::json());
  std::string sender;
  if (Str(m, "type") == "service") {
    msg.flags.emplace_back("system");
    std::string action = Str(m, "actor") + " " + Str(m, "action");
    text = text.empty() ? action : action + ": " + text;
  } else {
    sender = Str(m, "from");
    if (sender.empty()) sender = Str(m, "from_id");
  }
  msg.text = text;
  msg.sender = sender;
  if (m.contains("edited")) msg.flags.emplace_back("edited");
  for (const char* key : {"photo", "file"}) {
    std::string name = Str(m, key);
    if (!name.empty()) msg.attachments.push_back(name);
  }
  SourceTime t = TelegramTime(m);
  if (!t.valid) b->Problem("message at byte " + std::to_string(begin) + " has no valid date");
  b->Emit(&msg, t);
}

// Finds the elements of the top-level "messages" array without building the
// document: strings, escapes and nesting depth are tracked byte by byte.
class Scanner {
 public:
  explicit Scanner(ConversationBuilder* b) : builder_(b) {}

  void Feed(const char* data, size_t n, uint64_t offset) {
    for (size_t i = 0; i < n; ++i) Byte(data[i], offset + i);
  }
  bool found_messages() const { return found_messages_; }
  bool complete() const { return depth_ == 0 && !in_string_ && seen_top_; }
  uint64_t invalid() const { return invalid_; }
  uint64_t first_invalid() const { return first_invalid_; }

 private:
  void Byte(char c, uint64_t at) {
    if (capturing_) {
      element_ += c;
      if (element_.size() > kMaxTextBytes) {
        capturing_ = false;  // one absurd message: skip it
        builder_->Problem("message at byte " + std::to_string(element_begin_) +
                          " is larger than 4 MiB and was not read");
        element_.clear();
      }
    }
    if (in_string_) {
      if (escape_) {
        escape_ = false;
      } else if (c == '\\') {
        escape_ = true;
      } else if (c == '"') {
        in_string_ = false;
        if (depth_ == 1) last_string_ = key_;
      } else if (depth_ == 1 && key_.size() < 16) {
        key_ += c;
      }
      return;
    }
    switch (c) {
      case '"':
        in_string_ = true;
        key_.clear();
        break;
      case ':':
        if (depth_ == 1) pending_key_ = last_string_;
        break;
      case '{':
      case '[':
        if (depth_ == 0) seen_top_ = true;
        if (depth_ == 1 && c == '[' && pending_key_ == "messages") {
          in_messages_ = true;
          found_messages_ = true;
        }
        ++depth_;
        if (in_messages_ && depth_ == 3 && c == '{') {
          capturing_ = true;
          element_ = "{";
          element_begin_ = at;
        }
        break;
      case '}':
      case ']':
        --depth_;
        if (capturing_ && depth_ == 2) {
          capturing_ = false;
          uint64_t before = invalid_;
          uint64_t first = 0;
          std::string fixed = RepairUtf8(element_, &invalid_, &first);
          if (before == 0 && invalid_ > 0) first_invalid_ = element_begin_ + first;
          EmitTelegram(fixed, element_begin_, at + 1, builder_);
          element_.clear();
        }
        if (depth_ == 1) {
          in_messages_ = false;
          pending_key_.clear();
        }
        break;
      case ',':
        if (depth_ == 1) pending_key_.clear();
        break;
      default:
        break;
    }
  }

  ConversationBuilder* builder_;
  int depth_ = 0;
  bool in_string_ = false, escape_ = false, seen_top_ = false;
  bool in_messages_ = false, found_messages_ = false, capturing_ = false;
  std::string key_, last_string_, pending_key_, element_;
  uint64_t element_begin_ = 0, invalid_ = 0, first_invalid_ = 0;
};

}  // namespace

bool ReadTelegram(const ReadContext& ctx, std::string* why) {
  ctx.builder->Begin();
  Scanner scanner(ctx.builder);
  std::string chunk(kReadChunk, '\0');
  uint64_t offset = 0;
  bool error = false;
  for (;;) {
    size_t got = ctx.source->Read(&chunk[0], chunk.size(), &error);
    if (got == 0) break;
    scanner.Feed(chunk.data(), got, offset);
    offset += got;
  }
  if (!scanner.found_messages()) {
    *why = "JSON object without a Telegram \"messages\" array";
    return false;
  }
  if (!scanner.complete()) ctx.builder->Problem("the JSON ends early: the export is truncated");
  if (scanner.invalid() > 0) {
    ctx.builder->Problem("invalid UTF-8: " + std::to_string(scanner.invalid()) +
                         " byte(s) shown as U+FFFD, the first at byte " +
                         std::to_string(scanner.first_invalid()));
  }
  if (error) ctx.builder->Problem("read error: the conversation may be incomplete");
  return true;
}

}  // namespace parcelproof::chat
