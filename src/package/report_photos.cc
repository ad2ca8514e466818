// Photos in the story's order with their barcodes outlined, and the other
// files (videos, documents) with their times and hashes.
#include "package/report_chat.h"
#include "package/report_overlay.h"
#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

std::string Captured(const PackageItem& it, const ReportZone& z) {
  if (it.capture_time.empty()) return "no capture time";
  return "taken " + FormatTime(it.capture_time, z) + " <span class=\"dim\">(" +
         Esc(it.capture_time_source) + ")</span>";
}

// A conversation has no capture time: its messages' first and last times
// and their count say when it happened.
std::string Messages(const PackageConversation& c, const ReportZone& z) {
  const ChatMessage* first = nullptr;
  const ChatMessage* last = nullptr;
  for (const ChatMessage& msg : c.messages) {
    if (!msg.has_time) continue;
    if (first == nullptr) first = &msg;
    last = &msg;
  }
  std::string n =
      std::to_string(c.info.message_count) + (c.info.message_count == 1 ? " message" : " messages");
  if (first == nullptr) return n + ", none with a time";
  if (first == last) return n + ", at " + Esc(FormatTime(first->time, z));
  return n + ", from " + Esc(FormatTime(first->time, z)) + " to " + Esc(FormatTime(last->time, z));
}

std::string FileTime(const PackageModel& m, const PackageItem& it, const ReportZone& z) {
  const PackageConversation* c = FindConversation(*m.input, it.sha256);
  if (it.capture_time.empty() && c != nullptr) return Messages(*c, z);
  return Captured(it, z);
}

bool IsPhoto(const PackageItem& it) { return it.kind == "image" && it.role != "chat"; }

std::string Figure(const PackageModel& m, size_t i, const ReportZone& z) {
  const PackageItem& it = m.items[i];
  Overlay o = ReadOverlay(it.metadata_json, m.input->order);
  std::string src = m.thumbs[i].empty() ? m.paths[i] : m.thumbs[i];
  std::string h = "<figure id=\"" + ItemAnchor(it.sha256) + "\"><a href=\"" + Esc(m.paths[i]) +
                  "\"><div class=\"ph\"><img src=\"" + Esc(src) + "\" alt=\"" + Esc(ItemTitle(it)) +
                  "\">" + OverlaySvg(o) + "</div></a><figcaption><b>" + Esc(ItemTitle(it)) +
                  "</b><br>" + Captured(it, z) + "<br><a href=\"" + Esc(m.paths[i]) + "\">" +
                  Esc(m.paths[i]) + "</a><br>sha256 <code class=\"hash\">" + Esc(it.sha256) +
                  "</code>";
  if (!it.parent_sha256.empty()) h += StillCaption(m, it);
  for (const PackageVerdict& v : it.verdicts) {
    if (v.order_id != m.input->order.id) continue;
    std::string cls = v.verdict == "PASS"       ? "pass"
                      : v.verdict == "MISMATCH" ? "mismatch"
                                                : "unreadable";
    h += "<br>label check: <span class=\"verdict v-" + cls + "\">" + Esc(v.verdict) + "</span>";
    for (const std::string& r : v.reasons) h += "<br><span class=\"why\">" + Esc(r) + "</span>";
  }
  return h + SymbolList(o) + ItemFindings(m, it.sha256) + "</figcaption></figure>";
}

}  // namespace

std::string PhotoSection(const PackageModel& m, const ReportZone& z) {
  std::string figures;
  for (size_t i : StoryOrder(m)) {
    if (IsPhoto(m.items[i])) figures += Figure(m, i, z);
  }
  std::string h = "<section id=\"photos\"><h2>Photos</h2>";
  if (figures.empty()) return h + "<p>No photos in this package.</p></section>";
  return h +
         "<p>In the order of the story: label, contents, packing, weight, delivery note, stills "
         "from video, then the buyer's evidence. Each picture opens the original.</p>" +
         OverlayLegend() + "<div class=\"grid\">" + figures + "</div></section>";
}

std::string OtherFilesSection(const PackageModel& m, const ReportZone& z) {
  std::string rows;
  for (size_t i : StoryOrder(m)) {
    const PackageItem& it = m.items[i];
    if (IsPhoto(it)) continue;
    rows += "<tr id=\"" + ItemAnchor(it.sha256) + "\"><td><b>" + Esc(ItemTitle(it)) + "</b><br>" +
            Link(m.paths[i]) + ItemFindings(m, it.sha256) + "</td><td>" + FileTime(m, it, z) +
            "</td><td><code class=\"hash\">" + Esc(it.sha256) + "</code></td></tr>";
  }
  std::string h = "<section id=\"files\"><h2>Videos, documents and conversations</h2>";
  if (rows.empty()) return h + "<p>None in this package.</p></section>";
  return h +
         "<table class=\"list\"><colgroup><col><col class=\"c-time\"><col class=\"c-hash\">"
         "</colgroup><tr><th>File</th><th>Captured</th><th>SHA-256</th></tr>" +
         rows + "</table></section>";
}

}  // namespace parcelproof::package
