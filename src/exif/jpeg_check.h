// A structural check of a whole JPEG file: segments, entropy-coded data
// and the end-of-image marker, without decoding pixels.
#ifndef PARCELPROOF_EXIF_JPEG_CHECK_H_
#define PARCELPROOF_EXIF_JPEG_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

namespace parcelproof {

// Appends plain-words problems for a JPEG whose structure is broken: a
// segment past the end, a stray marker inside the image data ("JPEG image
// data corrupt at offset 212992"), no end-of-image marker, data appended
// after it. Does nothing for non-JPEG bytes. Linear time, no allocation
// beyond the problems.
void CheckJpegStructure(std::string_view bytes, std::vector<std::string>* problems);

}  // namespace parcelproof

#endif  // PARCELPROOF_EXIF_JPEG_CHECK_H_
