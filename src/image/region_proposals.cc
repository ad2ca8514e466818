// Candidate symbol regions: dense high-contrast texture (bars, modules),
// found with gradients and morphology, as rotated rectangles. A ring (the
// outline of a label) is not a region: the symbols inside it are.
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "image/picture.h"
#include "image/pixel_ops.h"

namespace parcelproof {
namespace {

constexpr size_t kMaxRegions = 24;  // a tray or sheet of codes

cv::Mat TextureMask(const cv::Mat& gray) {
  cv::Mat gx, gy, mag;
  cv::Sobel(gray, gx, CV_16S, 1, 0, 3);
  cv::Sobel(gray, gy, CV_16S, 0, 1, 3);
  mag.create(gray.size(), CV_8U);  // as cv::convertScaleAbs both, then cv::addWeighted(0.5, 0.5)
  MeanAbs(gx.ptr<int16_t>(), gy.ptr<int16_t>(), mag.ptr<uint8_t>(), gx.total());
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
    std::vector<cv::Vec4i> tree;  // next, previous, first child, parent
    cv::findContours(TextureMask(gray), contours, tree, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
    double min_side = std::max(gray.cols, gray.rows) / 60.0;
    std::vector<std::pair<double, cv::RotatedRect>> rects;
    for (size_t i = 0; i < contours.size(); ++i) {
      if (tree[i][3] >= 0) continue;  // a hole
      cv::RotatedRect r = cv::minAreaRect(contours[i]);
      double area = r.size.area();
      if (std::min(r.size.width, r.size.height) < min_side) continue;
      // Solid area: a ring (a label's outline) encloses symbols, it is not one.
      double solid = cv::contourArea(contours[i]);
      for (int h = tree[i][2]; h >= 0; h = tree[h][0]) solid -= cv::contourArea(contours[h]);
      if (solid < 0.6 * area) continue;  // ragged: text, wood grain
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
