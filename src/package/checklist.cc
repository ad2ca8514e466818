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

bool HasRole(const Requirement& r, const PackageItem& item) {
  if (std::find(r.roles.begin(), r.roles.end(), item.role) == r.roles.end()) return false;
  return r.kind.empty() || item.kind == r.kind;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Why item does not count for r at all ("" when it does, maybe with findings).
std::string Excluded(const Requirement& r, const PackageItem& item, const std::string& order_id) {
  if (!Contains(item.order_ids, order_id)) {
    std::string others;
    for (const std::string& o : item.order_ids) others += (others.empty() ? "" : ", ") + o;
    return others.empty() ? "not linked to this order"
                          : "linked to order " + others + ", not to this order";
  }
  if (r.verdict.empty()) return "";
  for (const PackageVerdict& v : item.verdicts) {
    if (v.order_id != order_id) continue;
    if (v.verdict == r.verdict) return "";
    return "this order's label check is " + v.verdict;
  }
  return "no label check against this order";
}

// Serious findings about one item, in plain words.
std::vector<std::string> SeriousFindings(const PackageItem& item,
                                         const std::vector<PackageFinding>& findings) {
  std::vector<std::string> out;
  for (const PackageFinding& f : findings) {
    if (f.severity == "serious" && f.item_sha256 == item.sha256) out.push_back(f.explanation);
  }
  return out;
}

ChecklistLine Evaluate(const Requirement& r, const std::vector<PackageItem>& items,
                       const std::vector<std::string>& paths, const std::string& order_id,
                       const std::vector<PackageFinding>& findings) {
  ChecklistLine line{r.id, r.label, false, "missing", {}, {}};
  std::vector<std::string> flagged;
  int clean = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!HasRole(r, items[i])) continue;
    std::string why = Excluded(r, items[i], order_id);
    if (!why.empty()) {
      line.caveats.push_back(paths[i] + ": " + why);
      continue;
    }
    std::vector<std::string> serious = SeriousFindings(items[i], findings);
    if (serious.empty()) {
      line.evidence.push_back(paths[i]);
      ++clean;
      continue;
    }
    flagged.push_back(paths[i]);
    for (const std::string& s : serious) {
      std::string rest = AfterItemName(items[i], s);
      line.caveats.push_back(paths[i] + (rest.empty() ? ": " + s : rest));
    }
  }
  line.present = clean >= r.min;
  if (line.present) {
    line.status = "present";
  } else if (clean + static_cast<int>(flagged.size()) >= r.min) {
    line.status = "present-but";
  }
  line.evidence.insert(line.evidence.end(), flagged.begin(), flagged.end());
  return line;
}

}  // namespace

std::string AfterItemName(const PackageItem& item, const std::string& explanation) {
  std::string name = (item.role.empty() ? "item" : item.role) + " " +
                     (item.original_name.empty() ? item.sha256.substr(0, 12) : item.original_name);
  if (explanation.size() <= name.size() || explanation.compare(0, name.size(), name) != 0) {
    return "";
  }
  char next = explanation[name.size()];
  return next == ':' || next == ' ' ? explanation.substr(name.size()) : "";
}

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
                                             const std::vector<std::string>& paths,
                                             const std::string& order_id,
                                             const std::vector<PackageFinding>& findings) {
  std::vector<ChecklistLine> lines;
  for (const Requirement& r : list.needs) {
    lines.push_back(Evaluate(r, items, paths, order_id, findings));
  }
  return lines;
}

}  // namespace package
}  // namespace parcelproof
