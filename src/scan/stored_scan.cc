#include "scan/stored_scan.h"

#include <nlohmann/json.hpp>

#include "scan/video_json.h"

namespace parcelproof {

bool ReadStoredVideoScan(const std::string& metadata_json, VideoScan* scan) {
  nlohmann::json m = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!m.is_object() || !m.contains("scan") || !m["scan"].is_object()) return false;
  const nlohmann::json& s = m["scan"];
  if (!s.contains("videos") || !s["videos"].is_array() || s["videos"].empty()) return false;
  VideoScan read;
  if (!VideoScanFromJson(s["videos"][0].dump(), &read) || !read.status.ok()) return false;
  *scan = std::move(read);
  return true;
}

}  // namespace parcelproof
