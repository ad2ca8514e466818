#include "light.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "rng.h"

namespace samplegen {

void ApplyLight(const PhotoParams& p, const std::vector<cv::Point2f>& label_quad, uint64_t seed,
                cv::Mat* img) {
  Rng rng(seed);
  const int kDown = 8;
  cv::Size small(std::max(2, img->cols / kDown), std::max(2, img->rows / kDown));
  cv::Mat gain(small, CV_32F), glare(small, CV_32F);
  double dir = rng.Uniform(0, 2 * CV_PI);
  double gx = std::cos(dir), gy = std::sin(dir);
  cv::Point2f c = label_quad[0];
  if (rng.Chance(0.5)) c = (label_quad[0] + label_quad[2]) * 0.5f;
  c += cv::Point2f(float(rng.Uniform(-0.25, 0.25) * img->cols),
                   float(rng.Uniform(-0.25, 0.25) * img->rows));
  double sigma = rng.Uniform(0.05, 0.14) * std::hypot(img->cols, img->rows);
  for (int y = 0; y < small.height; ++y) {
    for (int x = 0; x < small.width; ++x) {
      double u = double(x) / small.width - 0.5, v = double(y) / small.height - 0.5;
      double t = 0.5 + u * gx + v * gy;  // 0..1 across the frame
      double vignette = 1.0 - 0.35 * (u * u + v * v);
      gain.at<float>(y, x) = float((1.0 - p.light_falloff * t) * vignette * 1.04);
      double dx = x * kDown - c.x, dy = y * kDown - c.y;
      glare.at<float>(y, x) = float(p.glare * std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
    }
  }
  cv::Mat gain_full, glare_full;
  cv::resize(gain, gain_full, img->size(), 0, 0, cv::INTER_LINEAR);
  cv::resize(glare, glare_full, img->size(), 0, 0, cv::INTER_LINEAR);
  const float tint[3] = {float(rng.Uniform(0.88, 0.96)), float(rng.Uniform(0.96, 1.0)), 1.0f};
  for (int y = 0; y < img->rows; ++y) {
    cv::Vec3b* px = img->ptr<cv::Vec3b>(y);
    const float* g = gain_full.ptr<float>(y);
    const float* l = glare_full.ptr<float>(y);
    for (int x = 0; x < img->cols; ++x) {
      for (int ch = 0; ch < 3; ++ch) {
        float v = px[x][ch] * g[x] * tint[ch];
        v += (255.0f - v) * l[x];
        px[x][ch] = cv::saturate_cast<uint8_t>(v);
      }
    }
  }
}

void ApplyTape(double shine, const std::vector<cv::Point2f>& q, uint64_t seed, cv::Mat* img) {
  Rng rng(seed);
  cv::Point2f centre = (q[0] + q[1] + q[2] + q[3]) * 0.25f;
  cv::Point2f across = q[1] - q[0];  // the label's short side
  cv::Point2f along = q[3] - q[0];
  float label_width = std::hypot(across.x, across.y);
  centre += along * float(rng.Uniform(-0.3, 0.3));
  double th = std::atan2(across.y, across.x) + rng.Uniform(-0.14, 0.14);
  double nx = -std::sin(th), ny = std::cos(th);  // normal of the strip
  double half = 0.24 * label_width, streak = rng.Uniform(-0.6, 0.6) * half;
  double edge = std::max(1.0, 0.004 * label_width);
  const float tint[3] = {0.93f, 0.96f, 0.98f};
  for (int y = 0; y < img->rows; ++y) {
    cv::Vec3b* px = img->ptr<cv::Vec3b>(y);
    for (int x = 0; x < img->cols; ++x) {
      double d = (x - centre.x) * nx + (y - centre.y) * ny;
      if (std::abs(d) > half) continue;
      double dark = std::abs(std::abs(d) - half) < edge ? 0.85 : 1.0;
      double s = (d - streak) / (0.12 * half);
      float gloss = float(shine * std::exp(-s * s));
      for (int c = 0; c < 3; ++c) {
        float v = float(px[x][c] * tint[c] * dark);
        px[x][c] = cv::saturate_cast<uint8_t>(v + (255.0f - v) * gloss);
      }
    }
  }
}

void AddNoise(double sigma, uint64_t seed, cv::Mat* img) {
  if (sigma <= 0) return;
  cv::RNG rng(seed | 1);
  cv::Mat noise(img->size(), CV_16SC3);
  // Uniform noise of the same variance: several times faster than Gaussian.
  double half_width = sigma * std::sqrt(3.0);
  rng.fill(noise, cv::RNG::UNIFORM, -half_width, half_width);
  cv::Mat out;
  cv::add(*img, noise, out, cv::noArray(), CV_8U);
  *img = out;
}

}  // namespace samplegen
