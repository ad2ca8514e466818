// Finding the EXIF (TIFF) block inside a JPEG, PNG, WebP or TIFF file,
// with every length checked against the bytes actually present.
#ifndef PARCELPROOF_EXIF_EXIF_LOCATE_H_
#define PARCELPROOF_EXIF_EXIF_LOCATE_H_

#include <string>
#include <string_view>
#include <vector>

namespace parcelproof {

struct ExifBlock {
  std::string_view tiff;              // starts at the "II*\0"/"MM\0*" header; empty when none
  std::string container;              // "JPEG", "PNG", "WebP", "TIFF" or "" when unknown
  std::vector<std::string> problems;  // structural problems met on the way
};

// Locates the first EXIF block. The view points into `file_bytes`, which
// must outlive it. Never reads outside the buffer.
ExifBlock LocateExif(std::string_view file_bytes);

// The TIFF block inside a bare EXIF block: the block itself when it starts
// with a TIFF header, the rest after an "Exif\0\0" prefix when that does;
// empty otherwise. Points into `block`.
std::string_view UnwrapExifBlock(std::string_view block);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_EXIF_LOCATE_H_
