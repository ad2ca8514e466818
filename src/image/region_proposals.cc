// Candidate symbol regions: dense high-contrast texture (bars, modules),
// found with gradients and morphology, as rotated rectangles.
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "image/picture.h"

namespace parcelproof {
namespace {

constexpr size_t kMaxRegions = 10;

cv::Mat TextureMask(const cv::Mat& gray) {
  cv::Mat gx, gy, mag;
  cv::Sobel(gray, gx, CV_16S, 1, 0, 3);
  cv::Sobel(gray, gy, CV_16S, 0, 1, 3);
  cv::convertScaleAbs(gx, gx);
  cv::convertScaleAbs(gy, gy);
  cv::addWeighted(gx, 0.5, gy, 0.5, 0, mag);
  cv::blur(mag, mag, cv::Size(5, 5));
  cv::threshold(mag, mag, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  int k = std::max(3, std::max(gray.cols, gray.rows) / 160);
  cv::morphologyEx(mag, mag, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  cv::morphologyEx(mag, mag, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
  return mag;
}

}  // namespace

std::vector<Quad> ProposeSymbolRegions(const Picture& picture) {
  std::vector<Quad> out;
  try {
    GrayView v = picture.view();
    cv::Mat gray(v.height, v.width, CV_8U, const_cast<uint8_t*>(v.data), v.stride);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(TextureMask(gray), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    double min_side = std::max(gray.cols, gray.rows) / 60.0;
    std::vector<std::pair<double, cv::RotatedRect>> rects;
    for (const auto& c : contours) {
      cv::RotatedRect r = cv::minAreaRect(c);
      double area = r.size.area();
      if (std::min(r.size.width, r.size.height) < min_side) continue;
      if (cv::contourArea(c) < 0.6 * area) continue;  // ragged: text, wood grain
      rects.emplace_back(area, r);
    }
    std::sort(rects.begin(), rects.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < rects.size() && out.size() < kMaxRegions; ++i) {
      cv::Point2f p[4];
      rects[i].second.points(p);
      out.push_back({PointF{p[0].x, p[0].y}, PointF{p[1].x, p[1].y}, PointF{p[2].x, p[2].y},
                     PointF{p[3].x, p[3].y}});
    }
  } catch (const cv::Exception&) {
    out.clear();
  }
  return out;
}

}  // namespace parcelproof
