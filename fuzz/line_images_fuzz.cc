// The reader of Tesseract's raw line images (src/ocr/line_images.h): any
// bytes after the format's magic give a picture whose rows fill the bytes
// exactly, or nullptr; never a read outside them.
#include <leptonica/allheaders.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "ocr/line_images.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(8 + size);
  std::memcpy(bytes.data(), "pprawpix", 8);
  if (size > 0) std::memcpy(bytes.data() + 8, data, size);
  PIX* pix = parcelproof::ReadRawLineImage(bytes.data(), bytes.size());
  if (pix) {
    size_t rows = 4 * static_cast<size_t>(pixGetWpl(pix)) * static_cast<size_t>(pixGetHeight(pix));
    if (rows + 32 != bytes.size()) __builtin_trap();
    pixDestroy(&pix);
  }
  return 0;
}
