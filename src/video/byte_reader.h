// Bounds-checked big/little-endian integer reads for the video parsers.
#ifndef PARCELPROOF_VIDEO_BYTE_READER_H_
#define PARCELPROOF_VIDEO_BYTE_READER_H_

#include <cstdint>
#include <string_view>

namespace parcelproof::video {

// Reads n (<= 8) bytes at `at` as an unsigned integer; false when out of range.
inline bool ReadBe(std::string_view b, size_t at, size_t n, uint64_t* out) {
  if (at > b.size() || n > b.size() - at || n > 8) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = v << 8 | static_cast<uint8_t>(b[at + i]);
  *out = v;
  return true;
}

inline bool ReadLe(std::string_view b, size_t at, size_t n, uint64_t* out) {
  if (at > b.size() || n > b.size() - at || n > 8) return false;
  uint64_t v = 0;
  for (size_t i = n; i > 0; --i) v = v << 8 | static_cast<uint8_t>(b[at + i - 1]);
  *out = v;
  return true;
}

}  // namespace parcelproof::video

#endif  // PARCELPROOF_VIDEO_BYTE_READER_H_
