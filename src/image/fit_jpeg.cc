#include "image/fit_jpeg.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>  // flags only: the codecs load lazily (codecs.h)
#include <opencv2/imgproc.hpp>

#include "image/codecs.h"
#include "image/orientation.h"

namespace parcelproof {
namespace {

cv::Mat Scaled(const cv::Mat& img, int max_side) {
  int longer = std::max(img.cols, img.rows);
  if (longer <= max_side) return img;
  double f = static_cast<double>(max_side) / longer;
  cv::Mat out;
  cv::resize(img, out,
             cv::Size(std::max(1, static_cast<int>(std::lround(img.cols * f))),
                      std::max(1, static_cast<int>(std::lround(img.rows * f)))),
             0, 0, cv::INTER_AREA);
  return out;
}

Result<FittedJpeg> Finish(const std::vector<uchar>& buf, int quality) {
  FittedJpeg out;
  out.jpeg.assign(buf.begin(), buf.end());
  out.quality = quality;
  cv::Mat again =
      DecodeImage(cv::Mat(1, static_cast<int>(buf.size()), CV_8U, const_cast<uchar*>(buf.data())),
                  cv::IMREAD_COLOR);
  if (again.empty()) return Status::Internal("re-encoded JPEG does not decode");
  cv::Mat rgb;
  cv::cvtColor(again, rgb, cv::COLOR_BGR2RGB);
  out.width = rgb.cols;
  out.height = rgb.rows;
  out.rgb.assign(rgb.data, rgb.data + static_cast<size_t>(rgb.cols) * rgb.rows * 3);
  return out;
}

}  // namespace

Result<FittedJpeg> FitJpeg(const std::string& bytes, int orientation, int max_side,
                           uint64_t max_bytes) {
  try {
    cv::Mat buf(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    cv::Mat img = DecodeImage(buf, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    if (img.empty()) return Status::Corrupt("cannot decode the image");
    img = Oriented(img, orientation);
    for (int side = max_side; side >= 400; side = side * 3 / 4) {
      cv::Mat scaled = Scaled(img, side);
      for (int q : {85, 75, 60, 50, 40}) {
        std::vector<uchar> out;
        if (!EncodeImage(".jpg", scaled, {cv::IMWRITE_JPEG_QUALITY, q}, &out)) {
          return Status::Internal("JPEG encoding failed");
        }
        if (out.size() <= max_bytes) return Finish(out, q);
      }
    }
    return Status::Unsupported("does not fit in " + std::to_string(max_bytes) + " bytes");
  } catch (const cv::Exception& e) {
    return Status::Corrupt(std::string("image: ") + e.what());
  }
}

}  // namespace parcelproof
