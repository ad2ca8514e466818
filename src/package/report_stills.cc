// The caption of a video still in report.html: which frame of which video
// it is, the decoder, and the stock ffmpeg command that outputs the same
// frame from the packaged video.
#include <nlohmann/json.hpp>

#include "core/media_time.h"
#include "package/report_parts.h"

namespace parcelproof::package {

std::string StillCommand(const PackageModel& m, const PackageItem& still) {
  nlohmann::json meta = nlohmann::json::parse(still.metadata_json, nullptr, false);
  if (!meta.is_object() || !meta.contains("still") || !meta["still"].is_object()) return "";
  const nlohmann::json& t = meta["still"].value("time_s", nlohmann::json());
  if (!t.is_number()) return "";
  size_t v = ItemIndex(m, still.parent_sha256);
  std::string video = v < m.items.size() ? m.paths[v] : still.parent_name;
  return "ffmpeg -ss " + SeekArgument(t.get<double>()) + " -i " + video + " -frames:v 1 still.png";
}

std::string StillCaption(const PackageModel& m, const PackageItem& still) {
  nlohmann::json meta = nlohmann::json::parse(still.metadata_json, nullptr, false);
  if (!meta.is_object() || !meta.contains("still") || !meta["still"].is_object()) return "";
  const nlohmann::json& s = meta["still"];
  double time_s = s.value("time_s", nlohmann::json()).is_number() ? s["time_s"].get<double>() : 0;
  long long frame =
      s.value("frame", nlohmann::json()).is_number_integer() ? s["frame"].get<long long>() : -1;
  std::string decoder =
      s.value("decoder", nlohmann::json()).is_string() ? s["decoder"].get<std::string>() : "";
  std::string purpose =
      s.value("purpose", nlohmann::json()).is_string() ? s["purpose"].get<std::string>() : "";
  std::string h = "<br><span class=\"still\">frame at " + MediaClock(time_s) + " (frame " +
                  std::to_string(frame) + ") of <a href=\"#" + ItemAnchor(still.parent_sha256) +
                  "\">" + Esc(still.parent_name) + "</a> (sha256 <code class=\"hash\">" +
                  Esc(still.parent_sha256) + "</code>)</span>";
  if (purpose == "label") h += "<br>the sharpest frame in which the label was read";
  if (purpose == "contents") h += "<br>the sharpest sampled frame of its part of the video";
  if (!decoder.empty()) h += "<br>decoded with " + Esc(decoder);
  h += "<br>reproduce the frame: <code>" + Esc(StillCommand(m, still)) + "</code>";
  return h;
}

}  // namespace parcelproof::package
