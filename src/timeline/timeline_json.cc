// TimelineJson and the store converters: the timeline module's use of
// nlohmann::json.
#include <nlohmann/json.hpp>

#include "parcelproof/order.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

using Json = nlohmann::ordered_json;

Json EventJson(const TimelineEvent& e) {
  Json o = {{"time", e.time}, {"zone_known", e.zone_known}, {"kind", e.kind}, {"what", e.what}};
  if (!e.source.empty()) o["source"] = e.source;
  if (!e.item_sha256.empty()) o["item"] = e.item_sha256;
  if (!e.role.empty()) o["role"] = e.role;
  if (e.message >= 0) o["message"] = e.message;
  return o;
}

Json FindingJson(const Finding& f) {
  Json o = {{"severity", SeverityName(f.severity)}, {"code", f.code}};
  if (!f.item_sha256.empty()) o["item"] = f.item_sha256;
  o["explanation"] = f.explanation;
  return o;
}

std::string Str(const Json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : "";
}

// meta.scan.videos[0].continuity of a video item, as the scan wrote it.
void ReadVideoIndicators(const Json& meta, TimelineItem* t) {
  if (!meta.is_object() || !meta.contains("scan") || !meta["scan"].is_object()) return;
  const Json& scan = meta["scan"];
  if (!scan.contains("videos") || !scan["videos"].is_array() || scan["videos"].empty()) return;
  const Json& video = scan["videos"][0];
  if (!video.is_object() || !video.contains("continuity") || !video["continuity"].is_array()) {
    return;
  }
  for (const Json& c : video["continuity"]) {
    if (!c.is_object()) continue;
    VideoIndicator v;
    v.code = Str(c, "code");
    v.severity = Str(c, "severity");
    v.explanation = Str(c, "explanation");
    auto at = c.find("time_s");
    if (at != c.end() && at->is_number()) v.time_s = at->get<double>();
    if (!v.code.empty()) t->video_continuity.push_back(std::move(v));
  }
}

}  // namespace

std::string TimelineJson(const Timeline& tl) {
  Json doc = {{"order_id", tl.order_id}, {"events", Json::array()}, {"findings", Json::array()}};
  for (const TimelineEvent& e : tl.events) doc["events"].push_back(EventJson(e));
  for (const Finding& f : tl.findings) doc["findings"].push_back(FindingJson(f));
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

TimelineOrder TimelineOrderFrom(const Order& order, const std::string& dispute_opened_at) {
  return {order.id,         order.placed_at,    order.paid_at,
          order.shipped_at, order.delivered_at, dispute_opened_at};
}

TimelineItem TimelineItemFrom(const StoreItem& s) {
  TimelineItem t;
  t.sha256 = s.sha256;
  t.name = s.original_name;
  t.role = s.role;
  t.station = s.station;
  t.capture_time = s.capture_time;
  t.capture_source = s.capture_time_source;
  t.ingested_at = s.ingested_at;
  Json meta = Json::parse(s.metadata_json, nullptr, false);
  ReadVideoIndicators(meta, &t);
  if (!meta.is_object() || !meta.contains("exif") || !meta["exif"].is_object()) return t;
  const Json& exif = meta["exif"];
  t.date_time_original = Str(exif, "date_time_original");
  t.subsec_time_original = Str(exif, "subsec_time_original");
  t.offset_time_original = Str(exif, "offset_time_original");
  t.date_time = Str(exif, "date_time");
  t.software = Str(exif, "software");
  t.gps_date_time = Str(exif, "gps_date_time");
  t.file_modified_at = Str(meta, "file_modified_at");
  return t;
}

}  // namespace parcelproof
