// Capture times that contradict the order: packing before it was placed or
// after it shipped, buyer photos before shipment.
#include "parcelproof/clock.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

bool IsBuyerRole(const std::string& role) { return role == "buyer-photo" || role == "unboxing"; }

}  // namespace

void OrderFindings(const ItemTimes& t, const OrderTimes& order, std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  const CaptureTime& c = t.capture;
  if (IsPackingRole(i.role) && order.placed.known && SurelyBefore(c, order.placed.micros)) {
    AddFinding(out, "before-order-placed", Severity::kSerious, i,
               ItemLabel(i) + ": captured " + c.value + ", before the order was placed (" +
                   FormatUtc(order.placed.micros) + "): it cannot show this order being packed.");
  }
  if (IsPackingRole(i.role) && order.shipped.known && SurelyAfter(c, order.shipped.micros, 0)) {
    AddFinding(out, "after-shipped", Severity::kWarning, i,
               ItemLabel(i) + ": captured " + c.value + ", after the order was shipped (" +
                   FormatUtc(order.shipped.micros) + ").");
  }
  if (IsBuyerRole(i.role) && order.shipped.known && SurelyBefore(c, order.shipped.micros)) {
    AddFinding(out, "buyer-photo-before-shipment", Severity::kSerious, i,
               ItemLabel(i) + ": the buyer's picture is dated " + c.value +
                   ", before the parcel was shipped (" + FormatUtc(order.shipped.micros) + ").");
  }
}

}  // namespace parcelproof
