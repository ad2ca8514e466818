// An 8-bit one-channel cv::Mat as GrayPixels, for the tests of image code
// (row by row, so that a Mat that is a view into a larger one works too).
#ifndef PARCELPROOF_TESTS_GRAY_MAT_H_
#define PARCELPROOF_TESTS_GRAY_MAT_H_

#include <cstdint>
#include <opencv2/core.hpp>

#include "core/gray_pixels.h"

namespace parcelproof::testing {

inline GrayPixels GrayFromMat(const cv::Mat& m) {
  GrayPixels p;
  p.width = m.cols;
  p.height = m.rows;
  for (int y = 0; y < m.rows; ++y) {
    p.data.insert(p.data.end(), m.ptr<uint8_t>(y), m.ptr<uint8_t>(y) + m.cols);
  }
  return p;
}

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_GRAY_MAT_H_
