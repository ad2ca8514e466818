// Everything the tag files of one package are rendered from.
#ifndef PARCELPROOF_PACKAGE_MODEL_H_
#define PARCELPROOF_PACKAGE_MODEL_H_

#include <string>
#include <vector>

#include "package/checklist.h"
#include "parcelproof/package.h"

namespace parcelproof::package {

struct PackageModel {
  const PackageInput* input = nullptr;
  std::vector<PackageItem> items;   // deduplicated by hash, sorted by path
  std::vector<std::string> paths;   // data/... path of items[i]
  std::vector<std::string> thumbs;  // thumbnails/... path of items[i], "" when none
  std::string bag_name, package_id, bagging_time, fingerprint;
  ReasonChecklist checklist_def;
  std::vector<ChecklistLine> checklist;
};

// evidence.json (schemas/evidence.schema.json), pretty-printed, keys sorted.
std::string EvidenceJson(const PackageModel& m);
// report.html: one self-contained page with no network references.
std::string ReportHtml(const PackageModel& m);
// The commands that verify an unzipped package, one per line.
std::vector<std::string> VerifyCommands();

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_MODEL_H_
