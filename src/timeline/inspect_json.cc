// InspectReportJson: the only place inspect output meets nlohmann::json.
#include <nlohmann/json.hpp>

#include "parcelproof/inspect.h"

namespace parcelproof {
namespace {

using Json = nlohmann::ordered_json;

void PutIf(Json& o, const char* key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}

Json ExifJson(const InspectedExif& e) {
  Json o = Json::object();
  PutIf(o, "date_time_original", e.date_time_original);
  PutIf(o, "subsec_time_original", e.subsec_time_original);
  PutIf(o, "offset_time_original", e.offset_time_original);
  PutIf(o, "date_time_digitized", e.date_time_digitized);
  PutIf(o, "subsec_time_digitized", e.subsec_time_digitized);
  PutIf(o, "offset_time_digitized", e.offset_time_digitized);
  PutIf(o, "date_time", e.date_time);
  PutIf(o, "offset_time", e.offset_time);
  PutIf(o, "gps_date_time", e.gps_date_time);
  if (e.has_gps_position) {
    o["gps_latitude"] = e.gps_latitude;
    o["gps_longitude"] = e.gps_longitude;
  }
  if (e.orientation != 0) o["orientation"] = e.orientation;
  PutIf(o, "make", e.make);
  PutIf(o, "model", e.model);
  PutIf(o, "software", e.software);
  return o;
}

Json VideoJson(const InspectedVideo& v) {
  Json o = Json::object();
  o["container"] = v.container;
  PutIf(o, "creation_time", v.creation_time);
  PutIf(o, "creation_time_local", v.creation_time_local);
  PutIf(o, "creation_source", v.creation_source);
  PutIf(o, "quicktime_creation_date", v.quicktime_creation_date);
  PutIf(o, "xmp_create_date", v.xmp_create_date);
  if (v.has_duration) o["duration_s"] = v.duration_s;
  return o;
}

Json FileJson(const FileInspection& f) {
  Json o = Json::object();
  o["file"] = f.file;
  if (!f.status.ok()) {
    o["error"] = f.status.ToString();
    return o;
  }
  o["sha256"] = f.sha256;
  if (f.has_exif) o["exif"] = ExifJson(f.exif);
  if (f.has_video) o["video"] = VideoJson(f.video);
  if (f.capture_time.known) {
    o["capture_time"] = {{"value", f.capture_time.value},
                         {"source", f.capture_time.source},
                         {"zone_known", f.capture_time.zone_known}};
  }
  o["problems"] = f.problems;
  return o;
}

}  // namespace

std::string InspectReportJson(const std::vector<FileInspection>& files) {
  Json doc = Json::object();
  doc["files"] = Json::array();
  for (const FileInspection& f : files) doc["files"].push_back(FileJson(f));
  // Raw EXIF strings may hold bytes that are not UTF-8: replace, never throw.
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace parcelproof
