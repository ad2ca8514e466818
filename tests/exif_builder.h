// Test helper: builds little-endian TIFF/EXIF blocks and JPEG files around
// them by hand, so tests need no binary fixtures.
#ifndef PARCELPROOF_TESTS_EXIF_BUILDER_H_
#define PARCELPROOF_TESTS_EXIF_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace parcelproof::testing {

struct TiffEntry {
  uint16_t tag = 0, type = 0;
  uint32_t count = 0;
  std::string data;  // raw little-endian value bytes
};

inline std::string Le16(uint32_t v) { return {char(v & 0xFF), char((v >> 8) & 0xFF)}; }
inline std::string Le32(uint32_t v) { return Le16(v & 0xFFFF) + Le16(v >> 16); }

inline TiffEntry AsciiEntry(uint16_t tag, const std::string& s) {
  return {tag, 2, static_cast<uint32_t>(s.size() + 1), s + std::string(1, '\0')};
}
inline TiffEntry ShortEntry(uint16_t tag, uint16_t v) { return {tag, 3, 1, Le16(v)}; }
inline TiffEntry RationalEntry(uint16_t tag, std::vector<std::pair<uint32_t, uint32_t>> v) {
  std::string d;
  for (auto& r : v) d += Le32(r.first) + Le32(r.second);
  return {tag, 5, static_cast<uint32_t>(v.size()), d};
}

// IFD0, an ExifIFD and a GPS IFD (the pointers to the last two are added).
struct TiffBuilder {
  std::vector<TiffEntry> ifd0, exif, gps;

  std::string Build() const {
    std::vector<TiffEntry> top = ifd0;
    if (!exif.empty()) top.push_back({0x8769, 4, 1, Le32(0)});
    if (!gps.empty()) top.push_back({0x8825, 4, 1, Le32(0)});
    uint32_t o0 = 8, oe = o0 + Size(top), og = oe + Size(exif), data = og + Size(gps);
    for (TiffEntry& e : top) {
      if (e.tag == 0x8769) e.data = Le32(oe);
      if (e.tag == 0x8825) e.data = Le32(og);
    }
    std::string heap;
    std::string out = std::string("II*\0", 4) + Le32(o0);
    out += Ifd(top, data, &heap) + Ifd(exif, data, &heap) + Ifd(gps, data, &heap);
    return out + heap;
  }

 private:
  static uint32_t Size(const std::vector<TiffEntry>& v) {
    return v.empty() ? 0 : static_cast<uint32_t>(2 + 12 * v.size() + 4);
  }
  static std::string Ifd(const std::vector<TiffEntry>& v, uint32_t data, std::string* heap) {
    if (v.empty()) return "";
    std::string out = Le16(static_cast<uint32_t>(v.size()));
    for (const TiffEntry& e : v) {
      out += Le16(e.tag) + Le16(e.type) + Le32(e.count);
      if (e.data.size() <= 4) {
        out += e.data + std::string(4 - e.data.size(), '\0');
      } else {
        out += Le32(data + static_cast<uint32_t>(heap->size()));
        *heap += e.data;
        if (heap->size() % 2) *heap += '\0';
      }
    }
    return out + Le32(0);
  }
};

// A minimal JPEG (SOI, APP1 Exif, SOS, EOI) around a TIFF block. Not
// decodable as an image; enough for metadata readers.
inline std::string JpegWithExif(const std::string& tiff) {
  std::string app1 = std::string("Exif\0\0", 6) + tiff;
  uint32_t len = static_cast<uint32_t>(app1.size() + 2);
  std::string out = "\xFF\xD8\xFF\xE1";
  out += char(len >> 8);
  out += char(len & 0xFF);
  out += app1;
  out += std::string("\xFF\xDA\x00\x02\x00\xFF\xD9", 7);
  return out;
}

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_EXIF_BUILDER_H_
