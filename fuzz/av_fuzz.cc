// Videos from untrusted bytes: FFmpeg demuxing through our memory
// AVIOContext, the limits, the packet index, and a few decoded frames
// (grey, scaled, turned upright), as scan does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "av/video_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parcelproof::VideoLimits limits;
  limits.max_pixels = 1 << 20;
  limits.max_packets = 2000;
  auto file = parcelproof::VideoFile::OpenBytes(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz", limits);
  if (!file.ok()) return 0;
  if (!(*file)->Index().ok()) return 0;
  parcelproof::DecodeRequest request;
  request.max_side = 64;
  int frames = 0;
  (void)(*file)->Decode(request,
                        [&frames](const parcelproof::VideoFrame&) { return ++frames < 4; });
  return 0;
}
