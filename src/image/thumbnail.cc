#include "image/thumbnail.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>  // flags only: the codecs load lazily (codecs.h)
#include <opencv2/imgproc.hpp>
#include <vector>

#include "core/file.h"
#include "image/codecs.h"
#include "image/orientation.h"

namespace parcelproof {
namespace {

// Decodes at the strongest reduction that keeps the longer side >= max_side.
cv::Mat DecodeReduced(const std::string& path, int max_side) {
  const int kFlags[] = {cv::IMREAD_REDUCED_COLOR_8, cv::IMREAD_REDUCED_COLOR_4,
                        cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_COLOR};
  cv::Mat img;
  Result<std::string> bytes = ReadFileLimited(path, 512ull << 20);
  if (!bytes.ok()) return img;
  cv::Mat buf(1, static_cast<int>(bytes->size()), CV_8U, bytes->data());
  for (int flag : kFlags) {
    img = DecodeImage(buf, flag | cv::IMREAD_IGNORE_ORIENTATION);
    if (img.empty()) continue;
    if (std::max(img.cols, img.rows) >= max_side || flag == cv::IMREAD_COLOR) return img;
  }
  return img;
}

// Scales img (BGR) to fit max_side and encodes it; what describes the source
// in messages.
Result<Thumbnail> ScaleAndEncode(cv::Mat img, int max_side, const std::string& what) {
  int longer = std::max(img.cols, img.rows);
  if (longer > max_side) {
    double f = static_cast<double>(max_side) / longer;
    int w = std::max(1, static_cast<int>(std::lround(img.cols * f)));
    int h = std::max(1, static_cast<int>(std::lround(img.rows * f)));
    cv::resize(img, img, cv::Size(w, h), 0, 0, cv::INTER_AREA);
  }
  std::vector<uchar> buf;
  if (!EncodeImage(".jpg", img, {cv::IMWRITE_JPEG_QUALITY, 80}, &buf)) {
    return Status::Internal(what + ": thumbnail encoding failed");
  }
  return Thumbnail{std::string(buf.begin(), buf.end()), img.cols, img.rows};
}

}  // namespace

Result<Thumbnail> MakeThumbnail(const std::string& path, int orientation, int max_side) {
  try {
    cv::Mat img = DecodeReduced(path, max_side);
    if (img.empty()) return Status::Corrupt(path + ": cannot decode image for a thumbnail");
    return ScaleAndEncode(Oriented(img, orientation), max_side, path);
  } catch (const cv::Exception& e) {
    return Status::Corrupt(path + ": thumbnail: " + e.what());
  }
}

Result<Thumbnail> MakeThumbnailFromPixels(const RgbPixels& pixels, int max_side) {
  if (pixels.width <= 0 || pixels.height <= 0 ||
      pixels.data.size() != static_cast<size_t>(pixels.width) * pixels.height * 3) {
    return Status::Corrupt("thumbnail: no pixels or a wrong pixel count");
  }
  try {
    // OpenCV's view of the caller's bytes (not written), then its own BGR copy.
    cv::Mat rgb(pixels.height, pixels.width, CV_8UC3, const_cast<uint8_t*>(pixels.data.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    return ScaleAndEncode(bgr, max_side, "decoded pixels");
  } catch (const cv::Exception& e) {
    return Status::Corrupt(std::string("thumbnail: ") + e.what());
  }
}

}  // namespace parcelproof
