// Which FFmpeg decoder produced a frame, in words that let anyone reproduce
// it: "h264 (FFmpeg libavcodec 59.37.100)".
#ifndef PARCELPROOF_AV_AV_VERSION_H_
#define PARCELPROOF_AV_AV_VERSION_H_

#include <string>

namespace parcelproof {

// "<codec> (FFmpeg libavcodec MAJOR.MINOR.MICRO)" with the version of the
// libavcodec this process runs (not the one it was compiled against).
std::string DecoderDescription(const std::string& codec);

}  // namespace parcelproof

#endif  // PARCELPROOF_AV_AV_VERSION_H_
