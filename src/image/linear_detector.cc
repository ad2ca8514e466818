// 1-D barcode localisation at any angle with OpenCV contrib's detector.
#include <opencv2/barcode.hpp>
#include <opencv2/core.hpp>

#include "image/picture.h"

namespace parcelproof {

std::vector<Quad> DetectLinearBarcodes(const Picture& picture) {
  std::vector<Quad> quads;
  try {
    static const cv::barcode::BarcodeDetector detector;
    GrayView v = picture.view();
    cv::Mat m(v.height, v.width, CV_8U, const_cast<uint8_t*>(v.data), v.stride);
    std::vector<cv::Point2f> pts;
    if (!detector.detect(m, pts)) return quads;
    for (size_t i = 0; i + 3 < pts.size(); i += 4) {
      Quad q;
      for (int k = 0; k < 4; ++k) q[k] = {pts[i + k].x, pts[i + k].y};
      quads.push_back(q);
    }
  } catch (const cv::Exception&) {
    quads.clear();
  }
  return quads;
}

}  // namespace parcelproof
