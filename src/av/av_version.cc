#include "av/av_version.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace parcelproof {

std::string DecoderDescription(const std::string& codec) {
  unsigned v = avcodec_version();
  return codec + " (FFmpeg libavcodec " + std::to_string(AV_VERSION_MAJOR(v)) + "." +
         std::to_string(AV_VERSION_MINOR(v)) + "." + std::to_string(AV_VERSION_MICRO(v)) + ")";
}

}  // namespace parcelproof
