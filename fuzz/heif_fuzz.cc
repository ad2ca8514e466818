// HEIF: the primary image's Exif item (libheif), its offset, and the fields.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "heif/heif_exif.h"
#include "timeline/heif_exif_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)parcelproof::ReadHeifExif(bytes);
  bool found = false;
  (void)parcelproof::ReadHeifExifFields(bytes, &found);
  return 0;
}
