#include "exif/exif_locate.h"

#include <cstdint>
#include <cstring>

namespace parcelproof {
namespace {

uint32_t Be32(std::string_view b, size_t at) {
  return (uint32_t{static_cast<uint8_t>(b[at])} << 24) |
         (uint32_t{static_cast<uint8_t>(b[at + 1])} << 16) |
         (uint32_t{static_cast<uint8_t>(b[at + 2])} << 8) | static_cast<uint8_t>(b[at + 3]);
}

uint32_t Le32(std::string_view b, size_t at) {
  return (uint32_t{static_cast<uint8_t>(b[at + 3])} << 24) |
         (uint32_t{static_cast<uint8_t>(b[at + 2])} << 16) |
         (uint32_t{static_cast<uint8_t>(b[at + 1])} << 8) | static_cast<uint8_t>(b[at]);
}

bool IsTiffHeader(std::string_view b) {
  return b.size() >= 4 && (b.substr(0, 4) == std::string_view("II*\0", 4) ||
                           b.substr(0, 4) == std::string_view("MM\0*", 4));
}

// Some writers keep the "Exif\0\0" prefix inside PNG/WebP chunks.
std::string_view StripExifPrefix(std::string_view b) {
  if (b.size() >= 6 && b.substr(0, 6) == std::string_view("Exif\0\0", 6)) return b.substr(6);
  return b;
}

void LocateInJpeg(std::string_view b, ExifBlock* out) {
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (static_cast<uint8_t>(b[i]) != 0xFF) {
      out->problems.push_back("JPEG marker expected at offset " + std::to_string(i));
      return;
    }
    uint8_t marker = static_cast<uint8_t>(b[i + 1]);
    if (marker == 0xFF) {
      ++i;
      continue;
    }  // fill byte
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
      i += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return;  // EOI or image data: no EXIF after
    size_t len = (size_t{static_cast<uint8_t>(b[i + 2])} << 8) | static_cast<uint8_t>(b[i + 3]);
    if (len < 2 || i + 2 + len > b.size()) {
      out->problems.push_back("JPEG segment at offset " + std::to_string(i) +
                              " runs past the end of the file");
      len = len < 2 ? 0 : b.size() - i - 2;
      if (len == 0) return;
    }
    std::string_view body = b.substr(i + 4, len - 2);
    if (marker == 0xE1 && body.size() >= 6 &&
        body.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      out->tiff = body.substr(6);
      return;
    }
    i += 2 + len;
  }
  out->problems.push_back("JPEG ends before its image data");
}

void LocateInPng(std::string_view b, ExifBlock* out) {
  size_t i = 8;
  while (i + 12 <= b.size()) {
    uint32_t len = Be32(b, i);
    std::string_view type = b.substr(i + 4, 4);
    if (len > b.size() - i - 12) {
      out->problems.push_back("PNG chunk " + std::string(type) + " runs past the end of the file");
      return;
    }
    if (type == "eXIf") {
      out->tiff = StripExifPrefix(b.substr(i + 8, len));
      return;
    }
    if (type == "IEND") return;
    i += 12 + size_t{len};
  }
}

void LocateInWebp(std::string_view b, ExifBlock* out) {
  size_t i = 12;
  while (i + 8 <= b.size()) {
    std::string_view type = b.substr(i, 4);
    uint32_t len = Le32(b, i + 4);
    if (len > b.size() - i - 8) {
      out->problems.push_back("WebP chunk " + std::string(type) + " runs past the end of the file");
      return;
    }
    if (type == "EXIF") {
      out->tiff = StripExifPrefix(b.substr(i + 8, len));
      return;
    }
    i += 8 + size_t{len} + (len & 1);
  }
}

}  // namespace

std::string_view UnwrapExifBlock(std::string_view block) {
  std::string_view tiff = StripExifPrefix(block);
  return IsTiffHeader(tiff) ? tiff : std::string_view();
}

ExifBlock LocateExif(std::string_view b) {
  ExifBlock out;
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) {
    out.container = "JPEG";
    LocateInJpeg(b, &out);
  } else if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    out.container = "PNG";
    LocateInPng(b, &out);
  } else if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
    out.container = "WebP";
    LocateInWebp(b, &out);
  } else if (IsTiffHeader(b)) {
    out.container = "TIFF";
    out.tiff = b;
  }
  if (!out.tiff.empty() && !IsTiffHeader(out.tiff)) {
    out.problems.push_back("EXIF block has no TIFF header");
    out.tiff = {};
  }
  return out;
}

}  // namespace parcelproof
