// The EXIF block of a HEIF/HEIC photo's primary image (libheif's "Exif"
// metadata item), unwrapped to the TIFF header, every length checked.
#ifndef PARCELPROOF_HEIF_HEIF_EXIF_H_
#define PARCELPROOF_HEIF_HEIF_EXIF_H_

#include <string>
#include <string_view>
#include <vector>

namespace parcelproof {

struct HeifExif {
  bool found = false;  // the primary image has an Exif item
  // The item's bytes after its 4-byte big-endian offset, from the TIFF header
  // on ("II*\0"/"MM\0*"; an "Exif\0\0" prefix is left for the reader to skip).
  // Empty when absent or unusable.
  std::string tiff;
  // "HEIF Exif item of 3 bytes is too short for its TIFF header offset", ...
  std::vector<std::string> problems;
};

// Reads the first Exif item of the primary image. A file libheif cannot
// parse, an item it cannot read, a block shorter than its offset field or an
// offset past the block's end give problems, never a failure or a read
// outside the buffers. Parses the container only: no pixels are decoded.
HeifExif ReadHeifExif(std::string_view file_bytes);

}  // namespace parcelproof

#endif  // PARCELPROOF_HEIF_HEIF_EXIF_H_
