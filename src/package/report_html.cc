// report.html: one self-contained page assembled from section functions
// (report_parts.h). The summary comes first; a print stylesheet keeps
// figures, table rows and headings whole on A4 and Letter.
#include "package/bag_layout.h"
#include "package/model.h"
#include "package/report_address.h"
#include "package/report_chat.h"
#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

const char kStyle[] =
    "body{font-family:'DejaVu Sans','Noto Sans',sans-serif;max-width:1100px;margin:auto;"
    "padding:1em;color:#222;line-height:1.35}"
    "h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #ddd;padding-bottom:.2em;"
    "margin-top:1.6em}h3{font-size:1.05em}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
    "text-align:left;vertical-align:top}table.list{width:100%;table-layout:fixed}"
    "col.c-need{width:34%}col.c-st{width:9.5em}col.c-time{width:15em}col.c-src{width:28%}"
    "col.c-hash{width:33%}col.c-name{width:16%}col.c-seq{width:3.4em}col.c-act{width:6.5em}"
    "col.c-short{width:7.5em}"
    "code,.hash,.wrap,td{overflow-wrap:anywhere}code{background:#f4f4f4}"
    ".summary{border:3px solid #333;border-radius:6px;padding:.2em 1em .6em;margin:1em 0}"
    ".summary h2{margin-top:.4em;border:0}.summary table{width:100%}.summary th{width:11em}"
    ".verdict{font-weight:bold;padding:1px 8px;border-radius:4px;color:#fff}"
    ".v-pass{background:#1a7f37}.v-mismatch{background:#c62828}.v-unreadable{background:#b26a00}"
    ".trk{font-family:monospace;font-weight:bold;font-size:1.1em}.t-pass{color:#1a7f37}"
    ".t-mismatch{color:#c62828}.t-unreadable{color:#b26a00}.why{color:#444;font-size:.9em}"
    ".note{white-space:pre-wrap;margin:0;font-style:italic}.dim{color:#666;font-size:.9em}"
    ".st{font-weight:bold}.ok{color:#1a7f37}.missing{color:#c62828}.but{color:#b26a00}"
    ".sev{display:inline-block;font-size:.8em;font-weight:bold;padding:0 5px;border-radius:3px;"
    "color:#fff;background:#666}.sev-serious{background:#c62828}.sev-warning{background:#b26a00}"
    "ul.findings,ul.caveats{margin:.3em 0;padding-left:1.2em}"
    ".chip{display:inline-flex;align-items:center;gap:6px;margin:2px 8px 2px 0;"
    "text-decoration:none}.chip img{height:48px;border:1px solid #ccc}.chip .file{display:"
    "inline-block;width:48px;height:48px;line-height:48px;text-align:center;background:#eee;"
    "font-size:.75em;color:#333}"
    ".grid{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;width:340px}"
    ".ph{position:relative;width:100%}.ph img{width:100%;display:block}.ph svg{position:absolute;"
    "left:0;top:0;width:100%;height:100%}figcaption{font-size:12px;margin-top:4px}"
    "ol.codes{padding-left:1.4em;margin:.3em 0}table.fields{font-size:11px;margin:.2em 0}"
    "table.fields td,table.fields th{padding:1px 4px}"
    ".sw{display:inline-block;width:.9em;height:.9em;margin:0 4px;vertical-align:-1px;"
    "border:1px solid #fff;outline:1px solid #888}.legend{font-size:.9em}"
    "pre{background:#f4f4f4;padding:8px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}"
    "img.shot{max-width:600px}table.small{font-size:12px}tr.ev td{background:#f3f6fb}"
    "@media print{"
    "@page{margin:14mm 12mm}body{max-width:none;padding:0;font-size:10pt}"
    "h1,h2,h3{break-after:avoid;page-break-after:avoid}"
    "h2,h3{break-inside:avoid}"
    "tr,figure,.summary,pre,li{break-inside:avoid;page-break-inside:avoid}"
    ".grid{display:block}figure{display:inline-block;width:48%;margin:0 1% 10px 0;"
    "vertical-align:top}figcaption{font-size:8pt}a{color:inherit;text-decoration:none}"
    "section{break-before:auto}thead{display:table-header-group}"
    "table.list,table.small{font-size:8.5pt}col.c-time{width:12em}"
    // Firefox splits flex items across pages: chat bubbles become blocks
    // that stay whole, the seller's pushed right.
    ".thread{display:block}.msg{break-inside:avoid;page-break-inside:avoid;width:fit-content;"
    "margin:0 0 6px}.msg.seller{margin-left:auto}.msg.sys{margin:0 auto 6px}"

    "}";

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
  ReportZone zone = ChooseZone(in);
  std::string title = "Dispute evidence: order " + in.order.id + " (" + in.reason + ")";
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "img-src 'self'; style-src 'unsafe-inline'\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
      Esc(title) + "</title><style>" + kStyle + kChatStyle + "</style></head><body>\n<h1>" +
      Esc(title) + "</h1>\n";
  // One line per section; other sections hook in with one line here.
  h += SummarySection(m, zone) + "\n";
  h += ChecklistSection(m) + "\n";
  h += FindingsSection(m) + "\n";
  h += TimelineSection(m, zone) + "\n";
  h += PhotoSection(m, zone) + "\n";
  h += OtherFilesSection(m, zone) + "\n";
  h += VerdictSection(m) + "\n";
  h += AddressSection(m) + "\n";
  h += ConversationSection(m, zone) + "\n";
  h += OrderSection(m, zone) + "\n";
  h += CustodySection(m, zone) + "\n";
  h += VerifySection(m) + "\n";
  return h + "</body></html>\n";
}

}  // namespace parcelproof::package
