// Findings across items: a packing session out of order or spread over
// hours, and time-zone offsets that disagree within one station.
#include <algorithm>
#include <map>

#include "exif/exif_time.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

using Group = std::vector<const ItemTimes*>;

std::map<std::string, Group> PackingByStation(const std::vector<ItemTimes>& items) {
  std::map<std::string, Group> groups;
  for (const ItemTimes& t : items) {
    if (IsPackingRole(t.item->role) && t.capture.known) groups[t.item->station].push_back(&t);
  }
  return groups;
}

std::string StationName(const std::string& station) {
  return station.empty() ? "the unnamed station" : "station " + station;
}

// A file name's numbering scheme: the text before its first digit and its
// extension, lower-cased ("IMG_0012.JPG" -> "img_#.jpg", "DSC01234.jpg" ->
// "dsc#.jpg"), and the number itself. Names without digits have no scheme.
struct NameKey {
  std::string scheme;
  std::string number;  // leading zeros removed, compared by length then text
};

NameKey KeyOf(const std::string& name) {
  NameKey k;
  size_t first = name.find_first_of("0123456789");
  if (first == std::string::npos) return k;
  size_t end = name.find_first_not_of("0123456789", first);
  if (end == std::string::npos) end = name.size();
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos || dot < end ? "" : name.substr(dot);
  for (char c : name.substr(0, first) + "#" + ext) {
    k.scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  size_t nz = name.find_first_not_of('0', first);
  k.number = nz == std::string::npos || nz >= end ? "0" : name.substr(nz, end - nz);
  return k;
}

bool NumberLess(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Within one naming scheme (one camera or scanner's counter), capture order
// must follow the numbers; names of different schemes are never compared.
void OutOfOrder(const Group& group, int off, std::vector<Finding>* out) {
  std::map<std::string, std::vector<std::pair<NameKey, const ItemTimes*>>> schemes;
  for (const ItemTimes* t : group) {
    NameKey k = KeyOf(t->item->name);
    if (!k.scheme.empty()) schemes[k.scheme].push_back({k, t});
  }
  for (auto& [scheme, list] : schemes) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      if (a.first.number != b.first.number) return NumberLess(a.first.number, b.first.number);
      return a.second->item->name < b.second->item->name;
    });
    for (size_t k = 1; k < list.size(); ++k) {
      const ItemTimes& prev = *list[k - 1].second;
      const ItemTimes& cur = *list[k].second;
      if (prev.capture.zone_known != cur.capture.zone_known) continue;
      if (cur.capture.micros + 1000000 >= prev.capture.micros) continue;
      AddFinding(out, "session-out-of-order", Severity::kWarning, *cur.item,
                 ItemLabel(*cur.item) + " was captured " + Shown(cur.capture, off) + ", before " +
                     prev.item->name + " (" + Shown(prev.capture, off) +
                     ") although its number comes after it: photos renumbered, added later, or "
                     "a clock changed.");
    }
  }
}

// Only UTC times: a zone-unknown time could be anywhere within +-14 h.
void HoursApart(Group group, const TimelineOptions& o, std::vector<Finding>* out) {
  group.erase(std::remove_if(group.begin(), group.end(),
                             [](const ItemTimes* t) { return !t->capture.zone_known; }),
              group.end());
  std::stable_sort(group.begin(), group.end(), [](const ItemTimes* a, const ItemTimes* b) {
    return a->capture.micros < b->capture.micros;
  });
  for (size_t k = 1; k < group.size(); ++k) {
    int64_t gap_s = (group[k]->capture.micros - group[k - 1]->capture.micros) / 1000000;
    if (gap_s <= o.session_gap_limit_s) continue;
    AddFinding(out, "session-hours-apart", Severity::kWarning, *group[k]->item,
               "Packing photos of " + StationName(group[k]->item->station) + " are " +
                   HumanDuration(gap_s) + " apart (" + group[k - 1]->item->name + " at " +
                   Shown(group[k - 1]->capture, o.display_offset_minutes) + ", " +
                   group[k]->item->name + " at " +
                   Shown(group[k]->capture, o.display_offset_minutes) +
                   "); one packing session normally takes minutes.");
  }
}

void ZoneConsistency(const std::vector<ItemTimes>& items, std::vector<Finding>* out) {
  std::map<std::string, std::vector<std::pair<const ItemTimes*, std::string>>> by_station;
  for (const ItemTimes& t : items) {
    int minutes = 0;
    std::string why;
    const std::string& off = t.item->offset_time_original;
    if (ParseExifOffset(off, "OffsetTimeOriginal", &minutes, &why)) {
      by_station[t.item->station].push_back({&t, off});
    }
  }
  for (const auto& [station, list] : by_station) {
    std::map<std::string, int> counts;
    for (const auto& entry : list) ++counts[entry.second];
    if (counts.size() < 2) continue;
    std::string usual = list.front().second;
    for (const auto& [off, n] : counts) {
      if (n > counts[usual]) usual = off;
    }
    for (const auto& [t, off] : list) {
      if (off == usual) continue;
      AddFinding(out, "zone-inconsistent", Severity::kWarning, *t->item,
                 ItemLabel(*t->item) + ": time zone offset " + off + " while " +
                     std::to_string(counts[usual]) + " other item(s) of " + StationName(station) +
                     " say " + usual +
                     ": the camera's zone was changed or it came from another "
                     "device.");
    }
  }
}

}  // namespace

void SessionFindings(const std::vector<ItemTimes>& items, const TimelineOptions& options,
                     std::vector<Finding>* out) {
  for (const auto& [station, group] : PackingByStation(items)) {
    OutOfOrder(group, options.display_offset_minutes, out);
    HoursApart(group, options, out);
  }
  ZoneConsistency(items, out);
}

}  // namespace parcelproof
