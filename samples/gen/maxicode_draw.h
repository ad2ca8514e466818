// UPS-style MaxiCode symbols for the hard-condition sets: the structured
// carrier message (mode 2 or 3 primary, MH10.8.3 secondary) encoded with
// libzint, drawn as dots with the bullseye as ISO/IEC 16023 lays it out.
#ifndef PARCELPROOF_SAMPLES_GEN_MAXICODE_DRAW_H_
#define PARCELPROOF_SAMPLES_GEN_MAXICODE_DRAW_H_

#include <opencv2/core.hpp>
#include <string>

#include "image/maxicode_grid.h"

namespace samplegen {

struct CarrierMessage {
  std::string postal_code;  // 9 digits (mode 2) or up to 6 letters/digits (mode 3)
  std::string country;      // ISO 3166 numeric, 3 digits
  std::string service;      // 3 digits
  std::string tracking;     // "1Z..."
  std::string scac = "UPSN";
  std::string street, city, state;
};

// True when libzint was found at build time (MaxiCode sets need it).
bool CanEncodeMaxiCode();

// The module grid for the message. Throws std::runtime_error on failure.
parcelproof::MaxiGrid EncodeMaxiCode(const CarrierMessage& m);

// Draws the grid with `pitch` pixels between module centres, top-left of
// the symbol at `origin`; returns the symbol's size in pixels.
cv::Size DrawMaxiCode(const parcelproof::MaxiGrid& grid, cv::Point2d origin, double pitch,
                      cv::Mat* canvas);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_MAXICODE_DRAW_H_
