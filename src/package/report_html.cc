// report.html: order, reason, checklist, timeline, photos with barcode
// outlines, verdicts, conversation, custody log and how to verify.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/file.h"
#include "package/bag_layout.h"
#include "package/model.h"
#include "package/report_address.h"
#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

const char kStyle[] =
    "body{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
    "text-align:left;vertical-align:top}.ok{color:#070;font-weight:bold}.missing{color:#b00;"
    "font-weight:bold}.grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;width:320px}"
    ".ph{position:relative;width:320px}.ph img{width:100%;display:block}.ph svg{position:absolute;"
    "left:0;top:0;width:100%;height:100%}pre{background:#f4f4f4;padding:8px;overflow:auto;"
    "white-space:pre-wrap}code{background:#f4f4f4}figcaption{font-size:12px;word-break:break-all}";

std::string OrderSection(const Order& o) {
  std::string h = "<h2>Order</h2><table>";
  auto row = [&](const char* k, const std::string& v) {
    if (!v.empty()) h += "<tr><th>" + std::string(k) + "</th><td>" + Esc(v) + "</td></tr>";
  };
  row("Order", o.id);
  row("Platform", o.platform);
  std::string tracking;
  for (const TrackingNumber& t : o.tracking) tracking += t.carrier + " " + t.number + "; ";
  row("Tracking", tracking);
  std::string addr = o.recipient.name;
  for (const std::string& l : o.recipient.lines) addr += ", " + l;
  addr += ", " + o.recipient.postal_code + " " + o.recipient.city + ", " + o.recipient.region +
          " " + o.recipient.country;
  row("Ship to", addr);
  std::string goods;
  for (const OrderItem& i : o.items)
    goods += std::to_string(i.quantity) + " x " + i.title + " (" + i.sku + "); ";
  row("Items", goods);
  row("Placed", o.placed_at);
  row("Paid", o.paid_at);
  row("Shipped", o.shipped_at);
  row("Delivered", o.delivered_at);
  return h + "</table>";
}

std::string ChecklistSection(const PackageModel& m) {
  std::string h =
      "<h2>Evidence this reason needs</h2><table><tr><th>Needed</th><th>Status</th>"
      "<th>Evidence</th></tr>";
  for (const ChecklistLine& l : m.checklist) {
    h += "<tr><td>" + Esc(l.label) + "</td><td class=\"" +
         (l.present ? "ok\">present" : "missing\">missing") + "</td><td>";
    for (const std::string& p : l.evidence) h += Link(p) + "<br>";
    h += "</td></tr>";
  }
  return h + "</table>";
}

std::string TimelineSection(const PackageInput& in) {
  std::string h = "<h2>Timeline</h2><table><tr><th>Time</th><th>Event</th><th>Source</th></tr>";
  for (const PackageTimelineEvent& t : in.timeline) {
    h += "<tr><td>" + Esc(t.time) + "</td><td>" + Esc(t.what) + "</td><td>" + Esc(t.source) +
         "</td></tr>";
  }
  h += "</table>";
  if (!in.findings.empty()) {
    h += "<h3>Findings</h3><ul>";
    for (const std::string& f : in.findings) h += "<li>" + Esc(f) + "</li>";
    h += "</ul>";
  }
  return h;
}

std::string VerdictSection(const PackageModel& m) {
  std::string h =
      "<h2>Label checks</h2><table><tr><th>Photo</th><th>Order</th><th>Verdict</th>"
      "<th>Why</th></tr>";
  for (size_t i = 0; i < m.items.size(); ++i) {
    for (const PackageVerdict& v : m.items[i].verdicts) {
      std::string why;
      for (const std::string& r : v.reasons) why += Esc(r) + "<br>";
      h += "<tr><td>" + Link(m.paths[i]) + "</td><td>" + Esc(v.order_id) + "</td><td class=\"" +
           (v.verdict == "PASS" ? "ok" : "missing") + "\">" + Esc(v.verdict) + "</td><td>" + why +
           "</td></tr>";
    }
  }
  return h + "</table>";
}

std::string ConversationSection(const PackageModel& m) {
  std::string h = "<h2>Conversation with the buyer</h2>";
  bool any = false;
  for (size_t i = 0; i < m.items.size(); ++i) {
    const PackageItem& it = m.items[i];
    if (it.role != "chat") continue;
    any = true;
    h += "<h3>" + Link(m.paths[i]) + "</h3>";
    if (it.kind == "image" || it.media_type.rfind("image/", 0) == 0) {
      h += "<a href=\"" + Esc(m.paths[i]) + "\"><img style=\"max-width:600px\" src=\"" +
           Esc(m.paths[i]) + "\" alt=\"chat screenshot\"></a>";
    } else if (IsText(it)) {
      Result<std::string> text = ReadFilePrefix(it.source_path, 64 * 1024);
      if (text.ok()) {
        h += "<pre>" + Esc(*text) + "</pre>";
        if (it.size > text->size()) h += "<p>(first 64 KB shown; open the file for the rest)</p>";
      }
    }
  }
  if (!any) h += "<p class=\"missing\">No conversation in this package.</p>";
  if (!m.input->note.empty()) h += "<h3>Seller's note</h3><pre>" + Esc(m.input->note) + "</pre>";
  return h;
}

std::string CustodySection(const PackageInput& in) {
  std::string h =
      "<h2>Custody log</h2><table><tr><th>#</th><th>Time</th><th>Action</th>"
      "<th>Actor / station</th><th>Item</th><th>Detail</th></tr>";
  for (const PackageLogEntry& e : in.custody) {
    h += "<tr><td>" + std::to_string(e.seq) + "</td><td>" + Esc(e.time) + "</td><td>" +
         Esc(e.action) + "</td><td>" + Esc(e.actor + " / " + e.station) + "</td><td><code>" +
         Esc(e.item_sha256.substr(0, 12)) + "</code></td><td>" + Esc(e.detail) + "</td></tr>";
  }
  return h + "</table>";
}

std::string VerifySection(const PackageModel& m) {
  std::string h = "<h2>How to verify this package</h2><p>Unzip it, then in the folder <code>" +
                  Esc(m.bag_name) +
                  "</code> run (OpenSSL 3 and coreutils; each must print OK / "
                  "Signature Verified Successfully):</p><pre>";
  for (const std::string& c : VerifyCommands()) h += Esc(c) + "\n";
  h += "</pre><p>The signing key's fingerprint (SHA-256 of the DER public key) is <code>" +
       Esc(m.fingerprint) + "</code>; compare it with the one the seller published.</p>";
  return h;
}

}  // namespace

std::vector<std::string> VerifyCommands() {
  return {
      "openssl pkeyutl -verify -pubin -inkey signature/public.pem -rawin "
      "-in tagmanifest-sha256.txt -sigfile signature/tagmanifest-sha256.txt.sig",
      "sha256sum -c tagmanifest-sha256.txt", "sha256sum -c manifest-sha256.txt",
      "openssl pkey -pubin -in signature/public.pem -outform DER | sha256sum"};
}

std::string ReportHtml(const PackageModel& m) {
  const PackageInput& in = *m.input;
  std::string title = "Dispute evidence: order " + in.order.id + " (" + in.reason + ")";
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
      "img-src 'self'; style-src 'unsafe-inline'\"><title>" +
      Esc(title) + "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>" + Esc(title) + "</h1><p>Reason: <b>" + Esc(in.reason) + "</b> (" +
       Esc(m.checklist_def.family) + ": " + Esc(m.checklist_def.title) + ")";
  if (!in.dispute_opened.empty()) h += ". Dispute opened " + Esc(in.dispute_opened);
  h += ". Package <code>" + Esc(m.package_id) + "</code> built " + Esc(m.bagging_time) + ".</p>\n";
  h += ChecklistSection(m) + "\n" + OrderSection(in.order) + "\n" + TimelineSection(in) + "\n";
  h += PhotoSection(m) + "\n" + OtherFilesSection(m) + "\n" + VerdictSection(m) + "\n";
  h += AddressSection(m) + "\n";
  h += ConversationSection(m) + "\n" + CustodySection(in) + "\n" + VerifySection(m) + "\n";
  return h + "</body></html>\n";
}

}  // namespace parcelproof::package
