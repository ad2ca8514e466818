// Times in report.html and the summary PDF: the order's local zone with its
// offset and UTC alongside, one format everywhere.
#ifndef PARCELPROOF_PACKAGE_REPORT_TIME_H_
#define PARCELPROOF_PACKAGE_REPORT_TIME_H_

#include <string>

#include "parcelproof/package.h"

namespace parcelproof::package {

struct ReportZone {
  int offset_minutes = 0;
  std::string from;  // "the order's times", "the station's capture times", "" (UTC)
};

// The order's zone: the first order time with an offset other than Z, else
// the first item capture time with one, else UTC.
ReportZone ChooseZone(const PackageInput& in);

// "2026-03-02 10:00:00 +08:00 (02:00:00 UTC)"; the UTC date is repeated
// when it differs: "(2026-03-01 18:00:00 UTC)". Zone UTC: "2026-03-02
// 02:00:00 UTC". A local time without zone: "2026-03-02 10:00:00 (camera
// time, zone unknown)". Fractions are dropped. Unparseable text is
// returned as it is; "" stays "".
std::string FormatTime(const std::string& rfc3339, const ReportZone& zone);

// FormatTime with another label for a local time without zone: a chat
// message's "2026-03-02 10:00:00 (local, zone unknown)".
std::string FormatTime(const std::string& rfc3339, const ReportZone& zone,
                       const std::string& unzoned_label);

// "+08:00", "-05:30", "UTC" for offset 0.
std::string OffsetName(int offset_minutes);

// The offset of an RFC 3339 time in minutes; false for Z, no zone or junk.
bool ParseOffset(const std::string& rfc3339, int* offset_minutes);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_TIME_H_
