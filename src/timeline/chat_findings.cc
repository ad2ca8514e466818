// Conversations in the timeline: every message is an event at its time, and
// the findings say only what the export shows (no reading of what messages
// mean): times without zone, messages out of order, edited and deleted
// messages, an export that ends before the dispute, more than two
// participants, messages after the dispute opened.
#include <string>

#include "parcelproof/chat.h"
#include "parcelproof/clock.h"
#include "timeline/capture_time.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

constexpr size_t kPreview = 80;

// The first characters of a text, cut at a UTF-8 boundary, on one line.
std::string Preview(const std::string& text) {
  std::string s = text.substr(0, kPreview);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text.size() > kPreview ? s + "..." : s;
}

std::string At(const TimelineMessage& m) { return "byte " + std::to_string(m.span_begin); }

TimelineEvent MessageEvent(const TimelineItem& item, const TimelineMessage& m, size_t index,
                           const CaptureTime& t) {
  TimelineEvent e;
  e.micros = t.micros;
  e.zone_known = t.zone_known;
  e.time = t.zone_known ? FormatUtc(t.micros) : t.value;
  e.kind = "message";
  // Names and texts are someone else's bytes: controls and bidi overrides escaped.
  std::string text = DisplaySafe(Preview(m.text), false);
  e.what = m.sender.empty() ? "chat: " + text
                            : "message from " + (m.side.empty() ? "" : m.side + " ") +
                                  DisplaySafe(m.sender, false) + ": " + text;
  e.source = "chat " + item.name + ", bytes " + std::to_string(m.span_begin) + "-" +
             std::to_string(m.span_end);
  e.item_sha256 = item.sha256;
  e.role = item.role;
  e.message = static_cast<int64_t>(index);
  return e;
}

struct Counts {
  size_t out_of_order = 0, edited = 0, deleted = 0, after_dispute = 0, zone_unknown = 0;
  const TimelineMessage *first_out = nullptr, *first_edited = nullptr, *first_deleted = nullptr;
  const TimelineMessage *first_after = nullptr, *last = nullptr;
  CaptureTime last_time;
};

void Report(const TimelineItem& item, const Counts& c, const OrderTimes& order, int off,
            std::vector<Finding>* out) {
  std::string chat = "chat " + item.name + ": ";
  if (c.zone_unknown > 0) {
    AddFinding(out, "chat-zone-unknown", Severity::kInfo, item,
               chat + std::to_string(c.zone_unknown) +
                   " message time(s) are local times without a zone (the export carries none; "
                   "give --zone at ingest); compared with other times allowing -14 h/+12 h.");
  }
  if (c.out_of_order > 0) {
    AddFinding(out, "chat-out-of-order", Severity::kWarning, item,
               chat + std::to_string(c.out_of_order) +
                   " message(s) are dated earlier than the message before them in the export, "
                   "the first at " +
                   At(*c.first_out) + " (" + Shown(c.first_out->time, off) +
                   "): the phone's clock or zone changed during the chat, or the file was edited.");
  }
  if (c.edited > 0) {
    AddFinding(out, "chat-edited", Severity::kInfo, item,
               chat + std::to_string(c.edited) + " message(s) are marked edited, the first at " +
                   At(*c.first_edited) + "; the export shows only the last version.");
  }
  if (c.deleted > 0) {
    AddFinding(out, "chat-deleted", Severity::kInfo, item,
               chat + std::to_string(c.deleted) + " message(s) were deleted, the first at " +
                   At(*c.first_deleted) + "; the export shows only that they existed.");
  }
  if (item.participants > 2) {
    AddFinding(out, "chat-participants", Severity::kInfo, item,
               chat + std::to_string(item.participants) +
                   " people wrote in it (more than the buyer and the seller).");
  }
  if (order.dispute_opened.known && c.last != nullptr &&
      SurelyBefore(c.last_time, order.dispute_opened.micros)) {
    AddFinding(out, "chat-ends-before-dispute", Severity::kWarning, item,
               chat + "its last message (" + Shown(c.last->time, off) +
                   ") is older than the dispute (" + Shown(order.dispute_opened.micros, off) +
                   "): the export may not hold the whole conversation.");
  }
  if (c.after_dispute > 0) {
    AddFinding(out, "chat-after-dispute", Severity::kInfo, item,
               chat + std::to_string(c.after_dispute) +
                   " message(s) were written after the dispute was opened, the first at " +
                   At(*c.first_after) + " (" + Shown(c.first_after->time, off) + ").");
  }
}

}  // namespace

void ConversationEvents(const TimelineItem& item, const OrderTimes& order, int offset_minutes,
                        std::vector<TimelineEvent>* events, std::vector<Finding>* out) {
  Counts c;
  CaptureTime previous;
  for (size_t i = 0; i < item.messages.size(); ++i) {
    const TimelineMessage& m = item.messages[i];
    if (m.edited && c.edited++ == 0) c.first_edited = &m;
    if (m.deleted && c.deleted++ == 0) c.first_deleted = &m;
    CaptureTime t;
    if (m.time.empty() || !ParseCaptureTime(m.time, &t)) continue;
    if (!t.zone_known) ++c.zone_unknown;
    if (previous.known && t.micros < previous.micros && c.out_of_order++ == 0) c.first_out = &m;
    if (order.dispute_opened.known && SurelyAfter(t, order.dispute_opened.micros, 0) &&
        c.after_dispute++ == 0) {
      c.first_after = &m;
    }
    previous = t;
    c.last = &m;
    c.last_time = t;
    events->push_back(MessageEvent(item, m, i, t));
  }
  Report(item, c, order, offset_minutes, out);
}

}  // namespace parcelproof
