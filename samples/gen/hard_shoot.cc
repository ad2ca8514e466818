#include "hard_shoot.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace samplegen {

cv::Mat Background(cv::Size size, int level, Rng* rng) {
  cv::Mat small(std::max(2, size.height / 16), std::max(2, size.width / 16), CV_8U);
  for (int y = 0; y < small.rows; ++y) {
    for (int x = 0; x < small.cols; ++x)
      small.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(level + rng->Uniform(-12, 12));
  }
  cv::Mat out;
  cv::resize(small, out, size, 0, 0, cv::INTER_CUBIC);
  return out;
}

std::vector<cv::Point2f> PlaceSheet(const cv::Mat& sheet, const Shot& shot, Rng* rng,
                                    cv::Mat* frame) {
  double scale = std::sqrt(shot.fill * frame->cols * frame->rows / (sheet.cols * sheet.rows));
  double a = shot.angle_deg * CV_PI / 180, ca = std::cos(a), sa = std::sin(a);
  cv::Point2d c(frame->cols * (0.5 + shot.offset.x), frame->rows * (0.5 + shot.offset.y));
  const cv::Point2d src[4] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  std::vector<cv::Point2f> from, to;
  double size = std::max(sheet.cols, sheet.rows) * scale;
  for (const cv::Point2d& s : src) {
    double x = (s.x - 0.5) * sheet.cols * scale, y = (s.y - 0.5) * sheet.rows * scale;
    x += rng->Uniform(-shot.tilt, shot.tilt) * size;
    y += rng->Uniform(-shot.tilt, shot.tilt) * size;
    from.emplace_back(static_cast<float>(s.x * sheet.cols), static_cast<float>(s.y * sheet.rows));
    to.emplace_back(static_cast<float>(c.x + x * ca - y * sa),
                    static_cast<float>(c.y + x * sa + y * ca));
  }
  cv::Mat h = cv::getPerspectiveTransform(from, to);
  cv::warpPerspective(sheet, *frame, h, frame->size(), cv::INTER_AREA, cv::BORDER_TRANSPARENT);
  return to;
}

void FinishShot(const Shot& shot, const std::vector<cv::Point2f>& quad, Rng* rng, cv::Mat* frame) {
  cv::Mat f;
  frame->convertTo(f, CV_32F, shot.gain);
  if (shot.glare > 0 && quad.size() == 4) {
    // A specular band across the sheet, as from shrink wrap: saturates.
    cv::Point2f p = quad[0] + (quad[1] - quad[0]) * static_cast<float>(rng->Uniform(0.2, 0.8));
    cv::Point2f q = quad[3] + (quad[2] - quad[3]) * static_cast<float>(rng->Uniform(0.2, 0.8));
    double width = cv::norm(quad[1] - quad[0]) * rng->Uniform(0.04, 0.1);
    cv::Mat band = cv::Mat::zeros(frame->size(), CV_32F);
    cv::line(band, p, q, cv::Scalar(1), std::max(2, static_cast<int>(width)), cv::LINE_AA);
    cv::GaussianBlur(band, band, cv::Size(0, 0), std::max(1.0, width / 3));
    f += band * (260.0 * shot.glare);
  }
  if (shot.blur > 0) cv::GaussianBlur(f, f, cv::Size(0, 0), shot.blur);
  cv::Mat noise(f.size(), CV_32F);
  cv::theRNG().state = rng->Next();
  cv::randn(noise, 0, shot.noise);
  f += noise;
  f.convertTo(*frame, CV_8U);
}

std::vector<cv::Point2f> Shoot(const cv::Mat& sheet, const Shot& shot, Rng* rng, cv::Mat* frame) {
  std::vector<cv::Point2f> quad = PlaceSheet(sheet, shot, rng, frame);
  FinishShot(shot, quad, rng, frame);
  return quad;
}

cv::Mat Modules(const std::string& format, const std::string& text) {
  ZXing::BarcodeFormat f = ZXing::BarcodeFormatFromString(format);
  ZXing::MultiFormatWriter writer(f);
  writer.setMargin(0);
  ZXing::BitMatrix m = writer.encode(text, 0, 0);
  bool linear = f == ZXing::BarcodeFormat::EAN13 || f == ZXing::BarcodeFormat::Code128;
  int rows = linear ? 1 : m.height();
  cv::Mat out = cv::Mat::zeros(rows, m.width(), CV_8U);
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < m.width(); ++x) out.at<uint8_t>(y, x) = m.get(x, y) ? 1 : 0;
  }
  return out;
}

cv::Rect DrawModules(const cv::Mat& modules, bool linear, cv::Point origin, int module,
                     int bar_height, int ink, cv::Mat* sheet) {
  for (int y = 0; y < modules.rows; ++y) {
    for (int x = 0; x < modules.cols; ++x) {
      if (!modules.at<uint8_t>(y, x)) continue;
      cv::Rect r(origin.x + x * module, origin.y + (linear ? 0 : y * module), module,
                 linear ? bar_height : module);
      cv::rectangle(*sheet, r, cv::Scalar(ink), cv::FILLED);
    }
  }
  return {origin.x, origin.y, modules.cols * module, linear ? bar_height : modules.rows * module};
}

}  // namespace samplegen
