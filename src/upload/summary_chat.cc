#include "upload/summary_chat.h"

#include <algorithm>

#include "package/report_overlay.h"
#include "parcelproof/order.h"
#include "upload/evidence_fields.h"

namespace parcelproof::upload {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) { return FieldStr(j, key); }

// The index of the first message written after the dispute was opened;
// messages.size() when none is or the dispute time is unknown.
size_t FirstAfter(const json& messages, const std::string& dispute_opened) {
  long long opened = 0;
  size_t first_after = messages.size();
  if (dispute_opened.empty() || !ParseRfc3339(dispute_opened, &opened)) return first_after;
  for (size_t i = 0; i < messages.size(); ++i) {
    long long t = 0;
    const json& m = messages[i];
    // Local times without zone are not compared: they stay inside the window.
    bool zone_known = FieldBool(m, "zone_known", false);
    if (zone_known && ParseRfc3339(Str(m, "time"), &t) && t > opened) {
      first_after = i;
      break;
    }
  }
  return first_after;
}

ExcerptMessage Message(const json& m, const DisplayZone& zone) {
  ExcerptMessage e;
  std::string t = Str(m, "time");
  e.time = t.empty() ? "time unknown" : FormatDisplayTime(t, zone.offset_minutes);
  e.side = Str(m, "side");
  std::string sender = Str(m, "sender");
  e.who = sender.empty() ? "system" : e.side.empty() ? sender : e.side + " " + sender;
  e.text = Str(m, "text");
  for (const json& f : FieldArray(m, "flags")) {
    if (f.is_string() && f != "system") e.flags.push_back(f.get<std::string>());
  }
  return e;
}

const uint32_t kText = 0x222222, kGrey = 0x555555, kRed = 0xc62828, kSeller = 0x1f4e79;
const size_t kExcerptMessages = 12;  // per conversation

pdf::Block Make(pdf::Block::Kind kind, const std::string& text, uint32_t rgb = kText) {
  pdf::Block b;
  b.kind = kind;
  b.text = package::SafeText(text);
  b.rgb = rgb;
  return b;
}

// A message row: its time as the key, sender and text as the value.
pdf::Block Kv(const std::string& key, const std::string& value, uint32_t rgb) {
  pdf::Block b = Make(pdf::Block::Kind::kKeyValue, value, rgb);
  b.key = package::SafeText(key);
  return b;
}

// The red line marking where the dispute was opened among the messages.
pdf::Block DisputeLine(const json& ev, const DisplayZone& z) {
  return Make(pdf::Block::Kind::kSmall,
              "--- the dispute was opened " +
                  FormatDisplayTime(Str(ev, "dispute_opened"), z.offset_minutes) + " ---",
              kRed);
}

std::string PathOf(const json& ev, const std::string& sha256) {
  for (const json& it : FieldArray(ev, "items")) {
    if (Str(it, "sha256") == sha256) return Str(it, "path");
  }
  return "";
}

}  // namespace

std::vector<ChatExcerpt> ChatExcerpts(const json& ev, const DisplayZone& zone, size_t max_messages,
                                      size_t max_threads) {
  std::vector<ChatExcerpt> out;
  for (const json& c : FieldArray(ev, "conversations")) {
    if (!c.is_object()) continue;
    const json& msgs = FieldArray(c, "messages");
    if (msgs.empty() || out.size() >= max_threads) continue;
    ChatExcerpt x;
    x.path = PathOf(ev, Str(c, "source_sha256"));
    std::string people;
    for (const json& p : FieldArray(c, "participants")) {
      if (p.is_string()) people += (people.empty() ? "" : ", ") + p.get<std::string>();
    }
    std::string file = Str(c, "file");
    x.heading = (file.empty() ? x.path : file) + " (" + Str(c, "format") +
                "): " + std::to_string(msgs.size()) + " message" + (msgs.size() == 1 ? "" : "s") +
                (people.empty() ? "" : " between " + people);
    // The window ends two messages after the dispute was opened.
    size_t after = FirstAfter(msgs, Str(ev, "dispute_opened"));
    size_t end = std::min(msgs.size(), after + 2);
    size_t begin = end > max_messages ? end - max_messages : 0;
    x.dispute_before = std::min(std::max(after, begin), end) - begin;
    for (size_t i = begin; i < end; ++i) x.messages.push_back(Message(msgs[i], zone));
    x.earlier = begin;
    x.later = msgs.size() - end;
    out.push_back(std::move(x));
  }
  return out;
}

// The parsed threads around the dispute, one row per message.
void ConversationBlocks(const json& ev, const DisplayZone& z, std::vector<pdf::Block>* out) {
  std::vector<ChatExcerpt> chats = ChatExcerpts(ev, z, kExcerptMessages, 3);
  if (chats.empty()) return;
  out->push_back(Make(pdf::Block::Kind::kHeading, "Conversation with the buyer (excerpt)"));
  for (const ChatExcerpt& c : chats) {
    std::string shown = c.earlier + c.later == 0 ? "all shown"
                                                 : "the " + std::to_string(c.messages.size()) +
                                                       " around the dispute shown";
    out->push_back(Make(pdf::Block::Kind::kText, c.heading + "; " + shown + ".", kText));
    if (c.earlier > 0) {
      out->push_back(Make(pdf::Block::Kind::kSmall,
                          "[" + std::to_string(c.earlier) + " earlier message" +
                              (c.earlier == 1 ? "" : "s") + " in the package]",
                          kGrey));
    }
    for (size_t i = 0; i < c.messages.size(); ++i) {
      const ExcerptMessage& m = c.messages[i];
      if (i == c.dispute_before) {
        out->push_back(DisputeLine(ev, z));
      }
      std::string text = m.who + ": " + m.text;
      for (const std::string& f : m.flags) text += "  [" + f + "]";
      pdf::Block b = Kv(m.time, text,
                        m.side == "seller" ? kSeller
                        : m.side.empty()   ? kGrey
                                           : kText);
      b.boxed = false;
      out->push_back(b);
    }
    if (c.dispute_before == c.messages.size() && !Str(ev, "dispute_opened").empty()) {
      out->push_back(DisputeLine(ev, z));
    }
    size_t more = c.earlier + c.later;
    if (more > 0) {
      out->push_back(Make(pdf::Block::Kind::kSmall,
                          std::to_string(more) + " more message" + (more == 1 ? "" : "s") +
                              " in the package (" + std::to_string(c.earlier) + " earlier, " +
                              std::to_string(c.later) + " later): " + c.path,
                          kGrey));
    }
  }
}

}  // namespace parcelproof::upload
