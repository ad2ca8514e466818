// The check report as JSON (schemas/check.schema.json).
#include <nlohmann/json.hpp>

#include "parcelproof/check.h"

namespace parcelproof {

std::string CheckReportJson(const std::vector<LabelCheck>& checks) {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  int counts[3] = {0, 0, 0};
  for (const LabelCheck& c : checks) {
    ordered_json j = {{"file", c.file}};
    if (!c.sha256.empty()) j["sha256"] = c.sha256;
    if (!c.order_id.empty()) j["order_id"] = c.order_id;
    j["verdict"] = VerdictName(c.verdict);
    j["reasons"] = c.reasons;
    j["warnings"] = c.warnings;
    j["label_tracking"] = c.label_tracking;
    if (!c.scan_status.ok()) j["error"] = c.scan_status.ToString();
    list.push_back(j);
    ++counts[static_cast<int>(c.verdict)];
  }
  ordered_json summary = {{"pass", counts[0]}, {"mismatch", counts[1]}, {"unreadable", counts[2]}};
  return ordered_json({{"checks", list}, {"summary", summary}})
      .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace parcelproof
