#include "scan/video_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "scan/scan_json.h"

namespace parcelproof {
namespace {

using nlohmann::ordered_json;

// Times to the microsecond: exact for every common time base, stable text.
double Round6(double s) { return std::round(s * 1e6) / 1e6; }

ordered_json VideoBarcodeToJson(const VideoBarcode& v) {
  ordered_json b = ordered_json::parse(BarcodeToJsonText(v.barcode));
  ordered_json j = {{"format", b["format"]}, {"text", b["text"]}};
  j["first_seen_s"] = Round6(v.first_seen_s);
  j["last_seen_s"] = Round6(v.last_seen_s);
  j["frames_seen"] = v.frames_seen;
  j["best"] = {
      {"time_s", Round6(v.best_time_s)}, {"frame", v.best_frame}, {"corners", b["corners"]}};
  j["max_area"] = std::round(v.max_area * 1e5) / 1e5;
  for (const char* k : {"tracking", "more_tracking", "gs1", "fields"})
    if (b.contains(k)) j[k] = b[k];
  return j;
}

bool VideoBarcodeFromJson(const ordered_json& j, VideoBarcode* v) {
  ordered_json b = {
      {"format", j.at("format")}, {"text", j.at("text")}, {"corners", j.at("best").at("corners")}};
  for (const char* k : {"tracking", "more_tracking", "gs1", "fields"})
    if (j.contains(k)) b[k] = j[k];
  if (!BarcodeFromJsonText(b.dump(), &v->barcode)) return false;
  v->first_seen_s = j.at("first_seen_s").get<double>();
  v->last_seen_s = j.at("last_seen_s").get<double>();
  v->frames_seen = j.at("frames_seen").get<int>();
  v->best_time_s = j["best"].at("time_s").get<double>();
  v->best_frame = j["best"].at("frame").get<int64_t>();
  v->max_area = j.at("max_area").get<double>();
  return true;
}

Status StatusFrom(int code, const std::string& message) {
  switch (static_cast<Status::Code>(code)) {
    case Status::Code::kNotFound:
      return Status::NotFound(message);
    case Status::Code::kCorrupt:
      return Status::Corrupt(message);
    case Status::Code::kUnsupported:
      return Status::Unsupported(message);
    case Status::Code::kIOError:
      return Status::IOError(message);
    default:
      return Status::Internal(message);
  }
}

ordered_json ToJson(const VideoScan& s, bool with_samples) {
  ordered_json j = {{"file", s.file}};
  if (!s.sha256.empty()) j["sha256"] = s.sha256;
  if (!s.status.ok()) {
    j["error"] = s.status.ToString();
    j["error_code"] = static_cast<int>(s.status.code());
    j["error_message"] = s.status.message();
    return j;
  }
  j["container"] = s.container;
  j["codec"] = s.codec;
  j["width"] = s.width;
  j["height"] = s.height;
  j["rotation"] = s.rotation;
  j["duration_s"] = Round6(s.duration_s);
  j["frames"] = {
      {"total", s.frames_total}, {"decoded", s.frames_decoded}, {"scanned", s.frames_scanned}};
  ordered_json codes = ordered_json::array();
  for (const VideoBarcode& b : s.barcodes) codes.push_back(VideoBarcodeToJson(b));
  j["barcodes"] = codes;
  ordered_json cont = ordered_json::array();
  for (const ContinuityFinding& c : s.continuity) {
    ordered_json f = {{"code", c.code}, {"severity", c.severity}};
    if (c.time_s >= 0) f["time_s"] = Round6(c.time_s);
    f["explanation"] = c.explanation;
    cont.push_back(f);
  }
  j["continuity"] = cont;
  j["problems"] = s.problems;
  if (with_samples) {
    ordered_json samples = ordered_json::array();
    for (const FrameSample& f : s.samples)
      samples.push_back({f.time_s, f.pts, f.frame, f.sharpness});
    j["samples"] = samples;
  }
  return j;
}

void FromJson(const ordered_json& j, VideoScan* s) {
  s->file = j.at("file").get<std::string>();
  s->sha256 = j.value("sha256", "");
  if (j.contains("error")) {
    s->status = StatusFrom(j.at("error_code").get<int>(), j.at("error_message").get<std::string>());
    return;
  }
  s->container = j.at("container").get<std::string>();
  s->codec = j.at("codec").get<std::string>();
  s->width = j.at("width").get<int>();
  s->height = j.at("height").get<int>();
  s->rotation = j.at("rotation").get<int>();
  s->duration_s = j.at("duration_s").get<double>();
  s->frames_total = j["frames"].at("total").get<int64_t>();
  s->frames_decoded = j["frames"].at("decoded").get<int64_t>();
  s->frames_scanned = j["frames"].at("scanned").get<int64_t>();
  for (const auto& b : j.at("barcodes")) {
    VideoBarcode v;
    if (VideoBarcodeFromJson(b, &v)) s->barcodes.push_back(v);
  }
  for (const auto& c : j.at("continuity")) {
    s->continuity.push_back({c.at("code").get<std::string>(), c.at("severity").get<std::string>(),
                             c.value("time_s", -1.0), c.at("explanation").get<std::string>()});
  }
  s->problems = j.at("problems").get<std::vector<std::string>>();
  if (j.contains("samples")) {
    for (const auto& f : j["samples"]) {
      s->samples.push_back(
          {f[0].get<double>(), f[1].get<int64_t>(), f[2].get<int64_t>(), f[3].get<double>()});
    }
  }
}

}  // namespace

std::string VideoScanToJson(const VideoScan& scan, bool with_samples) {
  return ToJson(scan, with_samples).dump();
}

bool VideoScanFromJson(const std::string& text, VideoScan* scan) {
  try {
    FromJson(ordered_json::parse(text), scan);
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

std::string ScanReportJson(const std::vector<ImageScan>& images,
                           const std::vector<VideoScan>& videos) {
  ordered_json doc = ordered_json::parse(ScanReportJson(images));
  if (!videos.empty()) {
    ordered_json list = ordered_json::array();
    for (const VideoScan& v : videos) list.push_back(ToJson(v, false));
    doc["videos"] = list;
  }
  return doc.dump(2);
}

}  // namespace parcelproof
