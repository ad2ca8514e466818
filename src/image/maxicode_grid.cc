// The MaxiCode module lattice around a bullseye. Canonical coordinates are in
// module pitches with the bullseye's centre (the site of row 16, column 14) at
// the origin: site (r, c) sits at (c - 14 + (r odd ? 0.5 : 0), (r - 16) * sqrt(3)/2).
#include "image/maxicode_grid.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "image/maxicode_bullseye.h"

namespace parcelproof {
namespace {

constexpr double kRowStep = 0.8660254037844386;  // sqrt(3)/2
constexpr double kBullseyeZone = 5.2;            // no data modules closer to the centre

cv::Point2d Site(int r, int c) { return {c - 14 + ((r & 1) ? 0.5 : 0.0), (r - 16) * kRowStep}; }

cv::Point2d Rotate(cv::Point2d p, double a) {
  return {p.x * std::cos(a) - p.y * std::sin(a), p.x * std::sin(a) + p.y * std::cos(a)};
}

cv::Point2d Map(const cv::Matx33d& h, cv::Point2d p) {
  cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1);
  return {v[0] / v[2], v[1] / v[2]};
}

float Sample(const cv::Mat& img, cv::Point2d p) {
  int x = static_cast<int>(std::floor(p.x)), y = static_cast<int>(std::floor(p.y));
  if (x < 0 || y < 0 || x + 1 >= img.cols || y + 1 >= img.rows) return -1;
  double fx = p.x - x, fy = p.y - y;
  const float* r0 = img.ptr<float>(y);
  const float* r1 = img.ptr<float>(y + 1);
  return static_cast<float>((r0[x] * (1 - fx) + r0[x + 1] * fx) * (1 - fy) +
                            (r1[x] * (1 - fx) + r1[x + 1] * fx) * fy);
}

// Image point = centre + pitch * R(major) diag(1, ratio) R(-major) R(theta) scale * p.
cv::Matx33d AffineGuess(const Bullseye& b, double theta, double scale) {
  double major_pitch = b.pitch * 2 / (1 + b.ratio) * scale;
  double c = std::cos(b.major_angle), s = std::sin(b.major_angle);
  cv::Matx22d rot(c, -s, s, c), squash(1, 0, 0, b.ratio);
  cv::Matx22d turn(std::cos(theta), -std::sin(theta), std::sin(theta), std::cos(theta));
  cv::Matx22d a = rot * squash * rot.t() * turn * major_pitch;
  return {a(0, 0), a(0, 1), b.centre.x, a(1, 0), a(1, 1), b.centre.y, 0, 0, 1};
}

// Variance of the blurred picture at the data sites: highest when every
// sample falls in the middle of a module.
double LatticeScore(const cv::Mat& blurred, const cv::Matx33d& h, double reach = 99) {
  double sum = 0, sum2 = 0;
  int n = 0;
  for (int r = 0; r < kMaxiRows; ++r) {
    for (int c = 0; c < kMaxiCols; ++c) {
      cv::Point2d s = Site(r, c);
      double d = std::hypot(s.x, s.y);
      if (d < kBullseyeZone || d > reach) continue;
      float v = Sample(blurred, Map(h, s));
      if (v < 0) continue;
      sum += v;
      sum2 += v * v;
      ++n;
    }
  }
  if (n < 40) return 0;
  double mean = sum / n;
  return sum2 / n - mean * mean;
}

// Rotation and scale of the lattice: coarse over the whole range (printers
// draw the rings a little larger or smaller than ISO's), then fine.
cv::Matx33d SearchRotation(const cv::Mat& blurred, const Bullseye& b) {
  double best = -1, theta = 0, scale = 1;
  auto consider = [&](double t, double s) {
    double score = LatticeScore(blurred, AffineGuess(b, t, s));
    if (score > best) best = score, theta = t, scale = s;
  };
  const double deg = CV_PI / 180;
  for (double s = 0.8; s < 1.31; s += 0.03) {
    for (int d = 0; d < 60; d += 2) consider(d * deg, s);
  }
  double t0 = theta, s0 = scale;
  for (double s = s0 - 0.02; s < s0 + 0.025; s += 0.01) {
    for (double d = -1.5; d <= 1.5; d += 0.25) consider(t0 + d * deg, s);
  }
  return AffineGuess(b, theta, scale);
}

// Perspective the rings cannot tell: coordinate descent on the lattice
// score over the eight homography parameters (in canonical coordinates, so
// that the steps mean the same whatever the picture's scale).
cv::Matx33d Polish(const cv::Mat& blurred, const cv::Matx33d& h, double reach) {
  double p[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // h * (I + D): D's entries but the last
  double step[8] = {0.01, 0.01, 0.1, 0.01, 0.01, 0.1, 0.0006, 0.0006};
  auto with = [&](const double* q) {
    return h * cv::Matx33d(1 + q[0], q[1], q[2], q[3], 1 + q[4], q[5], q[6], q[7], 1);
  };
  double best = LatticeScore(blurred, h, reach);
  for (int round = 0; round < 5; ++round) {
    bool improved = true;
    for (int sweep = 0; sweep < 6 && improved; ++sweep) {
      improved = false;
      for (int i = 0; i < 8; ++i) {
        for (double dir : {1.0, -1.0}) {
          double q[8];
          std::copy(p, p + 8, q);
          q[i] += dir * step[i];
          double score = LatticeScore(blurred, with(q), reach);
          if (score > best) {
            best = score;
            std::copy(q, q + 8, p);
            improved = true;
            break;
          }
        }
      }
    }
    for (double& s : step) s /= 2;
  }
  return with(p);
}

// Least-squares homography (h33 = 1) from canonical to picture points, refitted
// once without the points it misplaces by more than `tolerance` pixels.
bool FitHomography(const std::vector<cv::Point2d>& from, const std::vector<cv::Point2d>& to,
                   double tolerance, cv::Matx33d* h) {
  std::vector<bool> use(from.size(), true);
  for (int round = 0; round < 2; ++round) {
    cv::Mat a(0, 8, CV_64F), b(0, 1, CV_64F);
    for (size_t i = 0; i < from.size(); ++i) {
      if (!use[i]) continue;
      double x = from[i].x, y = from[i].y, u = to[i].x, v = to[i].y;
      a.push_back(cv::Mat(cv::Matx<double, 1, 8>(x, y, 1, 0, 0, 0, -u * x, -u * y)));
      a.push_back(cv::Mat(cv::Matx<double, 1, 8>(0, 0, 0, x, y, 1, -v * x, -v * y)));
      b.push_back(u);
      b.push_back(v);
    }
    if (a.rows < 24) return false;
    cv::Mat sol;
    if (!cv::solve(a, b, sol, cv::DECOMP_SVD)) return false;
    const double* s = sol.ptr<double>();
    *h = cv::Matx33d(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 1);
    for (size_t i = 0; i < from.size(); ++i)
      use[i] = cv::norm(Map(*h, from[i]) - to[i]) < tolerance;
  }
  return true;
}

// Refits the lattice as a homography to the centroids of isolated dark
// modules (blobs of about one module's area once eroded apart), which
// perspective moves; near the centre first, where the affine guess holds.
cv::Matx33d Refine(const cv::Mat& dark, const Bullseye& b, cv::Matx33d h) {
  cv::Mat eroded, labels, stats, centroids;
  int steps = std::max(1, static_cast<int>(std::lround(0.1 * b.pitch)));
  cv::erode(dark, eroded, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}), {-1, -1}, steps);
  int n = cv::connectedComponentsWithStats(eroded, labels, stats, centroids, 8, CV_32S);
  double pitch = b.pitch;
  double cell = pitch * pitch * kRowStep * b.ratio;        // a module's area in the picture
  const double kReach[] = {7, 9, 11, 13, 15, 18, 30, 30};  // pitches from the centre
  for (double reach : kReach) {
    cv::Matx33d inv = h.inv();
    std::vector<cv::Point2d> from, to;
    for (int i = 1; i < n; ++i) {
      double area = stats.at<int>(i, cv::CC_STAT_AREA);
      if (area < 0.05 * cell || area > 1.0 * cell) continue;
      cv::Point2d p(centroids.at<double>(i, 0), centroids.at<double>(i, 1));
      cv::Point2d q = Map(inv, p);
      int r = static_cast<int>(std::lround(q.y / kRowStep + 16));
      if (r < 0 || r >= kMaxiRows) continue;
      int c = static_cast<int>(std::lround(q.x + 14 - ((r & 1) ? 0.5 : 0.0)));
      if (c < 0 || c >= kMaxiCols) continue;
      cv::Point2d s = Site(r, c);
      double d = std::hypot(s.x, s.y);
      if (d < kBullseyeZone || d > reach || cv::norm(q - s) > 0.35) continue;
      from.push_back(s);
      to.push_back(p);
    }
    cv::Matx33d fit;
    if (from.size() >= 16 && FitHomography(from, to, 0.3 * pitch, &fit)) h = fit;
  }
  return h;
}

MaxiGrid SampleGrid(const cv::Mat& blurred, const cv::Matx33d& h, double turn, bool* ok) {
  std::vector<float> values;
  values.reserve(kMaxiRows * kMaxiCols);
  for (int r = 0; r < kMaxiRows; ++r) {
    for (int c = 0; c < kMaxiCols; ++c)
      values.push_back(std::max(0.0f, Sample(blurred, Map(h, Rotate(Site(r, c), turn)))));
  }
  cv::Mat v8;
  cv::Mat(values).reshape(1, 1).convertTo(v8, CV_8U);
  cv::Mat bits;
  cv::threshold(v8, bits, 0, 1, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  MaxiGrid grid{};
  for (int i = 0; i < kMaxiRows * kMaxiCols; ++i) grid[i] = bits.at<uint8_t>(0, i);
  *ok = true;
  return grid;
}

Quad Outline(const cv::Matx33d& h, double turn) {
  const cv::Point2d corner[4] = {{-14.5, -16.5 * kRowStep},
                                 {16.0, -16.5 * kRowStep},
                                 {16.0, 16.5 * kRowStep},
                                 {-14.5, 16.5 * kRowStep}};
  Quad q;
  for (int i = 0; i < 4; ++i) {
    cv::Point2d p = Map(h, Rotate(corner[i], turn));
    q[i] = PointF{p.x, p.y};
  }
  return q;
}

}  // namespace

std::vector<MaxiCandidate> LocateMaxiCodes(const Picture& picture, int max_symbols) {
  std::vector<MaxiCandidate> out;
  try {
    GrayView v = picture.view();
    cv::Mat gray(v.height, v.width, CV_8U, const_cast<uint8_t*>(v.data), v.stride);
    cv::Mat dark;
    std::vector<Bullseye> eyes = FindBullseyes(gray, &dark);
    for (const Bullseye& b : eyes) {
      if (static_cast<int>(out.size()) >= max_symbols) break;
      if (b.pitch < 1.5) continue;
      cv::Mat blurred;
      gray.convertTo(blurred, CV_32F);
      cv::GaussianBlur(blurred, blurred, cv::Size(0, 0), std::max(0.5, 0.15 * b.pitch));
      cv::Matx33d h = SearchRotation(blurred, b);
      h = Polish(blurred, h, 10);
      h = Polish(blurred, h, 99);
      h = Refine(dark, b, h);
      MaxiCandidate cand;
      for (int k = 0; k < 6; ++k) {
        double turn = k * CV_PI / 3;
        bool ok = false;
        MaxiGrid g = SampleGrid(blurred, h, turn, &ok);
        if (!ok) continue;
        cand.grids.push_back(g);
        cand.corners.push_back(Outline(h, turn));
      }
      if (!cand.grids.empty()) out.push_back(std::move(cand));
    }
  } catch (const cv::Exception&) {
    out.clear();
  }
  return out;
}

}  // namespace parcelproof
