// OpenCV's image codecs, loaded on first use. Linking libopencv_imgcodecs
// costs every parcelproof start about 80 ms (Debian builds it with GDAL and a
// hundred more libraries), which verbs such as show, log or verify never need.
#ifndef PARCELPROOF_IMAGE_CODECS_H_
#define PARCELPROOF_IMAGE_CODECS_H_

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace parcelproof {

// Loads the codecs now (before forking workers, so that they inherit them).
// False when the library cannot be loaded.
bool LoadImageCodecs();

// cv::imdecode; an empty Mat when decoding fails or the codecs are missing.
cv::Mat DecodeImage(const cv::Mat& buffer, int flags);

// cv::imencode; false when encoding fails or the codecs are missing.
bool EncodeImage(const std::string& ext, const cv::Mat& image, const std::vector<int>& params,
                 std::vector<uchar>* out);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_CODECS_H_
