#include "package/report_parts.h"

#include <algorithm>

#include "package/checklist.h"
#include "package/report_overlay.h"

namespace parcelproof::package {
namespace {

const char* KindWord(const PackageItem& it) {
  if (it.kind == "image") {
    if (it.role == "still") return "from video";
    return it.role == "chat" ? "screenshot" : "photo";
  }
  if (it.kind == "video") return "video";
  if (it.kind == "chat") return "export";
  return "file";
}

}  // namespace

int StoryRank(const std::string& role) {
  static const char* const kRoles[] = {"label",         "contents", "packing",    "weight",
                                       "delivery-note", "still",    "document",   "other",
                                       "chat",          "unboxing", "buyer-photo"};
  int n = 0;
  for (const char* r : kRoles) {
    if (role == r) return n;
    ++n;
  }
  return 7;  // with "other"
}

std::string Esc(const std::string& raw) {
  std::string s = SafeText(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Link(const std::string& path) {
  return "<a href=\"" + Esc(path) + "\">" + Esc(path) + "</a>";
}

bool IsText(const PackageItem& it) {
  const std::string& t = it.media_type;
  return t.rfind("text/", 0) == 0 || t == "application/json" || t == "text/csv";
}

std::vector<size_t> StoryOrder(const PackageModel& m) {
  std::vector<size_t> order(m.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const PackageItem& x = m.items[a];
    const PackageItem& y = m.items[b];
    if (StoryRank(x.role) != StoryRank(y.role)) return StoryRank(x.role) < StoryRank(y.role);
    bool mine_x =
        std::find(x.order_ids.begin(), x.order_ids.end(), m.input->order.id) != x.order_ids.end();
    bool mine_y =
        std::find(y.order_ids.begin(), y.order_ids.end(), m.input->order.id) != y.order_ids.end();
    if (mine_x != mine_y) return mine_x;  // this order's label before another parcel's
    if (x.capture_time.empty() != y.capture_time.empty()) return y.capture_time.empty();
    if (x.capture_time.empty()) {  // stills of a video without a time: by video, then frame
      return x.parent_sha256 + '\n' + x.original_name < y.parent_sha256 + '\n' + y.original_name;
    }
    return false;  // payload paths start with the UTC capture time: already in time order
  });
  return order;
}

std::string ItemTitle(const PackageItem& it) {
  std::string role = it.role;
  std::replace(role.begin(), role.end(), '-', ' ');
  return role + " " + KindWord(it) + " " + it.original_name;
}

std::string ItemAnchor(const std::string& sha256) { return "item-" + sha256.substr(0, 12); }

size_t ItemIndex(const PackageModel& m, const std::string& sha256) {
  for (size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].sha256 == sha256) return i;
  }
  return m.items.size();
}

std::string FindingSentence(const PackageModel& m, const PackageFinding& f, bool name_item) {
  std::string h = "<span class=\"sev sev-" + Esc(f.severity) + "\">" + Esc(f.severity) + "</span> ";
  size_t i = ItemIndex(m, f.item_sha256);
  if (name_item && i < m.items.size()) {
    std::string rest = AfterItemName(m.items[i], f.explanation);
    h += "<a href=\"#" + ItemAnchor(f.item_sha256) + "\">" + Esc(ItemTitle(m.items[i])) + "</a>";
    return h + Esc(rest.empty() ? ": " + f.explanation : rest);
  }
  return h + Esc(f.explanation);
}

std::string ItemFindings(const PackageModel& m, const std::string& sha256) {
  std::string h;
  for (const char* sev : {"serious", "warning", "info"}) {
    for (const PackageFinding& f : m.input->findings) {
      if (f.item_sha256 == sha256 && f.severity == sev) {
        h += "<li>" + FindingSentence(m, f, false) + "</li>";
      }
    }
  }
  return h.empty() ? "" : "<ul class=\"findings\">" + h + "</ul>";
}

std::string EvidenceChip(const PackageModel& m, size_t i) {
  const PackageItem& it = m.items[i];
  std::string img = m.thumbs[i].empty()
                        ? "<span class=\"file\">" + Esc(it.kind) + "</span>"
                        : "<img src=\"" + Esc(m.thumbs[i]) + "\" alt=\"" + Esc(it.role) + "\">";
  return "<a class=\"chip\" href=\"" + Esc(m.paths[i]) + "\">" + img + "<span>" +
         Esc(ItemTitle(it)) + "</span></a>";
}

std::string OrderVerdict(const PackageModel& m, std::string* first_reason) {
  std::string best;
  auto rank = [](const std::string& v) {
    return v == "MISMATCH" ? 3 : v == "PASS" ? 2 : v == "UNREADABLE" ? 1 : 0;
  };
  for (const PackageItem& it : m.items) {
    for (const PackageVerdict& v : it.verdicts) {
      if (v.order_id != m.input->order.id || rank(v.verdict) <= rank(best)) continue;
      best = v.verdict;
      first_reason->clear();
      for (const std::string& r : v.reasons)
        *first_reason += (first_reason->empty() ? "" : "; ") + r;
    }
  }
  return best;
}

}  // namespace parcelproof::package
