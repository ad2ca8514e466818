#include "image/picture.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>  // flags only: the codecs load lazily (codecs.h)
#include <opencv2/imgproc.hpp>

#include "image/codecs.h"
#include "image/orientation.h"
#include "image/pixel_ops.h"

namespace parcelproof {

struct Picture::Impl {
  cv::Mat gray;
  std::vector<uint8_t> owner;  // gray's pixels, when they came from FromPixels
};

Affine Affine::Then(const Affine& outer) const {
  const double* a = outer.m;
  const double* b = m;
  Affine c;
  c.m[0] = a[0] * b[0] + a[1] * b[3];
  c.m[1] = a[0] * b[1] + a[1] * b[4];
  c.m[2] = a[0] * b[2] + a[1] * b[5] + a[2];
  c.m[3] = a[3] * b[0] + a[4] * b[3];
  c.m[4] = a[3] * b[1] + a[4] * b[4];
  c.m[5] = a[3] * b[2] + a[4] * b[5] + a[5];
  return c;
}

Affine Affine::Inverse() const {
  double det = m[0] * m[4] - m[1] * m[3];
  Affine r;
  r.m[0] = m[4] / det;
  r.m[1] = -m[1] / det;
  r.m[3] = -m[3] / det;
  r.m[4] = m[0] / det;
  r.m[2] = -(r.m[0] * m[2] + r.m[1] * m[5]);
  r.m[5] = -(r.m[3] * m[2] + r.m[4] * m[5]);
  return r;
}

Picture::Picture() : impl_(std::make_shared<Impl>()) {}
Picture::~Picture() = default;
Picture::Picture(const Picture&) = default;
Picture& Picture::operator=(const Picture&) = default;

namespace {

void ApplyOrientation(int orientation, cv::Mat* m) { *m = Oriented(*m, orientation); }

double Dist(PointF a, PointF b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

Result<Picture> Picture::Decode(const std::string& bytes, int orientation, int reduce) {
  try {
    cv::Mat buf(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    int mode = reduce >= 8   ? cv::IMREAD_REDUCED_GRAYSCALE_8
               : reduce >= 4 ? cv::IMREAD_REDUCED_GRAYSCALE_4
               : reduce >= 2 ? cv::IMREAD_REDUCED_GRAYSCALE_2
                             : cv::IMREAD_GRAYSCALE;
    cv::Mat gray = DecodeImage(buf, mode | cv::IMREAD_IGNORE_ORIENTATION);
    if (gray.empty()) return Status::Corrupt("image data could not be decoded");
    ApplyOrientation(orientation, &gray);
    Picture p;
    p.impl_->gray = gray;
    return p;
  } catch (const cv::Exception& e) {
    return Status::Corrupt(std::string("image decoder failed: ") + e.err);
  } catch (const std::bad_alloc&) {
    return Status::Unsupported("image too large to decode in memory");
  }
}

Picture Picture::FromPixels(GrayPixels pixels, int orientation) {
  Picture p;
  p.impl_->owner = std::move(pixels.data);
  p.impl_->gray = cv::Mat(pixels.height, pixels.width, CV_8U, p.impl_->owner.data());
  ApplyOrientation(orientation, &p.impl_->gray);
  return p;
}

Picture Picture::FromGray(const uint8_t* data, int width, int height, int stride) {
  Picture p;
  p.impl_->gray = cv::Mat(height, width, CV_8U, const_cast<uint8_t*>(data), stride).clone();
  return p;
}

int Picture::width() const { return impl_->gray.cols; }
int Picture::height() const { return impl_->gray.rows; }

GrayView Picture::view() const {
  const cv::Mat& m = impl_->gray;
  return {m.data, m.cols, m.rows, static_cast<int>(m.step[0])};
}

uint8_t* Picture::mutable_data() {
  if (impl_.use_count() > 1) impl_ = std::make_shared<Impl>(Impl{impl_->gray.clone(), {}});
  return impl_->gray.data;
}

Picture Picture::Downscaled(int max_side, Affine* back) const {
  int longest = std::max(width(), height());
  *back = Affine();
  if (longest <= max_side) return *this;
  double f = static_cast<double>(max_side) / longest;
  Picture p;
  cv::resize(impl_->gray, p.impl_->gray, cv::Size(), f, f, cv::INTER_LINEAR);
  back->m[0] = static_cast<double>(width()) / p.width();
  back->m[4] = static_cast<double>(height()) / p.height();
  return p;
}

void Picture::Mask(const Quad& q, double grow) {
  if (impl_.use_count() > 1) impl_ = std::make_shared<Impl>(Impl{impl_->gray.clone(), {}});
  PointF c{(q[0].x + q[1].x + q[2].x + q[3].x) / 4, (q[0].y + q[1].y + q[2].y + q[3].y) / 4};
  std::vector<cv::Point> pts;
  for (const PointF& p : q) {
    pts.emplace_back(cvRound(c.x + (p.x - c.x) * (1 + 2 * grow)),
                     cvRound(c.y + (p.y - c.y) * (1 + 2 * grow)));
  }
  cv::fillConvexPoly(impl_->gray, pts, cv::Scalar(255));
}

Picture Picture::CropUpright(const Quad& q, double pad_long, double pad_short, int max_long,
                             Affine* back) const {
  // Orient the rectangle so that its long side runs along x.
  double d01 = Dist(q[0], q[1]), d12 = Dist(q[1], q[2]);
  Quad r = d01 >= d12 ? q : Quad{q[1], q[2], q[3], q[0]};
  double len = std::max(d01, d12), hgt = std::min(d01, d12);
  double ux = (r[1].x - r[0].x) / std::max(len, 1e-6), uy = (r[1].y - r[0].y) / std::max(len, 1e-6);
  double vx = -uy, vy = ux;
  if ((r[3].x - r[0].x) * vx + (r[3].y - r[0].y) * vy < 0) {
    vx = -vx;
    vy = -vy;
  }
  double out_len = len * (1 + 2 * pad_long), out_hgt = hgt * (1 + 2 * pad_short) + 8;
  double scale = std::min(1.0, max_long / std::max(out_len, 1.0));
  int w = std::max(8, static_cast<int>(out_len * scale)),
      h = std::max(8, static_cast<int>(out_hgt * scale));
  // Crop (0,0) sits at r[0] moved back along u and v by the padding.
  double ox = r[0].x - ux * len * pad_long - vx * (out_hgt - hgt) / 2;
  double oy = r[0].y - uy * len * pad_long - vy * (out_hgt - hgt) / 2;
  back->m[0] = ux / scale;
  back->m[1] = vx / scale;
  back->m[2] = ox;
  back->m[3] = uy / scale;
  back->m[4] = vy / scale;
  back->m[5] = oy;
  cv::Mat map = (cv::Mat_<double>(2, 3) << back->m[0], back->m[1], back->m[2], back->m[3],
                 back->m[4], back->m[5]);
  Picture p;
  cv::warpAffine(impl_->gray, p.impl_->gray, map, cv::Size(w, h),
                 cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
  return p;
}

Picture Picture::Equalized() const {
  Picture p;
  cv::Ptr<cv::CLAHE> clahe = cv::createCLAHE(2.0, cv::Size(8, 8));
  clahe->apply(impl_->gray, p.impl_->gray);
  return p;
}

Picture Picture::RowNormalized(int window) const {
  cv::Mat lo, hi, f, out;
  cv::Mat k = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(std::max(3, window) | 1, 1));
  cv::erode(impl_->gray, lo, k);
  cv::dilate(impl_->gray, hi, k);
  cv::Size box(std::max(3, window) | 1, 3);
  cv::blur(lo, lo, box);
  cv::blur(hi, hi, box);
  lo.convertTo(lo, CV_32F);
  hi.convertTo(hi, CV_32F);
  impl_->gray.convertTo(f, CV_32F);
  cv::Mat range = hi - lo + 12;  // flat areas stay flat, not noise stretched
  cv::divide(f - lo, range, out, 255.0);
  Picture p;
  out.convertTo(p.impl_->gray, CV_8U);
  return p;
}

Picture Picture::Inverted() const {
  Picture p;
  cv::bitwise_not(impl_->gray, p.impl_->gray);
  return p;
}

bool Picture::DarkSurround() const {
  const cv::Mat& m = impl_->gray;
  if (m.rows < 10 || m.cols < 10) return false;
  cv::Mat bin;
  double thr = cv::threshold(m, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  int bx = m.cols / 10, by = m.rows / 10;
  cv::Mat ring = cv::Mat::ones(m.size(), CV_8U) * 255;
  ring(cv::Rect(bx, by, m.cols - 2 * bx, m.rows - 2 * by)).setTo(0);
  return cv::mean(m, ring)[0] < thr;
}

Picture Picture::Sharpened(double factor) const {
  Picture p;
  cv::Mat up, blurred;
  cv::resize(impl_->gray, up, cv::Size(), factor, factor, cv::INTER_CUBIC);
  cv::GaussianBlur(up, blurred, cv::Size(0, 0), 2 * factor);
  p.impl_->gray.create(up.size(), CV_8U);  // 2 up - blurred, as cv::addWeighted gives it
  TwiceMinus(up.ptr<uint8_t>(), blurred.ptr<uint8_t>(), p.impl_->gray.ptr<uint8_t>(), up.total());
  return p;
}

double Picture::MeanRunLength() const {
  const cv::Mat& m = impl_->gray;
  if (m.rows < 1 || m.cols < 2) return 0;
  int band = std::max(1, m.rows / 8);
  cv::Mat row;  // mean of the middle rows, CV_32F
  cv::reduce(m.rowRange(m.rows / 2 - band / 2, m.rows / 2 - band / 2 + band), row, 0,
             cv::REDUCE_AVG, CV_32F);
  double lo, hi;
  cv::minMaxLoc(row, &lo, &hi);
  double mid = (lo + hi) / 2, hysteresis = (hi - lo) * 0.15;
  if (hi - lo < 16) return 0;
  const float* v = row.ptr<float>(0);
  int runs = 0, first = -1, last = -1;
  bool dark = v[0] < mid;
  for (int x = 1; x < row.cols; ++x) {
    bool flip = dark ? v[x] > mid + hysteresis : v[x] < mid - hysteresis;
    if (!flip) continue;
    dark = !dark;
    if (first < 0) first = x;
    last = x;
    ++runs;
  }
  return runs < 2 ? 0 : static_cast<double>(last - first) / (runs - 1);
}

void DisableImageThreads() { cv::setNumThreads(0); }

}  // namespace parcelproof
