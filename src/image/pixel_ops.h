// Per-pixel steps fused into one pass over packed buffers, each giving
// exactly the bytes of the OpenCV calls it replaces (pixel_ops_test.cc
// checks every input pair against them).
#ifndef PARCELPROOF_IMAGE_PIXEL_OPS_H_
#define PARCELPROOF_IMAGE_PIXEL_OPS_H_

#include <cstddef>
#include <cstdint>

namespace parcelproof {

// out = the mean of |gx| and |gy|, each saturated to 255, rounded half to
// even: cv::convertScaleAbs on both, then cv::addWeighted(0.5, 0.5).
void MeanAbs(const int16_t* gx, const int16_t* gy, uint8_t* out, size_t n);

// out = 2 * a - b saturated to 0..255: cv::addWeighted(a, 2.0, b, -1.0, 0).
void TwiceMinus(const uint8_t* a, const uint8_t* b, uint8_t* out, size_t n);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_PIXEL_OPS_H_
