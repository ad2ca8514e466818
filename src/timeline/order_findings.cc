// Capture times that contradict the order: packing before it was placed or
// after it shipped, buyer photos before shipment.
#include "timeline/findings.h"

namespace parcelproof {
namespace {

bool IsBuyerRole(const std::string& role) { return role == "buyer-photo" || role == "unboxing"; }

}  // namespace

void OrderFindings(const ItemTimes& t, const OrderTimes& order, int off,
                   std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  const CaptureTime& c = t.capture;
  if (IsPackingRole(i.role) && order.placed.known && SurelyBefore(c, order.placed.micros)) {
    AddFinding(out, "before-order-placed", Severity::kSerious, i,
               ItemLabel(i) + ": captured " + Shown(c, off) + ", before the order was placed (" +
                   Shown(order.placed.micros, off) + "): it cannot show this order being packed.");
  }
  if (IsPackingRole(i.role) && order.shipped.known && SurelyAfter(c, order.shipped.micros, 0)) {
    AddFinding(out, "after-shipped", Severity::kWarning, i,
               ItemLabel(i) + ": captured " + Shown(c, off) + ", after the order was shipped (" +
                   Shown(order.shipped.micros, off) + ").");
  }
  if (IsBuyerRole(i.role) && order.shipped.known && SurelyBefore(c, order.shipped.micros)) {
    AddFinding(out, "buyer-photo-before-shipment", Severity::kSerious, i,
               ItemLabel(i) + ": the buyer's picture is dated " + Shown(c, off) +
                   ", before the parcel was shipped (" + Shown(order.shipped.micros, off) + ").");
  }
}

}  // namespace parcelproof
