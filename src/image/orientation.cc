#include "image/orientation.h"

#include <opencv2/core.hpp>

namespace parcelproof {

cv::Mat Oriented(const cv::Mat& in, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2:
      cv::flip(in, out, 1);
      return out;
    case 3:
      cv::flip(in, out, -1);
      return out;
    case 4:
      cv::flip(in, out, 0);
      return out;
    case 5:
      cv::transpose(in, out);
      return out;
    case 6:
      cv::rotate(in, out, cv::ROTATE_90_CLOCKWISE);
      return out;
    case 7:
      cv::transpose(in, out);
      cv::flip(out, out, -1);
      return out;
    case 8:
      cv::rotate(in, out, cv::ROTATE_90_COUNTERCLOCKWISE);
      return out;
    default:
      return in;
  }
}

}  // namespace parcelproof
