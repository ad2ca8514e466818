#include "core/image_header.h"

#include <cstring>

namespace parcelproof {
namespace {

uint32_t Be16(const std::string& b, size_t p) {
  return (uint32_t(uint8_t(b[p])) << 8) | uint8_t(b[p + 1]);
}
uint32_t Be32(const std::string& b, size_t p) { return (Be16(b, p) << 16) | Be16(b, p + 2); }
uint32_t Le16(const std::string& b, size_t p) {
  return uint8_t(b[p]) | (uint32_t(uint8_t(b[p + 1])) << 8);
}
uint32_t Le24(const std::string& b, size_t p) {
  return Le16(b, p) | (uint32_t(uint8_t(b[p + 2])) << 16);
}

constexpr int64_t kMaxSide = 0x7FFFFFFF;

bool IsSof(uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

Result<ImageHeader> JpegHeader(const std::string& b) {
  ImageHeader h{ImageKind::kJpeg};
  size_t p = 2;
  while (p + 4 <= b.size()) {
    if (uint8_t(b[p]) != 0xFF)
      return Status::Corrupt("JPEG marker expected at byte " + std::to_string(p));
    uint8_t m = uint8_t(b[p + 1]);
    if (m == 0xFF) {
      ++p;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
      p += 2;
      continue;
    }
    if (m == 0xD9 || m == 0xDA) break;
    uint32_t len = Be16(b, p + 2);
    if (len < 2 || p + 2 + len > b.size())
      return Status::Corrupt("JPEG truncated in a header segment");
    if (IsSof(m)) {
      if (len < 8) return Status::Corrupt("JPEG frame header too short");
      h.height = Be16(b, p + 5);
      h.width = Be16(b, p + 7);
      break;
    }
    p += 2 + len;
  }
  if (h.width == 0) return Status::Corrupt("JPEG has no frame header (truncated?)");
  // A file cut short loses its end-of-image marker (FF D9).
  size_t eoi = b.rfind("\xFF\xD9");
  if (eoi == std::string::npos || eoi < p)
    return Status::Corrupt("truncated JPEG (no end-of-image marker)");
  return h;
}

Result<ImageHeader> PngHeader(const std::string& b) {
  if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0)
    return Status::Corrupt("PNG header truncated");
  ImageHeader h{ImageKind::kPng, Be32(b, 16), Be32(b, 20)};
  if (b.size() < 45 || b.compare(b.size() - 8, 4, "IEND") != 0) {
    return Status::Corrupt("truncated PNG (no IEND chunk)");
  }
  return h;
}

Result<ImageHeader> WebpHeader(const std::string& b) {
  ImageHeader h{ImageKind::kWebp};
  if (b.size() < 30) return Status::Corrupt("WebP header truncated");
  if (b.compare(12, 4, "VP8 ") == 0) {
    h.width = Le16(b, 26) & 0x3FFF;
    h.height = Le16(b, 28) & 0x3FFF;
  } else if (b.compare(12, 4, "VP8L") == 0) {
    uint32_t bits = Le16(b, 21) | (Le16(b, 23) << 16);
    h.width = (bits & 0x3FFF) + 1;
    h.height = ((bits >> 14) & 0x3FFF) + 1;
  } else if (b.compare(12, 4, "VP8X") == 0) {
    h.width = Le24(b, 24) + 1;
    h.height = Le24(b, 27) + 1;
  } else {
    return Status::Corrupt("WebP without a VP8/VP8L/VP8X chunk");
  }
  uint64_t riff_size = Le16(b, 4) | (uint64_t(Le16(b, 6)) << 16);
  if (riff_size + 8 > b.size()) return Status::Corrupt("truncated WebP");
  return h;
}

// HEIF: the first 'ispe' property box carries the primary image size.
Result<ImageHeader> HeifHeader(const std::string& b) {
  ImageHeader h{ImageKind::kHeif};
  size_t p = b.find("ispe");
  if (p == std::string::npos || p + 16 > b.size())
    return Status::Corrupt("HEIF without an image size");
  h.width = Be32(b, p + 8);
  h.height = Be32(b, p + 12);
  return h;
}

}  // namespace

ImageKind SniffImageKind(const std::string& b) {
  if (b.size() >= 3 && std::memcmp(b.data(), "\xFF\xD8\xFF", 3) == 0) return ImageKind::kJpeg;
  if (b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1A\n", 8) == 0) return ImageKind::kPng;
  if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0)
    return ImageKind::kWebp;
  if (b.size() >= 12 && b.compare(4, 4, "ftyp") == 0) {
    std::string brand = b.substr(8, 4);
    for (const char* k : {"heic", "heix", "heim", "heis", "mif1", "msf1", "avif"}) {
      if (brand == k) return ImageKind::kHeif;
    }
  }
  return ImageKind::kUnknown;
}

Result<ImageHeader> ReadImageHeader(const std::string& bytes, int64_t max_pixels) {
  if (bytes.empty()) return Status::Corrupt("empty file (0 bytes)");
  Result<ImageHeader> h = Status::Unsupported("not a JPEG, PNG, WebP or HEIF image");
  switch (SniffImageKind(bytes)) {
    case ImageKind::kJpeg:
      h = JpegHeader(bytes);
      break;
    case ImageKind::kPng:
      h = PngHeader(bytes);
      break;
    case ImageKind::kWebp:
      h = WebpHeader(bytes);
      break;
    case ImageKind::kHeif:
      h = HeifHeader(bytes);
      break;
    default:
      break;
  }
  if (!h.ok()) return h;
  if (h->width <= 0 || h->height <= 0) return Status::Corrupt("image header claims zero size");
  // PNG's own limit (and HEIF's in practice): 2^31-1 per side. Beyond it the
  // header is not a valid image, and the product below could not overflow.
  if (h->width > kMaxSide || h->height > kMaxSide) {
    return Status::Corrupt("image header claims " + std::to_string(h->width) + "x" +
                           std::to_string(h->height) + " pixels, beyond the format's limit of " +
                           std::to_string(kMaxSide) + " per side");
  }
  if (h->width > max_pixels / h->height) {  // width * height > max_pixels, without overflow
    return Status::Unsupported("image claims " + std::to_string(h->width) + "x" +
                               std::to_string(h->height) + " pixels, over the limit of " +
                               std::to_string(max_pixels / 1000000) + " MP");
  }
  return h;
}

}  // namespace parcelproof
