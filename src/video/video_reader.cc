#include "video/video_reader.h"

namespace parcelproof {

namespace {

// HEIF/AVIF still images share the MP4 box format but are not videos.
bool IsHeifBrand(std::string_view brand) {
  for (const char* heif : {"heic", "heix", "heim", "heis", "mif1", "msf1", "avif", "avis"}) {
    if (brand == heif) return true;
  }
  return false;
}

}  // namespace

VideoTimes ReadVideoTimes(std::string_view b) {
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    return IsHeifBrand(b.substr(8, 4)) ? VideoTimes{} : ReadMp4Times(b);
  }
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
