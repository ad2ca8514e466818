// ChatOptionsFromMetadata: what ingest recorded about a chat export.
#include <nlohmann/json.hpp>

#include "parcelproof/chat.h"

namespace parcelproof {

ChatOptions ChatOptionsFromMetadata(const std::string& metadata_json) {
  ChatOptions o;
  auto meta = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!meta.is_object() || !meta.contains("conversation") || !meta["conversation"].is_object()) {
    return o;
  }
  const auto& c = meta["conversation"];
  if (c.contains("zone") && c["zone"].is_string()) {
    Result<int> zone = ParseZoneOffset(c["zone"].get<std::string>());
    if (zone.ok()) {
      o.has_zone = true;
      o.zone_offset_minutes = *zone;
    }
  }
  if (c.contains("me") && c["me"].is_array()) {
    for (const auto& n : c["me"]) {
      if (n.is_string()) o.me.push_back(n.get<std::string>());
    }
  }
  return o;
}

std::string ConversationFormatFromMetadata(const std::string& metadata_json) {
  auto meta = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!meta.is_object() || !meta.contains("conversation") || !meta["conversation"].is_object()) {
    return "";
  }
  const auto& c = meta["conversation"];
  return c.contains("format") && c["format"].is_string() ? c["format"].get<std::string>() : "";
}

}  // namespace parcelproof
