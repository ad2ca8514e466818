// Strict parsing of EXIF time strings ("2025:07:30 13:52:33", "+08:00",
// "512") into numbers. Std-only; used by the EXIF reader and the timeline.
#ifndef PARCELPROOF_EXIF_EXIF_TIME_H_
#define PARCELPROOF_EXIF_EXIF_TIME_H_

#include <cstdint>
#include <string>

namespace parcelproof {

struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// Parses "YYYY:MM:DD HH:MM:SS" (also '-' as date separator, 'T' as date/time
// separator). On failure returns false and sets *why to a plain reason that
// names `field` ("month 13 in DateTimeOriginal", "DateTimeOriginal is blank").
bool ParseExifDateTime(const std::string& text, const std::string& field, CivilTime* out,
                       std::string* why);
// Parses "YYYY:MM:DD" (a GPSDateStamp); the time fields of *out are zero.
bool ParseExifDate(const std::string& text, const std::string& field, CivilTime* out,
                   std::string* why);
// Parses an offset "+08:00", "-05:30" or "Z" into minutes east of UTC.
bool ParseExifOffset(const std::string& text, const std::string& field, int* minutes,
                     std::string* why);
// Parses SubSecTime digits ("512" = .512 s) into microseconds (excess digits
// truncated). False when not all digits.
bool ParseSubSec(const std::string& text, int64_t* micros);
// Microseconds since 1970-01-01 of a civil time read as UTC.
int64_t CivilToMicros(const CivilTime& t);
// Trims blanks and NULs from both ends, and cuts at the first NUL.
std::string TrimExifString(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_EXIF_TIME_H_
