#include "timeline/capture_time.h"

#include <algorithm>

#include "exif/exif_time.h"
#include "parcelproof/clock.h"
#include "parcelproof/order.h"

namespace parcelproof {
namespace {

struct ExifTriple {
  const std::string& date;
  const std::string& subsec;
  const std::string& offset;
  const char* date_name;
  const char* offset_name;
};

// "2025-07-30T13:52:33.512" for a local time (digits as stored, at most 6).
std::string LocalText(int64_t micros, int digits) {
  std::string utc = FormatUtc(micros, digits);
  return utc.substr(0, utc.size() - 1);
}

int SubSecDigits(const std::string& subsec) {
  int64_t us = 0;
  if (!ParseSubSec(subsec, &us)) return 0;
  return static_cast<int>(std::min<size_t>(subsec.size(), 6));
}

// The local time of a valid date + optional valid subsec; false when invalid.
bool LocalMicros(const ExifTriple& t, int64_t* micros) {
  CivilTime civil;
  std::string why;
  if (!ParseExifDateTime(t.date, t.date_name, &civil, &why)) return false;
  int64_t sub = 0;
  if (!ParseSubSec(t.subsec, &sub)) sub = 0;
  *micros = CivilToMicros(civil) + sub;
  return true;
}

bool WithOffset(const ExifTriple& t, CaptureTime* out) {
  int64_t local = 0;
  int minutes = 0;
  std::string why;
  if (t.offset.empty() || !LocalMicros(t, &local) ||
      !ParseExifOffset(t.offset, t.offset_name, &minutes, &why)) {
    return false;
  }
  out->known = out->zone_known = true;
  out->micros = local - int64_t{minutes} * 60000000;
  out->value = FormatUtc(out->micros, SubSecDigits(t.subsec));
  out->source = std::string(t.date_name) + "+" + t.offset_name;
  return true;
}

bool ZoneUnknown(const ExifTriple& t, CaptureTime* out) {
  int64_t local = 0;
  if (!LocalMicros(t, &local)) return false;
  out->known = true;
  out->zone_known = false;
  out->micros = local;
  out->value = LocalText(local, SubSecDigits(t.subsec));
  out->source = std::string(t.date_name) + " (zone unknown)";
  return true;
}

bool FromUtcText(const std::string& text, const std::string& source, CaptureTime* out) {
  long long micros = 0;
  if (text.empty() || !ParseRfc3339(text, &micros)) return false;
  out->known = out->zone_known = true;
  out->micros = micros;
  out->value = text;
  out->source = source;
  return true;
}

// A local time with its offset ("2026-03-03T11:00:00+08:00"), kept as UTC.
bool FromZonedText(const std::string& text, const std::string& source, CaptureTime* out) {
  long long micros = 0;
  if (text.empty() || !ParseRfc3339(text, &micros)) return false;
  out->known = out->zone_known = true;
  out->micros = micros;
  out->value = FormatUtc(micros, micros % 1000000 ? 3 : 0);
  out->source = source;
  return true;
}

// Apple's creationdate, then XMP CreateDate, then the container's UTC time.
bool FromVideoZoned(const VideoTimes& v, CaptureTime* out) {
  return FromZonedText(v.quicktime_creation_date, v.container + " quicktime creationdate", out) ||
         FromZonedText(v.xmp_create_date, v.container + " XMP CreateDate", out) ||
         FromUtcText(v.creation_time, v.container + " " + v.creation_source, out);
}

bool FromVideoLocal(const VideoTimes& v, CaptureTime* out) {
  long long micros = 0;
  if (v.creation_time_local.empty() || !ParseRfc3339(v.creation_time_local + "Z", &micros)) {
    return false;
  }
  out->known = true;
  out->zone_known = false;
  out->micros = micros;
  out->value = v.creation_time_local;
  out->source = v.container + " " + v.creation_source + " (zone unknown)";
  return true;
}

}  // namespace

CaptureTime NormaliseCaptureTime(const ExifFields* e, const VideoTimes* v) {
  CaptureTime out;
  static const std::string kNone;
  if (e != nullptr) {
    ExifTriple original{e->date_time_original, e->subsec_time_original, e->offset_time_original,
                        "DateTimeOriginal", "OffsetTimeOriginal"};
    ExifTriple digitized{e->date_time_digitized, e->subsec_time_digitized, e->offset_time_digitized,
                         "DateTimeDigitized", "OffsetTimeDigitized"};
    ExifTriple modified{e->date_time, kNone, e->offset_time, "DateTime", "OffsetTime"};
    if (WithOffset(original, &out) || WithOffset(digitized, &out)) return out;
    if (FromUtcText(e->gps_date_time, "GPSDateStamp+GPSTimeStamp", &out)) return out;
    if (WithOffset(modified, &out)) return out;
    if (v != nullptr && FromVideoZoned(*v, &out)) return out;
    if (ZoneUnknown(original, &out) || ZoneUnknown(digitized, &out) ||
        ZoneUnknown(modified, &out)) {
      return out;
    }
  } else if (v != nullptr && FromVideoZoned(*v, &out)) {
    return out;
  }
  if (v != nullptr) FromVideoLocal(*v, &out);
  return out;
}

bool ParseCaptureTime(const std::string& text, CaptureTime* out) {
  long long micros = 0;
  CaptureTime t;
  if (ParseRfc3339(text, &micros)) {
    t.zone_known = true;
  } else if (ParseRfc3339(text + "Z", &micros)) {
    t.zone_known = false;
  } else {
    return false;
  }
  t.known = true;
  t.micros = micros;
  t.value = t.zone_known ? FormatUtc(micros, micros % 1000000 ? 3 : 0) : text;
  *out = t;
  return true;
}

}  // namespace parcelproof
