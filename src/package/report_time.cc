#include "package/report_time.h"

namespace parcelproof::package {

ReportZone ChooseZone(const PackageInput& in) {
  std::vector<std::string> captures;
  for (const PackageItem& it : in.items) captures.push_back(it.capture_time);
  return ChooseDisplayZone(
      {in.order.placed_at, in.order.paid_at, in.order.shipped_at, in.order.delivered_at}, captures);
}

}  // namespace parcelproof::package
