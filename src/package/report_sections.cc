// The checklist, findings, timeline and label-check sections of report.html.
#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

std::string StatusCell(const ChecklistLine& l) {
  if (l.present) return "<td class=\"st ok\">present</td>";
  if (l.status == "present-but") return "<td class=\"st but\">present, but &hellip;</td>";
  return "<td class=\"st missing\">missing</td>";
}

std::string EventRow(const PackageModel& m, const PackageTimelineEvent& e, const ReportZone& z) {
  size_t i = ItemIndex(m, e.item_sha256);
  std::string what = i < m.items.size()
                         ? "<a href=\"#" + ItemAnchor(e.item_sha256) + "\">" + Esc(e.what) + "</a>"
                         : Esc(e.what);
  std::string cls =
      e.kind.rfind("order-", 0) == 0 || e.kind == "dispute-opened" ? " class=\"ev\"" : "";
  return "<tr" + cls + "><td class=\"time\">" + Esc(FormatTime(e.time, z)) + "</td><td>" + what +
         "</td><td class=\"dim\">" + Esc(e.source) + "</td></tr>";
}

}  // namespace

std::string ChecklistSection(const PackageModel& m) {
  std::string h =
      "<section id=\"checklist\"><h2>Evidence this reason needs</h2><table class=\"list\">"
      "<colgroup><col class=\"c-need\"><col class=\"c-st\"><col></colgroup>"
      "<tr><th>Needed</th><th>Status</th><th>Evidence</th></tr>";
  for (const ChecklistLine& l : m.checklist) {
    h += "<tr><td>" + Esc(l.label) + "</td>" + StatusCell(l) + "<td>";
    for (const std::string& p : l.evidence) {
      for (size_t i = 0; i < m.items.size(); ++i) {
        if (m.paths[i] == p) h += EvidenceChip(m, i);
      }
    }
    if (!l.caveats.empty()) {
      h += "<ul class=\"caveats\">";
      for (const std::string& c : l.caveats) h += "<li>" + Esc(c) + "</li>";
      h += "</ul>";
    }
    h += "</td></tr>";
  }
  return h + "</table></section>";
}

std::string FindingsSection(const PackageModel& m) {
  std::string h = "<section id=\"findings\"><h2>Findings about the times</h2>";
  if (m.input->findings.empty()) return h + "<p>None: the times tell one story.</p></section>";
  h += "<ul class=\"findings\">";
  for (const char* sev : {"serious", "warning", "info"}) {
    for (const PackageFinding& f : m.input->findings) {
      if (f.severity == sev) h += "<li>" + FindingSentence(m, f, true) + "</li>";
    }
  }
  return h +
         "</ul><p class=\"dim\">Findings are indicators computed from the files' own times; "
         "each is also shown next to its item.</p></section>";
}

std::string TimelineSection(const PackageModel& m, const ReportZone& z) {
  std::string h =
      "<section id=\"timeline\"><h2>Timeline</h2><table class=\"list\"><colgroup><col "
      "class=\"c-time\"><col><col class=\"c-src\"></colgroup><tr><th>Time</th><th>Event</th>"
      "<th>Source of the time</th></tr>";
  std::string apart;
  for (const PackageTimelineEvent& e : m.input->timeline) {
    if (e.kind == "ingested") {
      size_t i = ItemIndex(m, e.item_sha256);
      std::string name = i < m.items.size() ? ItemTitle(m.items[i]) : e.what;
      apart += "<li><a href=\"#" + ItemAnchor(e.item_sha256) + "\">" + Esc(name) +
               "</a> <span class=\"dim\">(stored " + Esc(FormatTime(e.time, z)) + ")</span></li>";
      continue;
    }
    h += EventRow(m, e, z);
  }
  h += "</table>";
  if (!apart.empty()) {
    h += "<h3>No capture time</h3><p>These items carry no usable capture time; the time they "
         "were stored is not when they were taken, so they are not placed in the story.</p><ul>" +
         apart + "</ul>";
  }
  return h + "</section>";
}

std::string VerdictSection(const PackageModel& m) {
  std::string rows;
  for (size_t i = 0; i < m.items.size(); ++i) {
    for (const PackageVerdict& v : m.items[i].verdicts) {
      std::string why;
      for (const std::string& r : v.reasons) why += Esc(r) + "<br>";
      bool mine = v.order_id == m.input->order.id;
      std::string cls = v.verdict == "PASS" ? "ok" : v.verdict == "MISMATCH" ? "missing" : "but";
      rows += "<tr><td><a href=\"#" + ItemAnchor(m.items[i].sha256) + "\">" +
              Esc(m.items[i].original_name) + "</a></td><td>" + Esc(v.order_id) +
              (mine ? " (this order)" : " (another order)") + "</td><td class=\"st " + cls + "\">" +
              Esc(v.verdict) + "</td><td>" + why + "</td></tr>";
    }
  }
  std::string h = "<section id=\"verdicts\"><h2>Label checks</h2>";
  if (rows.empty()) return h + "<p>No label photo was checked.</p></section>";
  return h +
         "<table class=\"list\"><colgroup><col class=\"c-name\"><col class=\"c-name\"><col "
         "class=\"c-st\"><col></colgroup><tr><th>Photo</th><th>Checked against</th>"
         "<th>Verdict</th><th>Why</th></tr>" +
         rows + "</table></section>";
}

}  // namespace parcelproof::package
