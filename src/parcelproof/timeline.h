// The order timeline: order events and evidence items merged in time order,
// and findings that say where the times do not tell one consistent story.
// Std-only and independent of the store (the two converters at the end take
// store and order types by reference only). Output: schemas/timeline.schema.json.
#ifndef PARCELPROOF_TIMELINE_H_
#define PARCELPROOF_TIMELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parcelproof/display_time.h"

namespace parcelproof {

struct Order;      // parcelproof/order.h
struct StoreItem;  // parcelproof/store.h

// The order's own times, RFC 3339 ("2025-07-30T05:52:33Z", offsets
// allowed); empty when unknown.
struct TimelineOrder {
  std::string id;
  std::string placed_at, paid_at, shipped_at, delivered_at, dispute_opened_at;
};

// One message of a conversation item (a chat export), as read from the
// original by the chat module (parcelproof/chat.h).
struct TimelineMessage {
  std::string time;  // RFC 3339 when zone_known, else local "YYYY-MM-DDTHH:MM:SS"; may be empty
  bool zone_known = false;
  std::string sender;  // empty for system lines
  std::string side;    // "seller", "buyer", or empty
  std::string text;
  bool edited = false, deleted = false;
  uint64_t span_begin = 0, span_end = 0;  // bytes in the original export
};

// A continuity indicator of a video item, as its scan reported it.
struct VideoIndicator {
  std::string code;      // "pts-gap", "edit-list", "visual-cut", ... (scan.schema.json)
  std::string severity;  // "serious", "warning", "info"
  double time_s = -1;    // in the video; -1 when about the whole file
  std::string explanation;
};

// One evidence item as the analysis needs it.
struct TimelineItem {
  std::string sha256;
  std::string name;  // original file name, e.g. "IMG_0002.jpg"
  std::string role;  // "packing", "label", "contents", "weight", "unboxing", "buyer-photo", ...
  std::string station;
  // RFC 3339 with Z or an offset when the zone is known; "YYYY-MM-DDTHH:MM:SS[.f]"
  // without zone when it is not; empty when there is no capture time.
  std::string capture_time;
  std::string capture_source;    // where capture_time came from
  std::string ingested_at;       // RFC 3339 UTC, from the store's clock
  std::string file_modified_at;  // RFC 3339, the file's mtime at ingest; may be empty
  // Raw EXIF strings as stored (empty when absent), for the re-save, editor,
  // GPS-skew and zone findings.
  std::string date_time_original, subsec_time_original, offset_time_original;
  std::string date_time, software, gps_date_time;
  // Conversation items only: the messages, in the export's order, and the
  // number of distinct senders.
  bool conversation = false;
  std::vector<TimelineMessage> messages;
  size_t participants = 0;
  // When set, the messages are read through it (streamed from the original
  // again, bounded memory on a huge export) instead of from messages: it
  // calls its argument once per message, in the export's order.
  std::function<void(const std::function<void(const TimelineMessage&)>&)> replay_messages;
  // Video items only: the scan's continuity indicators; each becomes a
  // finding "video-<code>" with the scan's severity.
  std::vector<VideoIndicator> video_continuity;
};

// A conversation's messages become timeline events (and thread messages in
// report.html) up to the first kHeadMessages and the last kTailMessages;
// the ones between are counted in one line ("N more messages ..."); the
// findings always count every message.
constexpr size_t kHeadMessages = 1000;
constexpr size_t kTailMessages = 1000;

enum class Severity { kInfo, kWarning, kSerious };
// "info", "warning", "serious".
const char* SeverityName(Severity severity);

struct Finding {
  // Stable code: "no-capture-time", "resaved", "editor-software", "gps-clock-skew",
  // "captured-after-ingest", "captured-after-file-modified", "captured-in-future",
  // "before-order-placed", "after-shipped", "buyer-photo-before-shipment", "session-out-of-order",
  // "session-hours-apart", "zone-inconsistent", "zone-unknown", and for
  // videos "video-<continuity code>" ("video-pts-gap", "video-edit-list",
  // "video-visual-cut", ...).
  std::string code;
  Severity severity = Severity::kInfo;
  std::string item_sha256;  // empty when about the order or several items
  std::string explanation;  // plain words, one or two sentences
};

struct TimelineEvent {
  // RFC 3339 UTC ("...Z"), or the local time without zone for an item whose
  // zone is unknown.
  std::string time;
  int64_t micros = 0;  // sort key; local-as-UTC when !zone_known
  bool zone_known = true;
  // "order-placed", "order-paid", "order-shipped", "order-delivered",
  // "dispute-opened", "message" (a message of a conversation item), "captured" (an item at its
  // capture time) or "ingested" (an item without capture time, at its ingest time).
  std::string kind;
  std::string what;    // plain words: "label photo IMG_0002.jpg captured"
  std::string source;  // where the time comes from
  std::string item_sha256;
  std::string role;
  int64_t message = -1;  // "message" events: the message's index in its conversation item
};

struct Timeline {
  std::string order_id;
  std::vector<TimelineEvent> events;  // in time order (stable for equal times)
  std::vector<Finding> findings;      // serious first, then by item order
};

struct TimelineOptions {
  int64_t now_micros = 0;                  // the injected clock's now
  int64_t gps_skew_limit_s = 300;          // camera vs GPS beyond this is a finding
  int64_t ingest_tolerance_s = 120;        // capture this much after ingest is "clock ahead"
  int64_t session_gap_limit_s = 2 * 3600;  // packing photos further apart are "hours apart"
  // The zone in which findings' sentences show times (local with UTC
  // alongside, parcelproof/display_time.h); TimelineZone() chooses it.
  int display_offset_minutes = 0;
};

// Merges order events and items and derives the findings. Deterministic:
// same inputs -> same output. Unparseable times become findings, not errors.
Timeline BuildTimeline(const TimelineOrder& order, const std::vector<TimelineItem>& items,
                       const TimelineOptions& options);

// The case's display zone (ChooseDisplayZone): the order's times' offset,
// else the items' capture offset, else UTC. report.html uses the same.
DisplayZone TimelineZone(const TimelineOrder& order, const std::vector<TimelineItem>& items);

// {"order_id":..,"events":[...],"findings":[...]}: one line, stable key order.
std::string TimelineJson(const Timeline& timeline);

// The order's times from an Order; dispute_opened_at as given (may be empty).
TimelineOrder TimelineOrderFrom(const Order& order, const std::string& dispute_opened_at);
// An item from the store: capture and ingest times, role, station, and the
// raw EXIF strings found in its metadata_json ("exif" object).
TimelineItem TimelineItemFrom(const StoreItem& item);
// For a chat item: reads its original (blob_path) with the zone and seller
// names recorded at ingest into item->messages. Problems reading it leave
// the item without messages.
void AttachConversation(const StoreItem& stored, const std::string& blob_path, TimelineItem* item);

}  // namespace parcelproof

#endif  // PARCELPROOF_TIMELINE_H_
