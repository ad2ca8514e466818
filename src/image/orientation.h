// EXIF orientation (1..8) applied to pixels; one implementation for the
// pictures, thumbnails and re-encoded uploads of the image module.
#ifndef PARCELPROOF_IMAGE_ORIENTATION_H_
#define PARCELPROOF_IMAGE_ORIENTATION_H_

#include <opencv2/core.hpp>

namespace parcelproof {

// The image as the user sees it; orientation 1 and unknown values: unchanged.
cv::Mat Oriented(const cv::Mat& in, int orientation);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_ORIENTATION_H_
