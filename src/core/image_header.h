// Recognises image files by content and reads the dimensions their headers
// claim, before any decoder sees the bytes.
#ifndef PARCELPROOF_CORE_IMAGE_HEADER_H_
#define PARCELPROOF_CORE_IMAGE_HEADER_H_

#include <cstdint>
#include <string>

#include "parcelproof/status.h"

namespace parcelproof {

enum class ImageKind { kUnknown, kJpeg, kPng, kWebp, kHeif };

struct ImageHeader {
  ImageKind kind = ImageKind::kUnknown;
  int64_t width = 0;  // as stored (before EXIF orientation)
  int64_t height = 0;
};

// Only the magic bytes: kUnknown when not an image we read.
ImageKind SniffImageKind(const std::string& bytes);

// Kind and claimed dimensions. Unsupported for non-images and dimensions
// above max_pixels; Corrupt for truncated or inconsistent headers (including
// a JPEG cut before its end-of-image marker).
Result<ImageHeader> ReadImageHeader(const std::string& bytes, int64_t max_pixels);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_IMAGE_HEADER_H_
