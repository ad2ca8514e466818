// Marketplace message-centre copies (no platform exports them; sellers paste
// or script them): CSV with a header row and JSON lines. Format:
// schemas/marketplace-chat.schema.json and README "Conversations".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "chat/chat_time.h"
#include "chat/readers.h"

namespace parcelproof::chat {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Splits one CSV record; false while a quoted field is still open.
bool SplitCsv(const std::string& rec, std::vector<std::string>* fields) {
  fields->assign(1, "");
  bool quoted = false;
  for (size_t i = 0; i < rec.size(); ++i) {
    char c = rec[i];
    if (quoted) {
      if (c == '"' && i + 1 < rec.size() && rec[i + 1] == '"') {
        fields->back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields->back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else {
      fields->back() += c;
    }
  }
  return !quoted;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(';', start);
    std::string item = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

SourceTime TimeOf(const std::string& text, uint64_t at, ConversationBuilder* b) {
  SourceTime t;
  t.valid = ParseTimestamp(text, &t.local_seconds, &t.has_offset, &t.offset_minutes);
  if (!t.valid)
    b->Problem("time '" + text + "' at byte " + std::to_string(at) + " is not RFC 3339");
  return t;
}

struct Columns {
  int time = -1, sender = -1, text = -1, attachments = -1;
};

Columns HeaderColumns(const std::vector<std::string>& names, ConversationBuilder* b) {
  Columns c;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string n = Lower(names[i]);
    if (i == 0 && n.rfind("\xEF\xBB\xBF", 0) == 0) n.erase(0, 3);
    int idx = static_cast<int>(i);
    if (n == "time")
      c.time = idx;
    else if (n == "sender")
      c.sender = idx;
    else if (n == "text")
      c.text = idx;
    else if (n == "attachments")
      c.attachments = idx;
    else
      b->Problem("column '" + names[i] + "' is not read");
  }
  return c;
}

void EmitCsvRow(const std::vector<std::string>& f, const Columns& c, uint64_t begin, uint64_t end,
                ConversationBuilder* b) {
  auto field = [&](int i) { return i >= 0 && size_t(i) < f.size() ? f[size_t(i)] : std::string(); };
  ChatMessageView m;
  m.span_begin = begin;
  m.span_end = end;
  std::string sender = field(c.sender);
  std::string text = field(c.text);
  m.sender = sender;
  m.text = text;
  m.attachments = SplitList(field(c.attachments));
  if (m.sender.empty()) m.flags.emplace_back("system");
  b->Emit(&m, TimeOf(field(c.time), begin, b));
}

}  // namespace

bool IsMarketplaceCsvHeader(std::string_view line) {
  std::vector<std::string> f;
  if (!SplitCsv(std::string(line), &f)) return false;
  bool time = false, sender = false, text = false;
  for (std::string& n : f) {
    n = Lower(n);
    time |= n == "time";
    sender |= n == "sender";
    text |= n == "text";
  }
  return time && sender && text;
}

bool IsMarketplaceJsonLine(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  return j.is_object() && j.contains("time") && j.contains("text") && !j.contains("messages");
}

void ReadMarketplaceCsv(const ReadContext& ctx) {
  ctx.builder->Begin();
  LineReader reader(ctx.source);
  Line line;
  Columns cols;
  bool have_header = false;
  std::string record;
  uint64_t begin = 0;
  std::vector<std::string> fields;
  while (reader.Next(&line)) {
    if (record.empty()) {
      if (line.text.empty()) continue;
      begin = line.begin;
    } else {
      record += '\n';
    }
    record.append(line.text);
    if (!SplitCsv(record, &fields) && record.size() < kMaxTextBytes) continue;
    if (!have_header) {
      cols = HeaderColumns(fields, ctx.builder);
      have_header = true;
    } else {
      EmitCsvRow(fields, cols, begin, line.end, ctx.builder);
    }
    record.clear();
  }
  if (!record.empty()) {
    ctx.builder->Problem("unterminated quoted field from byte " + std::to_string(begin));
  }
  ReportEncoding(reader, ctx.builder);
}

void ReadMarketplaceJsonl(const ReadContext& ctx) {
  ctx.builder->Begin();
  LineReader reader(ctx.source);
  Line line;
  while (reader.Next(&line)) {
    if (line.text.find_first_not_of(" \t") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line.text, nullptr, false);
    std::string at = std::to_string(line.begin);
    if (!j.is_object() || !j.contains("time") || !j["time"].is_string() || !j.contains("text") ||
        !j["text"].is_string()) {
      ctx.builder->Problem("line at byte " + at + " is not an object with time and text");
      continue;
    }
    ChatMessageView m;
    m.span_begin = line.begin;
    m.span_end = line.end;
    std::string text = j["text"].get<std::string>();
    std::string sender;
    if (j.contains("sender") && j["sender"].is_string()) sender = j["sender"].get<std::string>();
    m.text = text;
    m.sender = sender;
    if (m.sender.empty()) m.flags.emplace_back("system");
    if (j.contains("attachments") && j["attachments"].is_array()) {
      for (const auto& a : j["attachments"]) {
        if (a.is_string()) m.attachments.push_back(a.get<std::string>());
      }
    }
    ctx.builder->Emit(&m, TimeOf(j["time"].get<std::string>(), line.begin, ctx.builder));
  }
  ReportEncoding(reader, ctx.builder);
}

}  // namespace parcelproof::chat
