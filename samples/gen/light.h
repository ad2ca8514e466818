// Warehouse light on a photo: uneven illumination, a warm cast, a glare spot,
// and sensor noise.
#ifndef PARCELPROOF_SAMPLES_GEN_LIGHT_H_
#define PARCELPROOF_SAMPLES_GEN_LIGHT_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

#include "photo.h"

namespace samplegen {

// Darkens across the frame (p.light_falloff), vignettes, tints and adds a glare
// spot of strength p.glare, placed near the label quad half of the time.
void ApplyLight(const PhotoParams& p, const std::vector<cv::Point2f>& label_quad, uint64_t seed,
                cv::Mat* img);

// Lays a strip of clear packing tape (48 mm on a 101 mm label) across the
// label, roughly along its long side, with a yellowish tint, darker edges and
// a specular streak of strength `shine` (0..1).
void ApplyTape(double shine, const std::vector<cv::Point2f>& label_quad, uint64_t seed,
               cv::Mat* img);

// Adds zero-mean noise of standard deviation `sigma` grey levels to every channel.
void AddNoise(double sigma, uint64_t seed, cv::Mat* img);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_LIGHT_H_
