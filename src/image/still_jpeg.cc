#include "image/still_jpeg.h"

#include <opencv2/imgcodecs.hpp>  // flags only: the codecs load lazily (codecs.h)
#include <opencv2/imgproc.hpp>
#include <vector>

#include "image/codecs.h"

namespace parcelproof {

Result<std::string> EncodeStillJpeg(const RgbPixels& pixels) {
  if (pixels.width <= 0 || pixels.height <= 0 ||
      pixels.data.size() != static_cast<size_t>(pixels.width) * pixels.height * 3) {
    return Status::Corrupt("still: no pixels or a wrong pixel count");
  }
  try {
    cv::Mat rgb(pixels.height, pixels.width, CV_8UC3, const_cast<uint8_t*>(pixels.data.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> buf;
    const std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY,     kStillJpegQuality,
                                     cv::IMWRITE_JPEG_OPTIMIZE,    0,
                                     cv::IMWRITE_JPEG_PROGRESSIVE, 0};
    if (!EncodeImage(".jpg", bgr, params, &buf)) {
      return Status::Internal("still: JPEG encoding failed");
    }
    return std::string(buf.begin(), buf.end());
  } catch (const cv::Exception& e) {
    return Status::Internal(std::string("still: ") + e.what());
  }
}

}  // namespace parcelproof
