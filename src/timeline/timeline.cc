// BuildTimeline: parse every time once, merge order events and items in
// time order, and collect the findings.
#include "parcelproof/timeline.h"

#include <algorithm>

#include "parcelproof/clock.h"
#include "parcelproof/order.h"
#include "timeline/capture_time.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

MaybeTime Parse(const std::string& text) {
  long long micros = 0;
  if (text.empty() || !ParseRfc3339(text, &micros)) return {};
  return {true, micros};
}

void OrderEvent(const std::string& text, const char* kind, const char* what,
                std::vector<TimelineEvent>* events, std::vector<Finding>* findings) {
  if (text.empty()) return;
  MaybeTime t = Parse(text);
  if (!t.known) {
    findings->push_back({"bad-order-time", Severity::kWarning, "",
                         std::string("The order's ") + what + " time \"" + text +
                             "\" is not an RFC 3339 time; it is left out of the timeline."});
    return;
  }
  TimelineEvent e;
  e.time = FormatUtc(t.micros, t.micros % 1000000 ? 3 : 0);
  e.micros = t.micros;
  e.kind = kind;
  e.what = std::string("order ") + what;
  e.source = "order record";
  events->push_back(e);
}

TimelineEvent ItemEvent(const ItemTimes& t) {
  const TimelineItem& i = *t.item;
  TimelineEvent e;
  e.item_sha256 = i.sha256;
  e.role = i.role;
  if (t.capture.known) {
    e.micros = t.capture.micros;
    e.zone_known = t.capture.zone_known;
    e.time = t.capture.zone_known ? FormatUtc(t.capture.micros, t.capture.micros % 1000000 ? 3 : 0)
                                  : t.capture.value;
    e.kind = "captured";
    e.what = ItemLabel(i) + " captured";
    e.source = i.capture_source;
  } else {
    e.micros = t.ingested.micros;
    e.time = i.ingested_at;
    e.kind = "ingested";
    e.what = ItemLabel(i) + " received by the store (no capture time)";
    e.source = "store clock";
  }
  return e;
}

ItemTimes ParseItem(const TimelineItem& item, std::vector<Finding>* findings) {
  ItemTimes t;
  t.item = &item;
  t.ingested = Parse(item.ingested_at);
  t.modified = Parse(item.file_modified_at);
  if (!item.capture_time.empty() && !ParseCaptureTime(item.capture_time, &t.capture)) {
    AddFinding(findings, "no-capture-time", Severity::kWarning, item,
               ItemLabel(item) + ": its capture time \"" + item.capture_time +
                   "\" cannot be read as a time.");
    t.capture = CaptureTime{};
  }
  return t;
}

int Rank(Severity s) { return s == Severity::kSerious ? 0 : s == Severity::kWarning ? 1 : 2; }

}  // namespace

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kSerious:
      return "serious";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

DisplayZone TimelineZone(const TimelineOrder& order, const std::vector<TimelineItem>& items) {
  std::vector<std::string> captures;
  for (const TimelineItem& i : items) captures.push_back(i.capture_time);
  return ChooseDisplayZone({order.placed_at, order.paid_at, order.shipped_at, order.delivered_at},
                           captures);
}

Timeline BuildTimeline(const TimelineOrder& order, const std::vector<TimelineItem>& items,
                       const TimelineOptions& options) {
  Timeline tl;
  tl.order_id = order.id;
  OrderEvent(order.placed_at, "order-placed", "placed", &tl.events, &tl.findings);
  OrderEvent(order.paid_at, "order-paid", "paid", &tl.events, &tl.findings);
  OrderEvent(order.shipped_at, "order-shipped", "shipped", &tl.events, &tl.findings);
  OrderEvent(order.delivered_at, "order-delivered", "delivered", &tl.events, &tl.findings);
  OrderEvent(order.dispute_opened_at, "dispute-opened", "dispute opened", &tl.events, &tl.findings);
  OrderTimes ot{Parse(order.placed_at), Parse(order.paid_at), Parse(order.shipped_at),
                Parse(order.delivered_at), Parse(order.dispute_opened_at)};
  std::vector<ItemTimes> parsed;
  for (const TimelineItem& item : items) parsed.push_back(ParseItem(item, &tl.findings));
  for (const ItemTimes& t : parsed) {
    ItemFindings(t, ot, options, &tl.findings);
    VideoFindings(*t.item, &tl.findings);
    if (t.capture.known || t.ingested.known) tl.events.push_back(ItemEvent(t));
    if (t.item->conversation)
      ConversationEvents(*t.item, ot, options.display_offset_minutes, &tl.events, &tl.findings);
  }
  SessionFindings(parsed, options, &tl.findings);
  std::stable_sort(
      tl.events.begin(), tl.events.end(),
      [](const TimelineEvent& a, const TimelineEvent& b) { return a.micros < b.micros; });
  std::stable_sort(tl.findings.begin(), tl.findings.end(), [](const Finding& a, const Finding& b) {
    return Rank(a.severity) < Rank(b.severity);
  });
  return tl;
}

}  // namespace parcelproof
