// Reading the EXIF fields parcelproof cares about (times, GPS, orientation,
// camera) from a whole file's bytes. Only src/exif/ includes libexif.
#ifndef PARCELPROOF_EXIF_EXIF_READER_H_
#define PARCELPROOF_EXIF_EXIF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

// Raw EXIF strings as stored in the file, trimmed of NULs and blanks; empty
// when absent. Values that are present but invalid are reported in
// `problems` and never presented as valid.
struct ExifFields {
  std::string date_time_original, subsec_time_original, offset_time_original;
  std::string date_time_digitized, subsec_time_digitized, offset_time_digitized;
  std::string date_time, offset_time, make, model, software;
  // RFC 3339 UTC built from GPSDateStamp+GPSTimeStamp ("2025-07-30T05:52:31Z"),
  // empty when absent or invalid.
  std::string gps_date_time;
  bool has_gps_position = false;
  double gps_latitude = 0, gps_longitude = 0;  // degrees, south/west negative
  int orientation = 0;  // 0 = absent, else 1..8 as stored (invalid -> 0 plus a problem)
  // "EXIF IFD0 truncated", "month 13 in DateTimeOriginal", ...
  std::vector<std::string> problems;
};

// Reads EXIF from a whole file's bytes: JPEG APP1 "Exif", PNG eXIf chunk,
// WebP EXIF chunk, or a bare TIFF header. No EXIF at all -> ok with empty
// fields. Malformed EXIF gives problems, never a crash. A non-OK Status only
// for internal failures (the library refusing to allocate).
Result<ExifFields> ReadExif(const std::string& file_bytes);

// Reads a bare EXIF block as a container other than a file format above
// holds it (a HEIF Exif item after its offset field): a TIFF header, or one
// after an "Exif\0\0" prefix. Same fields, limits, structure checks and
// problems as ReadExif; a block without a TIFF header is a problem. Empty
// input -> ok with empty fields.
Result<ExifFields> ReadExifBlock(std::string_view block);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_EXIF_READER_H_
