// A bounded structural walk over a TIFF/EXIF block (IFD0, ExifIFD, GPS,
// Interop, IFD1) that reports truncation, loops and out-of-range values
// before any library parses the block.
#ifndef PARCELPROOF_EXIF_TIFF_CHECK_H_
#define PARCELPROOF_EXIF_TIFF_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

namespace parcelproof {

// Appends one plain-words problem per defect found ("EXIF IFD0 truncated",
// "EXIF IFD loop: ExifIFD points back to offset 8"). Reads only inside
// `tiff`, which starts at the byte-order mark. Bounded work on any input.
void CheckTiffStructure(std::string_view tiff, std::vector<std::string>* problems);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_TIFF_CHECK_H_
