// The order, conversation, custody and verification sections of report.html.
#include "core/file.h"
#include "package/report_chat.h"
#include "package/report_parts.h"

namespace parcelproof::package {

std::string OrderSection(const PackageModel& m, const ReportZone& z) {
  const Order& o = m.input->order;
  std::string h = "<section id=\"order\"><h2>Order</h2><table class=\"kv\">";
  auto row = [&](const char* k, const std::string& v) {
    if (!v.empty()) h += "<tr><th>" + std::string(k) + "</th><td>" + Esc(v) + "</td></tr>";
  };
  row("Order", o.id);
  row("Platform", o.platform);
  std::string tracking;
  for (const TrackingNumber& t : o.tracking) {
    tracking += (tracking.empty() ? "" : "; ") + t.carrier + " " + t.number;
  }
  row("Tracking", tracking);
  std::string addr = o.recipient.name;
  for (const std::string& l : o.recipient.lines) addr += ", " + l;
  addr += ", " + o.recipient.postal_code + " " + o.recipient.city;
  if (!o.recipient.region.empty()) addr += ", " + o.recipient.region;
  addr += ", " + o.recipient.country;
  row("Ship to", addr);
  std::string goods;
  for (const OrderItem& i : o.items) {
    goods += (goods.empty() ? "" : "; ") + std::to_string(i.quantity) + " x " + i.title + " (" +
             i.sku + ")";
  }
  row("Items", goods);
  row("Placed", FormatTime(o.placed_at, z));
  row("Paid", FormatTime(o.paid_at, z));
  row("Shipped", FormatTime(o.shipped_at, z));
  row("Delivered", FormatTime(o.delivered_at, z));
  return h + "</table></section>";
}

std::string ConversationSection(const PackageModel& m, const ReportZone& zone) {
  std::string h = "<section id=\"conversation\"><h2>Conversation with the buyer</h2>";
  bool any = false;
  for (size_t i = 0; i < m.items.size(); ++i) {
    const PackageItem& it = m.items[i];
    if (it.role != "chat") continue;
    any = true;
    h += "<h3>" + Link(m.paths[i]) + "</h3>";
    if (it.kind == "image" || it.media_type.rfind("image/", 0) == 0) {
      h += "<a href=\"" + Esc(m.paths[i]) + "\"><img class=\"shot\" src=\"" +
           Esc(m.thumbs[i].empty() ? m.paths[i] : m.thumbs[i]) + "\" alt=\"chat screenshot\"></a>";
    } else if (const PackageConversation* c = FindConversation(*m.input, it.sha256)) {
      h += ConversationThreadHtml(*c, m.paths[i], zone);
    } else if (IsText(it)) {
      Result<std::string> text = ReadFilePrefix(it.source_path, 64 * 1024);
      if (text.ok()) {
        h += "<pre>" + Esc(*text) + "</pre>";
        if (it.size > text->size()) h += "<p>(first 64 KB shown; open the file for the rest)</p>";
      }
    }
  }
  if (!any) h += "<p class=\"missing\">No conversation in this package.</p>";
  return h + "</section>";
}

std::string CustodySection(const PackageModel& m, const ReportZone& z) {
  std::string h =
      "<section id=\"custody\"><h2>Custody log</h2><p class=\"dim\">Every action on the order "
      "and its items, hash-chained in the store.</p><table class=\"list small\"><colgroup><col "
      "class=\"c-seq\"><col class=\"c-time\"><col class=\"c-act\"><col class=\"c-name\"><col "
      "class=\"c-short\"><col></colgroup><tr><th>#</th><th>Time</th><th>Action</th>"
      "<th>Actor / station</th><th>Item</th><th>Detail</th></tr>";
  for (const PackageLogEntry& e : m.input->custody) {
    h += "<tr><td>" + std::to_string(e.seq) + "</td><td>" + Esc(FormatTime(e.time, z)) +
         "</td><td>" + Esc(e.action) + "</td><td>" + Esc(e.actor + " / " + e.station) +
         "</td><td><code>" + Esc(e.item_sha256.substr(0, 12)) + "</code></td><td class=\"wrap\">" +
         Esc(e.detail) + "</td></tr>";
  }
  return h + "</table></section>";
}

std::string VerifySection(const PackageModel& m) {
  std::string h =
      "<section id=\"verify\"><h2>How to verify this package</h2><p>Unzip it, then "
      "in the folder <code>" +
      Esc(m.bag_name) +
      "</code> run (OpenSSL 3 and coreutils; each must print OK / "
      "Signature Verified Successfully):</p><pre>";
  for (const std::string& c : VerifyCommands()) h += Esc(c) + "\n";
  h += "</pre><p>The signing key's fingerprint (SHA-256 of the DER public key) is <code "
       "class=\"hash\">" +
       Esc(m.fingerprint) + "</code>; compare it with the one the seller published.</p>";
  return h + "</section>";
}

}  // namespace parcelproof::package
