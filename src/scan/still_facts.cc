#include "scan/still_facts.h"

#include <nlohmann/json.hpp>

namespace parcelproof {

StillFacts ReadStillFacts(const std::string& metadata_json) {
  StillFacts f;
  nlohmann::json m = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!m.is_object() || !m.contains("still") || !m["still"].is_object()) return f;
  const nlohmann::json& s = m["still"];
  f.is_still = true;
  if (s.contains("purpose") && s["purpose"].is_string()) f.purpose = s["purpose"];
  if (s.contains("time_s") && s["time_s"].is_number()) f.time_s = s["time_s"];
  if (s.contains("frame") && s["frame"].is_number_integer()) f.frame = s["frame"];
  return f;
}

}  // namespace parcelproof
