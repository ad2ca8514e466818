#include "label/interpret.h"

#include "label/gs1.h"
#include "label/mh10.h"
#include "label/payload.h"
#include "label/tracking.h"

namespace parcelproof {
namespace {

void AddPayloadTracking(Barcode* b) {
  for (const auto& [key, value] : b->fields) {
    if (key != "tracking_number") continue;
    std::optional<TrackingCandidate> t = ClassifyTracking(value);
    b->tracking.push_back(t ? *t
                            : TrackingCandidate{"Unknown", CanonicalTracking(value), false, false});
  }
}

}  // namespace

bool IsLinearFormat(const std::string& f) {
  return f == "Code128" || f == "Code39" || f == "Code93" || f == "ITF" || f == "EAN-8" ||
         f == "EAN-13" || f == "UPC-A" || f == "UPC-E" || f == "Codabar";
}

void InterpretBarcode(bool gs1, Barcode* b) {
  if (gs1) {
    Result<FieldList> ais = ParseGs1(b->text);
    if (ais.ok()) {
      b->gs1 = *ais;
      InterpretGs1(b->gs1, b);
      return;
    }
  }
  if (IsMh10Message(b->text) && InterpretMh10(b->text, b)) return;
  if (IsLinearFormat(b->format)) {
    if (b->format == "EAN-8" || b->format == "EAN-13" || b->format == "UPC-A" ||
        b->format == "UPC-E") {
      return;  // product codes, never tracking numbers
    }
    std::optional<TrackingCandidate> t = ClassifyTracking(b->text);
    if (t) b->tracking.push_back(*t);
    return;
  }
  if (ParsePayload(b->text, &b->fields)) {
    AddPayloadTracking(b);
    return;
  }
  // A 2-D code holding just a tracking number.
  std::optional<TrackingCandidate> t = ClassifyTracking(b->text);
  if (t && t->scheme != "Unknown") b->tracking.push_back(*t);
}

}  // namespace parcelproof
