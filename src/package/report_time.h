// Times in report.html and the summary PDF: the order's local zone with its
// offset and UTC alongside, in the one format of parcelproof/display_time.h.
#ifndef PARCELPROOF_PACKAGE_REPORT_TIME_H_
#define PARCELPROOF_PACKAGE_REPORT_TIME_H_

#include <string>

#include "parcelproof/display_time.h"
#include "parcelproof/package.h"

namespace parcelproof::package {

using ReportZone = DisplayZone;

// The order's zone: the first order time with an offset other than Z, else
// the first item capture time with one, else UTC (ChooseDisplayZone).
ReportZone ChooseZone(const PackageInput& in);

// FormatDisplayTime in the zone: "2026-03-02 10:00:00 +08:00 (02:00:00 UTC)".
inline std::string FormatTime(const std::string& rfc3339, const ReportZone& zone) {
  return FormatDisplayTime(rfc3339, zone.offset_minutes);
}

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_TIME_H_
