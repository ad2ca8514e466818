// The summary box: the seller's case in one look.
#include <map>

#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

std::string Row(const std::string& key, const std::string& html) {
  return "<tr><th>" + key + "</th><td>" + html + "</td></tr>";
}

std::string VerdictHtml(const PackageModel& m) {
  std::string reason;
  std::string v = OrderVerdict(m, &reason);
  std::string tracking;
  for (const TrackingNumber& t : m.input->order.tracking) {
    tracking += (tracking.empty() ? "" : ", ") + t.number;
  }
  std::string cls = v == "PASS" ? "pass" : v == "MISMATCH" ? "mismatch" : "unreadable";
  std::string h = "<span class=\"verdict v-" + cls + "\">" + (v.empty() ? "NOT CHECKED" : v) +
                  "</span> tracking <span class=\"trk t-" + cls + "\">" +
                  Esc(tracking.empty() ? "(none on the order)" : tracking) + "</span>";
  if (!reason.empty()) h += "<div class=\"why\">" + Esc(reason) + "</div>";
  if (v.empty()) h += "<div class=\"why\">No label photo was checked against this order.</div>";
  return h;
}

std::string Counts(const PackageModel& m) {
  std::map<std::string, int> n;
  for (const PackageItem& it : m.items) {
    std::string k = it.kind == "image"  ? (it.role == "chat" ? "chat screenshot" : "photo")
                    : it.kind == "chat" ? "chat export"
                                        : it.kind;
    ++n[k];
  }
  std::string s;
  for (const auto& [k, c] : n) {
    s += (s.empty() ? "" : ", ") + std::to_string(c) + " " + k + (c > 1 ? "s" : "");
  }
  return Esc(s);
}

std::string SeriousFindings(const PackageModel& m) {
  std::string li;
  int count = 0;
  for (const PackageFinding& f : m.input->findings) {
    if (f.severity != "serious") continue;
    ++count;
    li += "<li>" + FindingSentence(m, f, true) + "</li>";
  }
  if (count == 0) return "none";
  return std::to_string(count) + "<ul class=\"findings\">" + li + "</ul>";
}

std::string ChecklistCount(const PackageModel& m) {
  int met = 0, but = 0;
  for (const ChecklistLine& l : m.checklist) {
    met += l.present;
    but += l.status == "present-but";
  }
  std::string s = std::to_string(met) + " of " + std::to_string(m.checklist.size()) + " met";
  if (but) s += ", " + std::to_string(but) + " present but doubtful";
  return "<a href=\"#checklist\">" + s + "</a>";
}

}  // namespace

std::string SummarySection(const PackageModel& m, const ReportZone& zone) {
  const PackageInput& in = *m.input;
  std::string h = "<section id=\"summary\" class=\"summary\"><h2>Summary</h2><table>";
  h += Row("Order", Esc(in.order.id) +
                        (in.order.platform.empty()
                             ? ""
                             : " <span class=\"dim\">(" + Esc(in.order.platform) + ")</span>"));
  h += Row(
      "Dispute",
      "<b>" + Esc(m.checklist_def.title.empty() ? in.reason : m.checklist_def.title) +
          "</b> <span class=\"dim\">(" + Esc(in.reason) + ", " + Esc(m.checklist_def.family) +
          ")</span>" +
          (in.dispute_opened.empty() ? ""
                                     : "<br>opened " + Esc(FormatTime(in.dispute_opened, zone))));
  if (!in.note.empty())
    h += Row("Seller's statement", "<p class=\"note\">" + Esc(in.note) + "</p>");
  h += Row("Label check", VerdictHtml(m));
  h += Row("Shipped", in.order.shipped_at.empty() ? "not recorded on the order"
                                                  : Esc(FormatTime(in.order.shipped_at, zone)));
  h += Row("Evidence", Counts(m) + "; checklist " + ChecklistCount(m));
  h += Row("Serious findings", SeriousFindings(m));
  h += Row("Package", "<code>" + Esc(m.package_id) + "</code>, built " +
                          Esc(FormatTime(m.bagging_time, zone)));
  h += Row("Signing key", "<code class=\"hash\">" + Esc(m.fingerprint) +
                              "</code><br><span class=\"dim\">SHA-256 of the public key; compare "
                              "with the fingerprint the seller published</span>");
  std::string zone_note = zone.from.empty()
                              ? "Times are UTC (no local zone known)."
                              : "Times are local (" + OffsetName(zone.offset_minutes) + ", from " +
                                    zone.from + ") with UTC alongside.";
  return h + "</table><p class=\"dim\">" + Esc(zone_note) + "</p></section>";
}

}  // namespace parcelproof::package
