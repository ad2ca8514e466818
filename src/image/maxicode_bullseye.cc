// Finding MaxiCode bullseyes: chains of nested, concentric ellipses (the
// edges of the three dark rings) whose radii fit the ratios of ISO/IEC 16023.
#include "image/maxicode_bullseye.h"

#include <algorithm>
#include <cmath>

namespace parcelproof {
namespace {

// Radii of the ring edges in module pitches, outermost first (ISO/IEC 16023:
// the bullseye's circles as drawn by reference encoders).
constexpr double kRingRadii[6] = {4.41, 3.646, 2.886, 2.122, 1.346, 0.581};
constexpr int kMinLevels = 4;

double MeanRadius(const cv::RotatedRect& e) { return (e.size.width + e.size.height) / 4; }

int Depth(const std::vector<cv::Vec4i>& tree, int i) {
  int d = 0;
  for (int p = tree[i][3]; p >= 0; p = tree[p][3]) ++d;
  return d;
}

// The child of contour i with the largest area, or -1.
int LargestChild(const std::vector<std::vector<cv::Point>>& contours,
                 const std::vector<cv::Vec4i>& tree, int i) {
  int best = -1;
  double best_area = 0;
  for (int c = tree[i][2]; c >= 0; c = tree[c][0]) {
    double a = cv::contourArea(contours[c]);
    if (a > best_area) {
      best_area = a;
      best = c;
    }
  }
  return best;
}

// Fits radius_i = pitch * R[k + i] + sign_i * bias (bias: how far the
// threshold moved the dark edges outward); returns the relative RMS error.
double FitRadii(const std::vector<double>& radii, bool first_is_hole, int k, double* pitch) {
  double sxx = 0, sxs = 0, sss = 0, sxy = 0, ssy = 0;
  for (size_t i = 0; i < radii.size(); ++i) {
    double x = kRingRadii[k + i];
    double s = ((i % 2 == 1) != first_is_hole) ? -1 : 1;  // holes shrink by the bias
    sxx += x * x;
    sxs += x * s;
    sss += s * s;
    sxy += x * radii[i];
    ssy += s * radii[i];
  }
  double det = sxx * sss - sxs * sxs;
  if (std::abs(det) < 1e-9) return 1e9;
  double p = (sxy * sss - sxs * ssy) / det;
  double bias = (sxx * ssy - sxs * sxy) / det;
  if (p <= 0 || std::abs(bias) > 0.3 * p) return 1e9;
  double err = 0;
  for (size_t i = 0; i < radii.size(); ++i) {
    double s = ((i % 2 == 1) != first_is_hole) ? -1 : 1;
    double d = radii[i] - (p * kRingRadii[k + i] + s * bias);
    err += d * d;
  }
  *pitch = p;
  return std::sqrt(err / radii.size()) / p;
}

// A chain of concentric ellipses starting at contour `start`.
std::vector<cv::RotatedRect> EllipseChain(const std::vector<std::vector<cv::Point>>& contours,
                                          const std::vector<cv::Vec4i>& tree, int start) {
  std::vector<cv::RotatedRect> chain;
  for (int j = start; j >= 0 && chain.size() < 6; j = LargestChild(contours, tree, j)) {
    if (contours[j].size() < 6) break;
    cv::RotatedRect e = cv::fitEllipse(contours[j]);
    double r = MeanRadius(e);
    if (!(r > 0.8) ||
        std::min(e.size.width, e.size.height) < 0.3 * std::max(e.size.width, e.size.height))
      break;
    double area = CV_PI * e.size.width * e.size.height / 4;
    if (std::abs(cv::contourArea(contours[j]) - area) > 0.2 * area + 4) break;
    if (!chain.empty()) {
      const cv::RotatedRect& outer = chain.front();
      if (cv::norm(e.center - outer.center) > 0.12 * MeanRadius(outer) + 1) break;
      if (r >= MeanRadius(chain.back())) break;
    }
    chain.push_back(e);
  }
  return chain;
}

}  // namespace

std::vector<Bullseye> FindBullseyes(const cv::Mat& gray, cv::Mat* dark) {
  int block = std::max(11, (std::min(gray.cols, gray.rows) / 12) | 1);
  cv::adaptiveThreshold(gray, *dark, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        6);
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> tree;
  cv::findContours(dark->clone(), contours, tree, cv::RETR_TREE, cv::CHAIN_APPROX_NONE);
  std::vector<Bullseye> found;
  for (size_t i = 0; i < contours.size(); ++i) {
    int c1 = tree[i][2];
    if (c1 < 0 || tree[c1][2] < 0 || contours[i].size() < 12) continue;  // not nested deep enough
    std::vector<cv::RotatedRect> chain = EllipseChain(contours, tree, static_cast<int>(i));
    if (static_cast<int>(chain.size()) < kMinLevels) continue;
    std::vector<double> radii;
    for (const cv::RotatedRect& e : chain) radii.push_back(MeanRadius(e));
    bool hole = Depth(tree, static_cast<int>(i)) % 2 == 1;
    Bullseye best;
    best.error = 1e9;
    for (int k = 0; k + chain.size() <= 6; ++k) {
      double pitch = 0;
      double err = FitRadii(radii, hole, k, &pitch);
      if (err < best.error) {
        best.error = err;
        best.pitch = pitch;
      }
    }
    if (best.error > 0.06) continue;
    const cv::RotatedRect& e = chain.front();
    best.centre = cv::Point2d(0, 0);
    for (const cv::RotatedRect& c : chain)
      best.centre += cv::Point2d(c.center) / double(chain.size());
    bool wide = e.size.width >= e.size.height;
    best.ratio = wide ? e.size.height / e.size.width : e.size.width / e.size.height;
    best.major_angle = (e.angle + (wide ? 0 : 90)) * CV_PI / 180;
    best.levels = static_cast<int>(chain.size());
    found.push_back(best);
  }
  // One per centre: the best fit, a level more worth 0.01 of error (the
  // outermost edge may have merged with the modules next to it: then the
  // chain from the next edge inwards fits better and gives the clean shape).
  auto key = [](const Bullseye& b) { return b.error + 0.01 * (6 - b.levels); };
  std::sort(found.begin(), found.end(),
            [&](const Bullseye& a, const Bullseye& b) { return key(a) < key(b); });
  std::vector<Bullseye> out;
  for (const Bullseye& b : found) {
    bool dup = false;
    for (const Bullseye& o : out) dup |= cv::norm(o.centre - b.centre) < 3 * o.pitch;
    if (!dup) out.push_back(b);
  }
  return out;
}

}  // namespace parcelproof
