// Encodes photos as a phone would store them: JPEG with an EXIF APP1 segment
// (no JFIF), or PNG / WebP without metadata.
#ifndef PARCELPROOF_SAMPLES_GEN_ENCODE_H_
#define PARCELPROOF_SAMPLES_GEN_ENCODE_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace samplegen {

struct CameraExif {
  std::string make;       // "Apple"
  std::string model;      // "iPhone 13"
  std::string date_time;  // "2026:03:02 14:05:33", local camera time
  std::string subsec;     // "512"
  std::string offset;     // "+08:00"
  int orientation = 1;    // 1..8
  int pixel_width = 0;    // stored pixels (EncodeJpeg fills these in)
  int pixel_height = 0;
};

// The EXIF block ("Exif\0\0" + TIFF) built with libexif.
std::vector<uint8_t> BuildExif(const CameraExif& exif);

// JPEG at `quality` with the EXIF APP1 right after SOI (the JFIF APP0 dropped).
std::vector<uint8_t> EncodeJpeg(const cv::Mat& stored, int quality, const CameraExif& exif);

// "png" or "webp" (lossy, `quality`), no metadata.
std::vector<uint8_t> EncodeOther(const cv::Mat& stored, const std::string& format, int quality);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_ENCODE_H_
