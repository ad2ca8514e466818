// The per-reason evidence checklist, read from data/checklists.json.
#ifndef PARCELPROOF_PACKAGE_CHECKLIST_H_
#define PARCELPROOF_PACKAGE_CHECKLIST_H_

#include <string>
#include <vector>

#include "parcelproof/package.h"

namespace parcelproof::package {

struct Requirement {
  std::string id, label;
  std::vector<std::string> roles;
  std::string kind;     // "" = any
  std::string verdict;  // "" = any
  int min = 1;
};

struct ReasonChecklist {
  std::string reason, family, title;
  std::vector<Requirement> needs;  // the reason's own, then the "all" ones
};

// Loads the checklist of reason from the JSON file at path.
Result<ReasonChecklist> LoadChecklist(const std::string& path, const std::string& reason);

// Marks each requirement present, present-but or missing for the order
// order_id; paths[i] is items[i]'s data/ path. An item counts only when it
// is linked to order_id, a required verdict only when it is order_id's, and
// an item with a serious finding only as "present, but" (its explanation in
// the caveats).
std::vector<ChecklistLine> EvaluateChecklist(const ReasonChecklist& list,
                                             const std::vector<PackageItem>& items,
                                             const std::vector<std::string>& paths,
                                             const std::string& order_id,
                                             const std::vector<PackageFinding>& findings);

// A finding's explanation names its item first, as "<role> <name>" (the
// timeline's ItemLabel): the rest after that name (": no capture time ...",
// " was captured ..."), or "" when the explanation does not start with it.
// Places that name the item themselves show only the rest, so that no
// sentence names its item twice.
std::string AfterItemName(const PackageItem& item, const std::string& explanation);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_CHECKLIST_H_
