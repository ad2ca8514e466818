#include "video/video_reader.h"

namespace parcelproof {

VideoTimes ReadVideoTimes(std::string_view b) {
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return ReadMp4Times(b);
  if (b.size() >= 8 && (b.substr(4, 4) == "moov" || b.substr(4, 4) == "mdat" ||
                        b.substr(4, 4) == "wide" || b.substr(4, 4) == "free")) {
    return ReadMp4Times(b);  // QuickTime files without ftyp
  }
  if (b.size() >= 4 && b.substr(0, 4) == std::string_view("\x1A\x45\xDF\xA3", 4)) {
    return ReadMatroskaTimes(b);
  }
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "AVI ")
    return ReadAviTimes(b);
  return VideoTimes{};
}

}  // namespace parcelproof
