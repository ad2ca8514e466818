// The one format in which people read times: report.html, the sentences of
// findings (evidence.json, `timeline`), and the upload set's summary.pdf.
// Local time in the case's zone with its offset, UTC alongside, no fraction:
// "2026-03-02 10:00:00 +08:00 (02:00:00 UTC)". Machine fields (evidence.json
// "time" values, custody entries) stay RFC 3339.
#ifndef PARCELPROOF_DISPLAY_TIME_H_
#define PARCELPROOF_DISPLAY_TIME_H_

#include <cstdint>
#include <string>
#include <vector>

namespace parcelproof {

// The zone times are shown in: an offset and where it was taken from.
struct DisplayZone {
  int offset_minutes = 0;
  std::string from;  // "the order's times", "the station's capture times", "" (UTC)
};

// The case's zone: the first of order_times with an offset other than Z,
// else the first of capture_times with one, else UTC. Empty and
// unparseable strings are skipped.
DisplayZone ChooseDisplayZone(const std::vector<std::string>& order_times,
                              const std::vector<std::string>& capture_times);

// "2026-03-02 10:00:00 +08:00 (02:00:00 UTC)"; the UTC date is repeated
// when it differs: "2026-03-02 01:00:00 +08:00 (2026-03-01 17:00:00 UTC)".
// Offset 0: "2026-03-02 02:00:00 UTC". Fractions are dropped.
std::string FormatDisplayTime(int64_t micros, int offset_minutes);

// The same for a time as text: RFC 3339 (any offset) is converted; a local
// time without zone ("YYYY-MM-DDTHH:MM:SS[.f]") reads "2026-03-02 10:00:00
// (local time, zone unknown)"; unparseable text is returned as it is; ""
// stays "".
std::string FormatDisplayTime(const std::string& text, int offset_minutes);

// "+08:00", "-05:30", "UTC" for offset 0.
std::string OffsetName(int offset_minutes);

// The offset of an RFC 3339 time in minutes; false for Z, no zone or junk.
bool ParseOffset(const std::string& rfc3339, int* offset_minutes);

}  // namespace parcelproof

#endif  // PARCELPROOF_DISPLAY_TIME_H_
