#include "exif/jpeg_check.h"

#include <cstdint>
#include <cstdio>

namespace parcelproof {
namespace {

uint8_t At(std::string_view b, size_t i) { return static_cast<uint8_t>(b[i]); }

bool IsRestartOrStuffing(uint8_t m) { return m == 0x00 || (m >= 0xD0 && m <= 0xD7); }

std::string Hex(uint8_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", m);
  return buf;
}

// Skips entropy-coded data from i; returns the offset of the next real marker
// (or b.size() when none).
size_t SkipScan(std::string_view b, size_t i) {
  while (i + 1 < b.size()) {
    if (At(b, i) != 0xFF) {
      ++i;
      continue;
    }
    uint8_t m = At(b, i + 1);
    if (IsRestartOrStuffing(m)) {
      i += 2;
      continue;
    }
    if (m == 0xFF) {
      ++i;
      continue;
    }
    return i;
  }
  return b.size();
}

bool IsSegmentMarker(uint8_t m) {
  return (m >= 0xC0 && m <= 0xFE && m != 0xD8 && m != 0xD9 && !(m >= 0xD0 && m <= 0xD7));
}

}  // namespace

void CheckJpegStructure(std::string_view b, std::vector<std::string>* problems) {
  if (b.size() < 3 || At(b, 0) != 0xFF || At(b, 1) != 0xD8) return;
  size_t i = 2;
  bool in_scan = false;
  while (true) {
    if (in_scan) i = SkipScan(b, i);
    while (i < b.size() && At(b, i) == 0xFF && i + 1 < b.size() && At(b, i + 1) == 0xFF) ++i;
    if (i + 1 >= b.size()) break;
    if (At(b, i) != 0xFF) {
      problems->push_back("JPEG marker expected at offset " + std::to_string(i));
      return;
    }
    uint8_t m = At(b, i + 1);
    if (m == 0xD9) {
      size_t extra = b.size() - i - 2;
      if (extra > 0) {
        problems->push_back(std::to_string(extra) + " bytes follow the JPEG end-of-image marker");
      }
      return;
    }
    if (!IsSegmentMarker(m) || i + 4 > b.size()) {
      problems->push_back("JPEG image data corrupt at offset " + std::to_string(i) + " (marker " +
                          Hex(m) + ")");
      return;
    }
    size_t len = (size_t{At(b, i + 2)} << 8) | At(b, i + 3);
    if (len < 2 || len > b.size() - i - 2) {
      problems->push_back("JPEG segment " + Hex(m) + " at offset " + std::to_string(i) +
                          " runs past the end of the file");
      return;
    }
    in_scan = m == 0xDA;
    i += 2 + len;
  }
  problems->push_back("JPEG ends without its end-of-image marker (truncated)");
}

}  // namespace parcelproof
