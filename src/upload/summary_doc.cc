#include "upload/summary_doc.h"

#include <map>

#include "package/report_overlay.h"
#include "package/report_time.h"
#include "upload/evidence_fields.h"
#include "upload/summary_chat.h"

namespace parcelproof::upload {
namespace {

using nlohmann::json;
using pdf::Block;

const uint32_t kGreen = 0x1a7f37, kRed = 0xc62828, kAmber = 0xb26a00, kText = 0x222222;

std::string Str(const json& j, const char* key) { return FieldStr(j, key); }
const json& Arr(const json& j, const char* key) { return FieldArray(j, key); }
const json& Obj(const json& j, const char* key) { return FieldObject(j, key); }

std::string Safe(const std::string& s) { return package::SafeText(s); }

Block Make(Block::Kind kind, const std::string& text, uint32_t rgb = kText) {
  Block b;
  b.kind = kind;
  b.text = Safe(text);
  b.rgb = rgb;
  return b;
}

Block Kv(const std::string& key, const std::string& value, uint32_t rgb = kText,
         bool bold = false) {
  Block b = Make(Block::Kind::kKeyValue, value, rgb);
  b.key = key;
  b.bold = bold;
  b.boxed = true;
  return b;
}

package::ReportZone Zone(const json& ev) {
  const json& times = Obj(Obj(ev, "order"), "times");
  std::vector<std::string> captures;
  for (const json& it : Arr(ev, "items")) captures.push_back(Str(it, "capture_time"));
  return ChooseDisplayZone(
      {Str(times, "placed"), Str(times, "paid"), Str(times, "shipped"), Str(times, "delivered")},
      captures);
}

Order TrackingOrder(const json& ev) {
  Order o;
  o.id = Str(Obj(ev, "order"), "id");
  for (const json& t : Arr(Obj(ev, "order"), "tracking"))
    o.tracking.push_back({Str(t, "carrier"), Str(t, "number")});
  return o;
}

// This order's label verdict (MISMATCH beats PASS beats UNREADABLE) and its first reason.
std::string Verdict(const json& ev, const std::string& order_id, std::string* reason) {
  std::map<std::string, int> rank = {{"MISMATCH", 3}, {"PASS", 2}, {"UNREADABLE", 1}};
  std::string best;
  for (const json& it : Arr(ev, "items")) {
    for (const json& v : Arr(it, "verdicts")) {
      std::string verdict = Str(v, "verdict");
      if (Str(v, "order_id") != order_id || rank[verdict] <= rank[best]) continue;
      best = verdict;
      reason->clear();
      for (const json& r : Arr(v, "reasons")) {
        if (r.is_string()) *reason += (reason->empty() ? "" : "; ") + r.get<std::string>();
      }
    }
  }
  return best;
}

std::string ItemName(const json& it) { return Str(it, "role") + " " + Str(it, "original_name"); }

void SummaryBox(const json& ev, const SummaryFacts& f, const package::ReportZone& z,
                std::vector<Block>* out) {
  const json& o = Obj(ev, "order");
  out->push_back(Kv(
      "Order", Str(o, "id") + (Str(o, "platform").empty() ? "" : " (" + Str(o, "platform") + ")")));
  std::string dispute = Str(Obj(ev, "reason"), "title") + " (" + Str(Obj(ev, "reason"), "id") + ")";
  if (!Str(ev, "dispute_opened").empty()) {
    dispute += ", opened " + package::FormatTime(Str(ev, "dispute_opened"), z);
  }
  out->push_back(Kv("Dispute", dispute));
  if (!Str(ev, "note").empty()) out->push_back(Kv("Seller's statement", Str(ev, "note")));
  std::string reason;
  std::string v = Verdict(ev, Str(o, "id"), &reason);
  std::string tracking;
  for (const TrackingNumber& t : TrackingOrder(ev).tracking)
    tracking += (tracking.empty() ? "" : ", ") + t.number;
  uint32_t colour = v == "PASS" ? kGreen : v == "MISMATCH" ? kRed : kAmber;
  out->push_back(
      Kv("Label check", (v.empty() ? "NOT CHECKED" : v) + "  tracking " + tracking, colour, true));
  if (!reason.empty()) out->push_back(Kv("", reason));
  std::string shipped = Str(Obj(o, "times"), "shipped");
  out->push_back(Kv(
      "Shipped", shipped.empty() ? "not recorded on the order" : package::FormatTime(shipped, z)));
  std::map<std::string, int> kinds;
  for (const json& it : Arr(ev, "items"))
    ++kinds[Str(it, "kind") == "image" ? "photo" : Str(it, "kind")];
  std::string counts;
  for (const auto& [k, n] : kinds)
    counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + k + (n > 1 ? "s" : "");
  out->push_back(Kv("Evidence", counts));
  int serious = 0;
  for (const json& fi : Arr(ev, "findings")) serious += Str(fi, "severity") == "serious";
  out->push_back(Kv("Serious findings",
                    serious == 0 ? "none" : std::to_string(serious) + " (listed below)",
                    serious ? kRed : kText));
  out->push_back(Kv("Package", Str(ev, "package_id") + ", " + f.zip_name));
  out->push_back(Kv("Package SHA-256", f.zip_sha256));
  out->push_back(Kv("Signing key", Str(Obj(ev, "signature"), "public_key_fingerprint_sha256")));
}

void Checklist(const json& ev, std::vector<Block>* out) {
  out->push_back(Make(Block::Kind::kHeading, "Evidence this reason needs"));
  for (const json& l : Arr(ev, "checklist")) {
    std::string st = Str(l, "status");
    if (st.empty()) st = FieldBool(l, "present", false) ? "present" : "missing";
    uint32_t c = st == "present" ? kGreen : st == "present-but" ? kAmber : kRed;
    Block b = Kv(st == "present-but" ? "present, but" : st, Str(l, "label"), c);
    b.boxed = false;
    out->push_back(b);
    for (const json& cv : Arr(l, "caveats")) {
      if (!cv.is_string()) continue;
      out->push_back(Make(Block::Kind::kSmall, "    " + cv.get<std::string>(), 0x555555));
    }
  }
}

Block PictureBlock(const SummaryPicture& p, const Order& order, const package::ReportZone& z) {
  const json& it = *p.item;
  Block b = Make(Block::Kind::kPicture, "");
  b.picture.jpeg = p.fitted.jpeg;
  b.picture.rgb = p.fitted.rgb;
  b.picture.width = p.fitted.width;
  b.picture.height = p.fitted.height;
  package::Overlay o = package::ReadOverlay(Obj(it, "metadata").dump(), order);
  double sx = o.width > 0 ? p.fitted.width / o.width : 0;
  std::string caption = ItemName(it) + ", " +
                        (Str(it, "capture_time").empty()
                             ? "no capture time"
                             : "taken " + package::FormatTime(Str(it, "capture_time"), z)) +
                        "; original " + Str(it, "path") + ", sha256 " + Str(it, "sha256");
  for (size_t i = 0; i < o.symbols.size() && sx > 0; ++i) {
    const package::OverlaySymbol& s = o.symbols[i];
    pdf::Outline ol;
    for (int k = 0; k < 4; ++k) ol.x[k] = s.x[k] * sx, ol.y[k] = s.y[k] * sx;
    ol.rgb = static_cast<uint32_t>(
        std::stoul(std::string(package::MeaningColour(s.meaning)).substr(1), nullptr, 16));
    ol.label = std::to_string(i + 1);
    b.picture.outlines.push_back(ol);
    caption += "\n" + std::to_string(i + 1) + ": " + s.format + ", " +
               package::MeaningName(s.meaning) + ": " + package::VisibleText(s.text);
  }
  b.text = Safe(caption);
  return b;
}

void Timeline(const json& ev, const package::ReportZone& z, std::vector<Block>* out) {
  out->push_back(Make(Block::Kind::kHeading, "Timeline"));
  std::string apart;
  size_t messages = 0;
  for (const json& e : Arr(ev, "timeline")) {
    if (Str(e, "kind") == "message") {  // in the conversation excerpt instead
      ++messages;
      continue;
    }
    if (Str(e, "kind") == "ingested") {
      apart += (apart.empty() ? "" : "; ") + Str(e, "what");
      continue;
    }
    Block b = Kv(package::FormatTime(Str(e, "time"), z), Str(e, "what"));
    b.boxed = false;
    out->push_back(b);
  }
  if (messages > 0) {
    out->push_back(Make(Block::Kind::kSmall,
                        std::to_string(messages) +
                            " chat message(s) are not listed here: the conversation excerpt "
                            "below shows those around the dispute, the package all of them.",
                        0x555555));
  }
  if (!apart.empty())
    out->push_back(
        Make(Block::Kind::kSmall, "No capture time (not placed in the story): " + apart));
  for (const json& fi : Arr(ev, "findings")) {
    out->push_back(Make(Block::Kind::kSmall, Str(fi, "severity") + ": " + Str(fi, "explanation"),
                        Str(fi, "severity") == "serious" ? kRed : 0x555555));
  }
}

}  // namespace

pdf::Document SummaryDocument(const json& ev, const SummaryFacts& f,
                              const std::vector<SummaryPicture>& pictures) {
  pdf::Document d;
  package::ReportZone z = Zone(ev);
  Order order = TrackingOrder(ev);
  d.title = Safe("Dispute evidence: order " + order.id + " (" + Str(Obj(ev, "reason"), "id") + ")");
  d.author = "parcelproof";
  d.subject = Safe("package " + Str(ev, "package_id"));
  d.created = f.created;
  d.footer = Safe(d.title + "  \xc2\xb7  " + Str(ev, "package_id"));
  d.blocks.push_back(Make(Block::Kind::kTitle, d.title));
  SummaryBox(ev, f, z, &d.blocks);
  d.blocks.push_back(
      Make(Block::Kind::kSmall,
           "Times are " +
               (z.from.empty() ? std::string("UTC.")
                               : "local (" + OffsetName(z.offset_minutes) + ", from " + z.from +
                                     ") with UTC alongside.") +
               " This summary is derived from the signed evidence package " + f.zip_name +
               " (SHA-256 " + f.zip_sha256 +
               "). Ask the seller for it; `parcelproof verify` or the openssl and sha256sum "
               "commands in its report.html check that nothing was altered, and its key "
               "fingerprint must match the seller's published one."));
  Checklist(ev, &d.blocks);
  for (size_t i = 0; i < pictures.size(); ++i) {
    if (i == 0)
      d.blocks.push_back(Make(Block::Kind::kHeading, Str(*pictures[0].item, "role") == "label"
                                                         ? "Label photo"
                                                         : "Photos"));
    if (i == 1) d.blocks.push_back(Make(Block::Kind::kHeading, "Key photos"));
    d.blocks.push_back(PictureBlock(pictures[i], order, z));
  }
  Timeline(ev, z, &d.blocks);
  ConversationBlocks(ev, z, &d.blocks);
  return d;
}

}  // namespace parcelproof::upload
