// GPS fields of an EXIF block decoded by libexif. Internal to src/exif/.
#ifndef PARCELPROOF_EXIF_EXIF_GPS_H_
#define PARCELPROOF_EXIF_EXIF_GPS_H_

#include <libexif/exif-data.h>

#include "exif/exif_reader.h"

namespace parcelproof {

// Fills gps_date_time (when GPSDateStamp and GPSTimeStamp are both valid)
// and the position (when latitude, longitude and their refs are valid);
// appends a problem for each present but invalid field.
void ReadGps(ExifData* data, ExifFields* fields);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_EXIF_GPS_H_
