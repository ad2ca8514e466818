// JPEG: the header reader (and the other image headers it dispatches to),
// the structure check, and libjpeg-turbo decoding at every reduction and in
// bands of rows (into a buffer of the header's size, which the data may
// contradict).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/image_header.h"
#include "exif/jpeg_check.h"
#include "jpeg/jpeg_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> problems;
  parcelproof::CheckJpegStructure(bytes, &problems);
  // Decode only what claims at most 4 MP, as the scanner's limit would refuse more.
  auto header = parcelproof::ReadImageHeader(bytes, 4000000);
  if (!header.ok() || header->kind != parcelproof::ImageKind::kJpeg) return 0;
  if (!parcelproof::IsPlainJpeg(bytes)) return 0;
  for (int reduce : {1, 8}) (void)parcelproof::DecodeJpegGray(bytes, reduce);
  int w = static_cast<int>(header->width), h = static_cast<int>(header->height);
  std::vector<uint8_t> pixels(static_cast<size_t>(w) * static_cast<size_t>(h));
  (void)parcelproof::DecodeJpegGrayRows(bytes, {{h / 3, h / 3 + 5}, {h - 2, h + 4}}, pixels.data(),
                                        w, h);
  return 0;
}
