#include "sheet.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace samplegen {
namespace {

std::vector<cv::Point2f> Quad(const std::array<cv::Point2f, 4>& c) { return {c.begin(), c.end()}; }

// Marks bottom barcodes covered by the top label's quad; rejects partial cover.
void MarkCovered(const std::vector<cv::Point2f>& top_quad, std::vector<PlacedBarcode>* codes) {
  for (PlacedBarcode& b : *codes) {
    std::vector<cv::Point2f> quad = Quad(b.corners), overlap;
    double area = cv::contourArea(quad);
    double covered = cv::intersectConvexConvex(quad, top_quad, overlap, true);
    if (covered > 0.999 * area) {
      b.visible = false;
    } else if (covered > 0) {
      throw std::runtime_error("stacked label covers the " + b.role + " barcode only partly");
    }
  }
}

// Alpha-blends `src` onto `dst` where `alpha` (0..255) says.
void Blend(const cv::Mat& src, const cv::Mat& alpha, cv::Mat* dst) {
  for (int y = 0; y < dst->rows; ++y) {
    const cv::Vec3b* s = src.ptr<cv::Vec3b>(y);
    const uint8_t* a = alpha.ptr<uint8_t>(y);
    cv::Vec3b* d = dst->ptr<cv::Vec3b>(y);
    for (int x = 0; x < dst->cols; ++x) {
      if (a[x] == 0) continue;
      for (int c = 0; c < 3; ++c)
        d[x][c] = static_cast<uint8_t>((s[x][c] * a[x] + d[x][c] * (255 - a[x]) + 127) / 255);
    }
  }
}

}  // namespace

Sheet SingleSheet(const RenderedLabel& label) {
  Sheet s;
  s.image = label.image.clone();
  s.mask = cv::Mat(label.image.size(), CV_8U, cv::Scalar(255));
  s.barcodes = label.barcodes;
  return s;
}

Sheet StackedSheet(const RenderedLabel& bottom, const RenderedLabel& top, double dx, double dy,
                   double angle_deg) {
  cv::Size size = bottom.image.size();
  cv::Point2f center(top.image.cols / 2.0f, top.image.rows / 2.0f);
  cv::Mat affine = cv::getRotationMatrix2D(center, angle_deg, 1.0);
  affine.at<double>(0, 2) += dx * size.width;
  affine.at<double>(1, 2) += dy * size.height;
  std::vector<cv::Point2f> corners = {{0, 0},
                                      {float(top.image.cols), 0},
                                      {float(top.image.cols), float(top.image.rows)},
                                      {0, float(top.image.rows)}},
                           top_quad;
  cv::transform(corners, top_quad, affine);
  cv::Rect box = cv::boundingRect(top_quad) | cv::Rect(0, 0, size.width, size.height);
  cv::Point2f shift(float(-box.x), float(-box.y));
  affine.at<double>(0, 2) += shift.x;
  affine.at<double>(1, 2) += shift.y;
  cv::Size canvas(box.width + 1, box.height + 1);
  for (cv::Point2f& p : top_quad) p += shift;

  Sheet s;
  s.image = cv::Mat(canvas, CV_8UC3, cv::Scalar(0, 0, 0));
  s.mask = cv::Mat::zeros(canvas, CV_8U);
  cv::Rect at(cv::Point(int(shift.x), int(shift.y)), size);
  bottom.image.copyTo(s.image(at));
  s.mask(at).setTo(255);
  for (PlacedBarcode b : bottom.barcodes) {
    for (cv::Point2f& p : b.corners) p += shift;
    s.barcodes.push_back(b);
  }
  MarkCovered(top_quad, &s.barcodes);

  cv::Mat top_mask, top_img, shadow;
  cv::Mat ones(top.image.size(), CV_8U, cv::Scalar(255));
  cv::warpAffine(ones, top_mask, affine, canvas, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::warpAffine(top.image, top_img, affine, canvas, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  int blur = std::max(3, size.width / 150) | 1;
  cv::GaussianBlur(top_mask, shadow, cv::Size(blur * 3, blur * 3), 0);
  cv::Mat dark(canvas, CV_8UC3, cv::Scalar(120, 120, 120));
  cv::Mat shadow_in = shadow * 0.5;
  cv::Mat shadow_on_paper;
  cv::min(shadow_in, s.mask, shadow_on_paper);
  Blend(dark, shadow_on_paper, &s.image);
  Blend(top_img, top_mask, &s.image);
  cv::max(s.mask, top_mask, s.mask);
  for (PlacedBarcode b : top.barcodes) {
    std::vector<cv::Point2f> in = Quad(b.corners), out;
    cv::transform(in, out, affine);
    std::copy(out.begin(), out.end(), b.corners.begin());
    s.barcodes.push_back(b);
  }
  return s;
}

}  // namespace samplegen
