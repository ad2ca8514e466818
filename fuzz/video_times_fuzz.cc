// Container times: MP4/MOV boxes (mvhd, Apple QuickTime keys/ilst, XMP),
// Matroska and AVI, each reader on every input, and the dispatcher.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "video/video_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)parcelproof::ReadVideoTimes(bytes);
  (void)parcelproof::ReadMp4Times(bytes);
  (void)parcelproof::ReadMatroskaTimes(bytes);
  (void)parcelproof::ReadAviTimes(bytes);
  return 0;
}
