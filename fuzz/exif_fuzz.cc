// EXIF: located in any container, read with libexif, and its TIFF structure
// checked by our own walker.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "exif/exif_locate.h"
#include "exif/exif_reader.h"
#include "exif/tiff_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)parcelproof::ReadExif(bytes);
  (void)parcelproof::ReadExifBlock(bytes);
  std::vector<std::string> problems;
  parcelproof::CheckTiffStructure(bytes, &problems);
  parcelproof::ExifBlock block = parcelproof::LocateExif(bytes);
  if (!block.tiff.empty()) parcelproof::CheckTiffStructure(block.tiff, &problems);
  (void)parcelproof::UnwrapExifBlock(bytes);
  return 0;
}
