// Inspecting files without a store: sha256, the raw EXIF time fields,
// container times of videos, and one normalised capture time per file.
// Output shape: schemas/inspect.schema.json.
#ifndef PARCELPROOF_INSPECT_H_
#define PARCELPROOF_INSPECT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

// One capture time and where it came from.
struct CaptureTime {
  bool known = false;
  // True when the value is UTC (an offset, GPS or a UTC container time was
  // known); false for a camera's local time of unknown zone.
  bool zone_known = false;
  // Microseconds since 1970 UTC; for zone-unknown times the local wall
  // clock read as if it were UTC (it may be off by up to +-14 h).
  int64_t micros = 0;
  // "2025-07-30T05:52:33.512Z", or "2025-07-30T13:52:33.512" (zone unknown).
  std::string value;
  // "DateTimeOriginal+OffsetTimeOriginal", "GPSDateStamp+GPSTimeStamp",
  // "DateTimeDigitized (zone unknown)", "MP4 quicktime creationdate",
  // "MP4 XMP CreateDate", "MP4 mvhd", "AVI IDIT (zone unknown)".
  std::string source;
};

// The EXIF fields as stored (trimmed); empty/0 when absent.
struct InspectedExif {
  std::string date_time_original, subsec_time_original, offset_time_original;
  std::string date_time_digitized, subsec_time_digitized, offset_time_digitized;
  std::string date_time, offset_time, make, model, software;
  std::string gps_date_time;  // RFC 3339 UTC
  bool has_gps_position = false;
  double gps_latitude = 0, gps_longitude = 0;
  int orientation = 0;
};

struct InspectedVideo {
  std::string container;            // "MP4", "Matroska", "WebM", "AVI"
  std::string creation_time;        // RFC 3339 UTC; empty when none
  std::string creation_time_local;  // "2025-07-30T13:52:33", zone unknown (AVI)
  std::string creation_source;      // "mvhd", "tkhd", "mdhd", "DateUTC", "IDIT", "strd"
  // Apple's creationdate as local time + offset, "2026-03-03T11:00:00+08:00"
  std::string quicktime_creation_date;
  std::string xmp_create_date;  // xmp:CreateDate with its zone, same form
  bool has_duration = false;
  double duration_s = 0;
};

struct FileInspection {
  std::string file;
  std::string sha256;  // of the file's bytes, computed before any parsing
  bool has_exif = false;
  InspectedExif exif;
  bool has_video = false;
  InspectedVideo video;
  CaptureTime capture_time;
  std::vector<std::string> problems;  // per-file findings, plain words
  // Not OK when the file could not be read (missing, a folder, unreadable).
  Status status;
};

// Reads and inspects one file. Never throws; a read failure is in .status.
FileInspection InspectFile(const std::string& path);
// Inspects bytes already in memory; `name` fills .file.
FileInspection InspectBytes(const std::string& name, std::string_view bytes);
// {"files":[...]} as documented in schemas/inspect.schema.json; one line.
std::string InspectReportJson(const std::vector<FileInspection>& files);

}  // namespace parcelproof

#endif  // PARCELPROOF_INSPECT_H_
