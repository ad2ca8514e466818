#include "package/checklist.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/data_dir.h"
#include "core/file.h"

namespace parcelproof {

const std::vector<std::string>& DisputeReasons() {
  static const std::vector<std::string> kReasons = {
      "not-received", "invalid-tracking", "wrong-address",          "in-transit",
      "customs",      "returned",         "delivered-not-received", "not-as-described",
      "not-working",  "damaged",          "short-shipment",         "counterfeit",
      "wrong-item"};
  return kReasons;
}

bool IsDisputeReason(const std::string& reason) {
  const auto& r = DisputeReasons();
  return std::find(r.begin(), r.end(), reason) != r.end();
}

std::string DefaultChecklistsPath() { return DataDir() + "/checklists.json"; }

namespace package {
namespace {

using nlohmann::json;

Requirement ParseRequirement(const json& j) {
  Requirement r;
  r.id = j.at("id").get<std::string>();
  r.label = j.at("label").get<std::string>();
  r.roles = j.at("roles").get<std::vector<std::string>>();
  r.kind = j.value("kind", "");
  r.verdict = j.value("verdict", "");
  r.min = j.value("min", 1);
  return r;
}

bool Satisfies(const Requirement& r, const PackageItem& item) {
  if (std::find(r.roles.begin(), r.roles.end(), item.role) == r.roles.end()) return false;
  if (!r.kind.empty() && item.kind != r.kind) return false;
  if (r.verdict.empty()) return true;
  for (const PackageVerdict& v : item.verdicts) {
    if (v.verdict == r.verdict) return true;
  }
  return false;
}

}  // namespace

Result<ReasonChecklist> LoadChecklist(const std::string& path, const std::string& reason) {
  Result<std::string> text = ReadFileLimited(path, 4 << 20);
  if (!text.ok()) return text.status();
  try {
    json doc = json::parse(*text);
    const json& reasons = doc.at("reasons");
    if (!reasons.contains(reason)) {
      return Status::NotFound(path + ": no checklist for reason \"" + reason + "\"");
    }
    const json& r = reasons.at(reason);
    ReasonChecklist list{reason, r.value("family", ""), r.value("title", ""), {}};
    for (const json& n : r.at("needs")) list.needs.push_back(ParseRequirement(n));
    for (const json& n : doc.value("all", json::array())) list.needs.push_back(ParseRequirement(n));
    return list;
  } catch (const json::exception& e) {
    return Status::Corrupt(path + ": " + e.what());
  }
}

std::vector<ChecklistLine> EvaluateChecklist(const ReasonChecklist& list,
                                             const std::vector<PackageItem>& items,
                                             const std::vector<std::string>& paths) {
  std::vector<ChecklistLine> lines;
  for (const Requirement& r : list.needs) {
    ChecklistLine line{r.id, r.label, false, {}};
    for (size_t i = 0; i < items.size(); ++i) {
      if (Satisfies(r, items[i])) line.evidence.push_back(paths[i]);
    }
    line.present = static_cast<int>(line.evidence.size()) >= r.min;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace package
}  // namespace parcelproof
