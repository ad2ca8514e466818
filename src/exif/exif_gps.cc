#include "exif/exif_gps.h"

#include <cmath>

#include "exif/exif_time.h"
#include "parcelproof/clock.h"

namespace parcelproof {
namespace {

ExifEntry* Gps(ExifData* d, int tag) {
  return exif_content_get_entry(d->ifd[EXIF_IFD_GPS], static_cast<ExifTag>(tag));
}

// Reads three rationals (degrees/minutes/seconds or hours/minutes/seconds).
bool Triple(ExifData* d, ExifEntry* e, double out[3]) {
  if (e == nullptr || e->format != EXIF_FORMAT_RATIONAL || e->components < 3 ||
      e->data == nullptr || e->size < 24) {
    return false;
  }
  ExifByteOrder order = exif_data_get_byte_order(d);
  for (int i = 0; i < 3; ++i) {
    ExifRational r = exif_get_rational(e->data + 8 * i, order);
    if (r.denominator == 0) return false;
    out[i] = static_cast<double>(r.numerator) / r.denominator;
  }
  return true;
}

std::string Ref(ExifEntry* e) {
  if (e == nullptr || e->data == nullptr || e->size == 0) return "";
  return TrimExifString(std::string(reinterpret_cast<const char*>(e->data), e->size));
}

void ReadGpsTime(ExifData* d, ExifFields* f) {
  ExifEntry* date_e = Gps(d, 0x001D);
  ExifEntry* time_e = Gps(d, 0x0007);
  if (date_e == nullptr && time_e == nullptr) return;
  if (date_e == nullptr || time_e == nullptr) return;  // half a stamp is no time
  CivilTime day;
  std::string why;
  if (!ParseExifDate(Ref(date_e), "GPSDateStamp", &day, &why)) {
    f->problems.push_back(why);
    return;
  }
  double hms[3];
  if (!Triple(d, time_e, hms) || !(hms[0] >= 0 && hms[0] < 24) || !(hms[1] >= 0 && hms[1] < 60) ||
      !(hms[2] >= 0 && hms[2] < 60) || hms[0] != std::floor(hms[0]) ||
      hms[1] != std::floor(hms[1])) {
    f->problems.push_back("invalid GPSTimeStamp");
    return;
  }
  int64_t micros = CivilToMicros(day) + static_cast<int64_t>(hms[0]) * 3600000000LL +
                   static_cast<int64_t>(hms[1]) * 60000000LL +
                   static_cast<int64_t>(std::llround(hms[2] * 1000.0)) * 1000;
  f->gps_date_time = FormatUtc(micros, micros % 1000000 == 0 ? 0 : 3);
}

bool Coordinate(ExifData* d, int value_tag, int ref_tag, const char* negative, double limit,
                double* out) {
  double dms[3];
  if (!Triple(d, Gps(d, value_tag), dms)) return false;
  std::string ref = Ref(Gps(d, ref_tag));
  double v = dms[0] + dms[1] / 60.0 + dms[2] / 3600.0;
  if (!(v >= 0 && v <= limit)) return false;
  *out = ref == negative ? -v : v;
  return true;
}

}  // namespace

void ReadGps(ExifData* d, ExifFields* f) {
  if (d->ifd[EXIF_IFD_GPS] == nullptr || d->ifd[EXIF_IFD_GPS]->count == 0) return;
  ReadGpsTime(d, f);
  bool has_lat = Gps(d, 0x0002) != nullptr, has_lon = Gps(d, 0x0004) != nullptr;
  if (!has_lat && !has_lon) return;
  double lat = 0, lon = 0;
  if (Coordinate(d, 0x0002, 0x0001, "S", 90, &lat) &&
      Coordinate(d, 0x0004, 0x0003, "W", 180, &lon)) {
    f->has_gps_position = true;
    f->gps_latitude = lat;
    f->gps_longitude = lon;
  } else {
    f->problems.push_back("invalid GPS position");
  }
}

}  // namespace parcelproof
