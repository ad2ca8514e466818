#include "background.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace samplegen {
namespace {

// Smooth noise in [-1, 1]: random values on a coarse grid, bicubic upscaled.
cv::Mat SmoothNoise(cv::Size size, int cell_x, int cell_y, cv::RNG* rng) {
  cv::Mat coarse(std::max(2, size.height / cell_y), std::max(2, size.width / cell_x), CV_32F);
  rng->fill(coarse, cv::RNG::UNIFORM, -1.0f, 1.0f);
  cv::Mat out;
  cv::resize(coarse, out, size, 0, 0, cv::INTER_CUBIC);
  return out;
}

cv::Mat Cardboard(cv::Size q, cv::RNG* rng) {
  cv::Mat blotch = SmoothNoise(q, 40, 40, rng), fibre = SmoothNoise(q, 2, 2, rng);
  cv::Mat streak;
  cv::resize(SmoothNoise(cv::Size(q.width / 12 + 2, q.height), 1, 1, rng), streak, q);
  cv::Vec3f base(rng->uniform(85.f, 105.f), rng->uniform(135.f, 150.f), rng->uniform(180.f, 200.f));
  cv::Mat out(q, CV_32FC3);
  double period = q.width / rng->uniform(60.0, 90.0);
  for (int y = 0; y < q.height; ++y) {
    for (int x = 0; x < q.width; ++x) {
      float flute = static_cast<float>(std::sin(x * 2 * CV_PI / period)) * 3.0f;
      float v = 14 * blotch.at<float>(y, x) + 5 * fibre.at<float>(y, x) +
                6 * streak.at<float>(y, x) + flute;
      out.at<cv::Vec3f>(y, x) = base + cv::Vec3f(v * 0.7f, v * 0.9f, v);
    }
  }
  return out;
}

cv::Mat Table(cv::Size q, cv::RNG* rng) {
  cv::Mat warp = SmoothNoise(q, 160, 25, rng), fine = SmoothNoise(q, 2, 2, rng);
  cv::Vec3f base(rng->uniform(55.f, 80.f), rng->uniform(95.f, 120.f), rng->uniform(140.f, 170.f));
  cv::Mat out(q, CV_32FC3);
  double period = q.height / rng->uniform(25.0, 45.0);
  for (int y = 0; y < q.height; ++y) {
    for (int x = 0; x < q.width; ++x) {
      double phase = (y + 2.5 * period * warp.at<float>(y, x)) * 2 * CV_PI / period;
      float grain = static_cast<float>(std::pow(0.5 + 0.5 * std::sin(phase), 3.0));
      float v = -28 * grain + 6 * fine.at<float>(y, x);
      out.at<cv::Vec3f>(y, x) = base + cv::Vec3f(v * 0.6f, v * 0.8f, v);
    }
  }
  return out;
}

}  // namespace

cv::Mat MakeBackground(cv::Size size, const std::string& kind, uint64_t seed) {
  cv::RNG rng(seed);
  cv::Size quarter(std::max(8, size.width / 4), std::max(8, size.height / 4));
  cv::Mat small = kind == "table" ? Table(quarter, &rng) : Cardboard(quarter, &rng);
  cv::Mat small8, out;
  small.convertTo(small8, CV_8UC3);
  cv::resize(small8, out, size, 0, 0, cv::INTER_LINEAR);
  return out;
}

}  // namespace samplegen
