#include "scan/address_step.h"

#include <algorithm>
#include <cmath>

#include "address/address.h"
#include "image/text_lines.h"
#include "ocr/ocr.h"
#include "scan/ship_to_locate.h"

namespace parcelproof {
namespace {

bool IsLinear(const std::string& format) {
  return format != "QRCode" && format != "DataMatrix" && format != "Aztec" && format != "PDF417" &&
         format != "MaxiCode" && format != "MicroQRCode";
}

// The widest 1-D barcode holding a tracking number; nullptr when none.
const Barcode* Anchor(const ImageScan& scan) {
  const Barcode* best = nullptr;
  double best_w = 0;
  for (const Barcode& b : scan.barcodes) {
    if (b.tracking.empty() || !IsLinear(b.format)) continue;
    double w = std::hypot(b.corners[1].x - b.corners[0].x, b.corners[1].y - b.corners[0].y);
    if (w > best_w) {
      best = &b;
      best_w = w;
    }
  }
  return best;
}

void AddField(const char* name, const AddressField& f, const std::vector<OcrLine>& lines,
              ShipToRead* out) {
  if (f.value.empty() || f.line < 0 || f.line >= static_cast<int>(lines.size())) return;
  out->fields.push_back({name, f.value, lines[static_cast<size_t>(f.line)].confidence});
}

void FillFields(const OcrText& text, ShipToRead* out) {
  std::vector<std::string> lines;
  for (const OcrLine& l : text.lines) lines.push_back(l.text);
  out->lines = lines;
  for (const std::string& l : lines) out->text += (out->text.empty() ? "" : "\n") + l;
  out->confidence = text.confidence;
  ParsedAddress a = ParseAddressLines(lines);
  AddField("recipient", a.recipient, text.lines, out);
  if (!a.street.empty()) {
    AddressField street = a.street[0];
    for (size_t i = 1; i < a.street.size(); ++i) street.value += ", " + a.street[i].value;
    AddField("street", street, text.lines, out);
  }
  AddField("city", a.city, text.lines, out);
  AddField("region", a.region, text.lines, out);
  AddField("postal_code", a.postal_code, text.lines, out);
  AddField("country", a.country, text.lines, out);
}

}  // namespace

void WarmUpShipTo() { InitOcr(); }

void ReadShipTo(ImageSource* source, const PipelineHooks& hooks, ImageScan* scan) {
  ShipToRead& out = scan->address;
  out.attempted = true;
  Status ocr = InitOcr();
  if (!ocr.ok()) {
    out.notes.push_back("address not read: " + ocr.message());
    return;
  }
  const Barcode* anchor = Anchor(*scan);
  if (!anchor) {
    out.notes.push_back("address not read: no tracking barcode to find the ship-to block by");
    return;
  }
  if (hooks.skip_steps.count(kShipToStep)) {
    out.notes.push_back("address not read: OCR crashed on this photo");
    return;
  }
  if (hooks.on_step) hooks.on_step(kShipToStep, "ship-to OCR");
  LocatedBlock block = LocateShipTo(source, anchor->corners);
  if (!block.found) {
    out.notes.push_back("address not read: " + block.why);
    return;
  }
  out.corners = block.corners;
  out.script = block.script;
  if (!block.readable) {
    out.notes.push_back("address not read: " + block.why);
    return;
  }
  FillFields(block.text, &out);
  if (!block.why.empty()) out.notes.push_back(block.why);
}

}  // namespace parcelproof
