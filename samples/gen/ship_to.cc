#include "ship_to.h"

#include <sys/stat.h>

#include <algorithm>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include "rng.h"

namespace samplegen {
namespace {

const cv::Scalar kPaper(246, 248, 248);
// The ship-to area of RenderLabel's layout, in 300-dpi units.
constexpr double kLeft = 40, kTop = 418, kRight = 770, kBottom = 826;

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// Worn print head: some dot columns print faint, the ink varies, a few specks.
void Thermal(cv::Mat* ink, uint64_t seed) {
  Rng rng(seed);
  for (int k = 0; k < 6; ++k) {
    int x = rng.Int(0, ink->cols - 1);
    int w = rng.Int(1, 2);
    cv::Mat col = (*ink)(cv::Rect(x, 0, std::min(w, ink->cols - x), ink->rows));
    col *= rng.Uniform(0.35, 0.7);
  }
  // The print's own generator, not cv::randn's per-thread one: that one's
  // state depended on which photos the thread had made before, so the same
  // seed gave other photos from run to run with --threads 2.
  cv::Mat noise(ink->size(), CV_32F);
  cv::RNG normal(rng.Next());
  normal.fill(noise, cv::RNG::NORMAL, 1.0, 0.12);
  cv::Mat f;
  ink->convertTo(f, CV_32F);
  f = f.mul(noise);
  f.convertTo(*ink, CV_8U);
  for (size_t k = 0; k < ink->total() / 4000; ++k) {
    cv::circle(*ink, cv::Point(rng.Int(0, ink->cols - 1), rng.Int(0, ink->rows - 1)), 1,
               cv::Scalar(0), cv::FILLED);
  }
}

}  // namespace

std::vector<std::string> ShipToFonts() {
  const std::vector<std::string> all = {
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
      "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
      "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
      "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
      "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
      "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
  };
  std::vector<std::string> out;
  for (const std::string& f : all) {
    if (Exists(f)) out.push_back(f);
  }
  return out;
}

void PrintShipTo(cv::Mat* label, double dpi, const std::vector<std::string>& lines,
                 const ShipToStyle& style) {
  double u = dpi / 300.0;
  cv::Rect area(cv::Point(static_cast<int>(kLeft * u), static_cast<int>(kTop * u)),
                cv::Point(static_cast<int>(kRight * u), static_cast<int>(kBottom * u)));
  cv::rectangle(*label, area, kPaper, cv::FILLED);
  cv::Ptr<cv::freetype::FreeType2> ft = cv::freetype::createFreeType2();
  ft->loadFontData(style.font, 0);
  std::vector<std::string> all = lines;
  if (!style.cue.empty()) all.insert(all.begin(), style.cue);
  // The largest size up to style.size at which every line fits the area.
  double size = style.size * u;
  double step = 1.3;
  size = std::min(size, area.height / (step * static_cast<double>(all.size()) + 0.2));
  for (const std::string& l : all) {
    int base = 0;
    cv::Size sz = ft->getTextSize(l, static_cast<int>(size), -1, &base);
    if (sz.width > area.width - 20 * u) size *= (area.width - 20 * u) / sz.width;
  }
  cv::Mat ink3(area.size(), CV_8UC3, cv::Scalar(0, 0, 0));  // freetype draws on colour only
  int h = static_cast<int>(size);
  for (size_t i = 0; i < all.size(); ++i) {
    int y = static_cast<int>(size * (1.0 + step * static_cast<double>(i)));
    int cue_h = (!style.cue.empty() && i == 0) ? h * 3 / 4 : h;
    ft->putText(ink3, all[i], cv::Point(static_cast<int>(10 * u), y), cue_h,
                cv::Scalar(255, 255, 255), -1, cv::LINE_AA, false);
  }
  cv::Mat ink;
  cv::cvtColor(ink3, ink, cv::COLOR_BGR2GRAY);
  if (style.thermal) Thermal(&ink, style.seed);
  cv::Mat roi = (*label)(area);
  for (int y = 0; y < roi.rows; ++y) {
    for (int x = 0; x < roi.cols; ++x) {
      double a = ink.at<uint8_t>(y, x) / 255.0 * 0.9;
      cv::Vec3b& p = roi.at<cv::Vec3b>(y, x);
      for (int c = 0; c < 3; ++c) p[c] = static_cast<uint8_t>(p[c] * (1 - a) + 26 * a);
    }
  }
}

}  // namespace samplegen
