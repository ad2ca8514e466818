// EXIF fields of a HEIF/HEIC photo: the primary image's Exif item (heif
// module) read like any other EXIF block (exif module).
#ifndef PARCELPROOF_TIMELINE_HEIF_EXIF_FIELDS_H_
#define PARCELPROOF_TIMELINE_HEIF_EXIF_FIELDS_H_

#include <string_view>

#include "exif/exif_reader.h"
#include "parcelproof/status.h"

namespace parcelproof {

// The fields of the first Exif item of the primary image. *found (may be
// null) tells whether there is one. A file libheif cannot parse, a broken
// item (too short, TIFF offset past its end, no TIFF header) or malformed
// EXIF inside give problems, as ReadExif does for a JPEG; non-OK only for
// internal failures. The fields' orientation is as stored: the pixels of a
// HEIF are oriented by the container (irot/imir), never by it.
Result<ExifFields> ReadHeifExifFields(std::string_view file_bytes, bool* found);

}  // namespace parcelproof

#endif  // PARCELPROOF_TIMELINE_HEIF_EXIF_FIELDS_H_
