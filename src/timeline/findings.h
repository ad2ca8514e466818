// The finding rules of the timeline, over parsed times. Internal.
#ifndef PARCELPROOF_TIMELINE_FINDINGS_H_
#define PARCELPROOF_TIMELINE_FINDINGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/inspect.h"
#include "parcelproof/timeline.h"

namespace parcelproof {

// A time that may be missing.
struct MaybeTime {
  bool known = false;
  int64_t micros = 0;
};

struct OrderTimes {
  MaybeTime placed, paid, shipped, delivered, dispute_opened;
};

struct ItemTimes {
  const TimelineItem* item = nullptr;
  CaptureTime capture;  // .known false when none or unparseable
  MaybeTime ingested;
  MaybeTime modified;  // the file's mtime at ingest, when known
};

// Findings about one item on its own and against the order's times.
void ItemFindings(const ItemTimes& item, const OrderTimes& order, const TimelineOptions& options,
                  std::vector<Finding>* out);
// Findings across items: packing session order and spread, zone consistency
// per station.
void SessionFindings(const std::vector<ItemTimes>& items, const TimelineOptions& options,
                     std::vector<Finding>* out);
// Findings comparing one item's capture time with the order's times;
// times in the sentences shown at offset_minutes.
void OrderFindings(const ItemTimes& item, const OrderTimes& order, int offset_minutes,
                   std::vector<Finding>* out);

// Message events and findings of a conversation item (chat_findings.cc).
void ConversationEvents(const TimelineItem& item, const OrderTimes& order, int offset_minutes,
                        std::vector<TimelineEvent>* events, std::vector<Finding>* out);

// A zone-unknown local time L is some UTC time in L-14h .. L+12h.
constexpr int64_t kAheadSlack = 14LL * 3600 * 1000000, kBehindSlack = 12LL * 3600 * 1000000;
// True when the capture is before t / after t + tolerance whatever its zone.
bool SurelyBefore(const CaptureTime& c, int64_t t);
bool SurelyAfter(const CaptureTime& c, int64_t t, int64_t tolerance);
// A time as every sentence shows it (parcelproof/display_time.h): local at
// offset_minutes with UTC alongside, no fraction; a zone-unknown capture
// reads "... (local time, zone unknown)".
std::string Shown(const CaptureTime& c, int offset_minutes);
std::string Shown(int64_t micros, int offset_minutes);
// RFC 3339 or local text (ingest, file and message times); "(unknown)" for "".
std::string Shown(const std::string& text, int offset_minutes);
// "label IMG_0002.jpg": the item's role and name for explanations.
std::string ItemLabel(const TimelineItem& item);
void AddFinding(std::vector<Finding>* out, const char* code, Severity severity,
                const TimelineItem& item, std::string text);
// "4 min 10 s", "3 h 12 min", "2 days 5 h": a plain-words duration.
std::string HumanDuration(int64_t seconds);
// Video items: each continuity indicator of the scan as a finding
// "video-<code>", worded as an indicator (video_findings.cc).
void VideoFindings(const TimelineItem& item, std::vector<Finding>* out);

// True for roles photographed at the pack station before shipping.
bool IsPackingRole(const std::string& role);

}  // namespace parcelproof

#endif  // PARCELPROOF_TIMELINE_FINDINGS_H_
