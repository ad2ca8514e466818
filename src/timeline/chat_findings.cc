// Conversations in the timeline: every message is an event at its time, and
// the findings say only what the export shows (no reading of what messages
// mean): times without zone, messages out of order, edited and deleted
// messages, an export that ends before the dispute, more than two
// participants, messages after the dispute opened.
#include <algorithm>
#include <deque>
#include <optional>
#include <set>
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

// What the findings need, gathered one message at a time: counts and copies
// of the first message of each kind (never the whole conversation).
struct Counts {
  size_t out_of_order = 0, edited = 0, deleted = 0, after_dispute = 0, zone_unknown = 0;
  TimelineMessage first_out, first_edited, first_deleted, first_after, last;
  bool has_last = false;
  CaptureTime last_time;
  std::set<std::string> senders;  // the participants, counted as the messages pass
};

constexpr size_t kMaxSenders = 1000;  // as the conversation's participants

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
                   At(c.first_out) + " (" + Shown(c.first_out.time, off) +
                   "): the phone's clock or zone changed during the chat, or the file was edited.");
  }
  if (c.edited > 0) {
    AddFinding(out, "chat-edited", Severity::kInfo, item,
               chat + std::to_string(c.edited) + " message(s) are marked edited, the first at " +
                   At(c.first_edited) + "; the export shows only the last version.");
  }
  if (c.deleted > 0) {
    AddFinding(out, "chat-deleted", Severity::kInfo, item,
               chat + std::to_string(c.deleted) + " message(s) were deleted, the first at " +
                   At(c.first_deleted) + "; the export shows only that they existed.");
  }
  size_t participants = std::max(item.participants, c.senders.size());
  if (participants > 2) {
    AddFinding(out, "chat-participants", Severity::kInfo, item,
               chat + std::to_string(participants) +
                   " people wrote in it (more than the buyer and the seller).");
  }
  if (order.dispute_opened.known && c.has_last &&
      SurelyBefore(c.last_time, order.dispute_opened.micros)) {
    AddFinding(out, "chat-ends-before-dispute", Severity::kWarning, item,
               chat + "its last message (" + Shown(c.last.time, off) +
                   ") is older than the dispute (" + Shown(order.dispute_opened.micros, off) +
                   "): the export may not hold the whole conversation.");
  }
  if (c.after_dispute > 0) {
    AddFinding(out, "chat-after-dispute", Severity::kInfo, item,
               chat + std::to_string(c.after_dispute) +
                   " message(s) were written after the dispute was opened, the first at " +
                   At(c.first_after) + " (" + Shown(c.first_after.time, off) + ").");
  }
}

// Counts every message and keeps the events of the first kHeadMessages and
// the last kTailMessages messages (by position in the export, dated or not,
// as the package and its report keep them); the rest become one "N more
// messages" event. Undated messages count in both windows but make no event.
class EventSink {
 public:
  EventSink(const TimelineItem& item, const OrderTimes& order, int offset_minutes)
      : item_(item), order_(order), offset_minutes_(offset_minutes) {}

  void Add(const TimelineMessage& m) {
    size_t i = index_++;
    std::optional<TimelineEvent> event = Count(m, i);
    if (i < kHeadMessages) {
      if (event) head_.push_back(std::move(*event));
      return;
    }
    tail_.push_back(std::move(event));
    if (tail_.size() > kTailMessages) {
      if (skipped_++ == 0) skipped_from_ = i - kTailMessages;
      if (tail_.front() && !skipped_first_) skipped_first_ = std::move(tail_.front());
      tail_.pop_front();
    }
  }

  void Finish(std::vector<TimelineEvent>* events, std::vector<Finding>* out) {
    for (TimelineEvent& e : head_) events->push_back(std::move(e));
    // The line stands at the first dated message it covers (else after the
    // head's last event).
    const TimelineEvent* anchor =
        skipped_first_ ? &*skipped_first_ : (head_.empty() ? nullptr : &events->back());
    if (skipped_ > 0 && anchor != nullptr) {
      TimelineEvent e = *anchor;
      e.what = std::to_string(skipped_) + " more message(s) of chat " +
               DisplaySafe(item_.name, false) + " from here on are not listed (messages " +
               std::to_string(skipped_from_) + " to " +
               std::to_string(skipped_from_ + skipped_ - 1) +
               "; every message is in the export and in the normalised conversation stored beside "
               "it)";
      e.message = -1;
      events->push_back(std::move(e));
    }
    for (std::optional<TimelineEvent>& e : tail_) {
      if (e) events->push_back(std::move(*e));
    }
    Report(item_, c_, order_, offset_minutes_, out);
  }

 private:
  // Adds m to the counts; its event when it is dated.
  std::optional<TimelineEvent> Count(const TimelineMessage& m, size_t i) {
    if (!m.sender.empty() && c_.senders.size() < kMaxSenders) c_.senders.insert(m.sender);
    if (m.edited && c_.edited++ == 0) c_.first_edited = m;
    if (m.deleted && c_.deleted++ == 0) c_.first_deleted = m;
    CaptureTime t;
    if (m.time.empty() || !ParseCaptureTime(m.time, &t)) return std::nullopt;
    if (!t.zone_known) ++c_.zone_unknown;
    if (previous_.known && t.micros < previous_.micros && c_.out_of_order++ == 0) c_.first_out = m;
    if (order_.dispute_opened.known && SurelyAfter(t, order_.dispute_opened.micros, 0) &&
        c_.after_dispute++ == 0) {
      c_.first_after = m;
    }
    previous_ = t;
    c_.last = m;
    c_.has_last = true;
    c_.last_time = t;
    return MessageEvent(item_, m, i, t);
  }

  const TimelineItem& item_;
  const OrderTimes& order_;
  int offset_minutes_;
  Counts c_;
  CaptureTime previous_;
  size_t index_ = 0;
  std::vector<TimelineEvent> head_;
  std::deque<std::optional<TimelineEvent>> tail_;
  size_t skipped_ = 0;
  size_t skipped_from_ = 0;
  std::optional<TimelineEvent> skipped_first_;
};

}  // namespace

void ConversationEvents(const TimelineItem& item, const OrderTimes& order, int offset_minutes,
                        std::vector<TimelineEvent>* events, std::vector<Finding>* out) {
  EventSink sink(item, order, offset_minutes);
  if (item.replay_messages) {
    item.replay_messages([&](const TimelineMessage& m) { sink.Add(m); });
  } else {
    for (const TimelineMessage& m : item.messages) sink.Add(m);
  }
  sink.Finish(events, out);
}

}  // namespace parcelproof
