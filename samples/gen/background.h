// Procedural surfaces a parcel lies on: corrugated cardboard or a wooden table.
#ifndef PARCELPROOF_SAMPLES_GEN_BACKGROUND_H_
#define PARCELPROOF_SAMPLES_GEN_BACKGROUND_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>

namespace samplegen {

// A CV_8UC3 texture of `size`; `kind` is "cardboard" or "table".
cv::Mat MakeBackground(cv::Size size, const std::string& kind, uint64_t seed);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_BACKGROUND_H_
