#include "photo.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "background.h"
#include "light.h"
#include "rng.h"

namespace samplegen {
namespace {

// Where the sheet's corners land in the upright view.
struct Placement {
  std::vector<cv::Point2f> quad;  // tl, tr, br, bl
  double fill = 0;
};

// Points that must stay in the frame: every barcode with its quiet zone.
std::vector<cv::Point2f> KeepPoints(const Sheet& sheet, bool whole) {
  float qz = 0.03f * static_cast<float>(std::min(sheet.image.cols, sheet.image.rows));
  std::vector<cv::Point2f> keep;
  float w = float(sheet.image.cols), h = float(sheet.image.rows);
  if (whole) keep = {{0, 0}, {w, 0}, {w, h}, {0, h}};
  for (const PlacedBarcode& b : sheet.barcodes) {
    cv::Rect r = cv::boundingRect(std::vector<cv::Point2f>(b.corners.begin(), b.corners.end()));
    float x0 = r.x - qz, y0 = r.y - qz, x1 = r.x + r.width + qz, y1 = r.y + r.height + qz;
    keep.insert(keep.end(), {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
  }
  return keep;
}

// Label corners centred on the origin: scaled to the wanted fill, foreshortened, rotated.
std::vector<cv::Point2f> CentredQuad(const Sheet& sheet, const PhotoParams& p, cv::Size view,
                                     Rng* rng) {
  double paper = cv::countNonZero(sheet.mask);
  double s = std::sqrt(p.fill * double(view.width) * view.height / paper);
  double w = sheet.image.cols, h = sheet.image.rows;
  double a = rng->Uniform(-p.tilt, p.tilt), b = rng->Uniform(-p.tilt, p.tilt);
  double th = p.rotation_deg * CV_PI / 180;
  std::vector<cv::Point2f> quad;
  for (cv::Point2d q : {cv::Point2d(-w / 2, -h / 2), cv::Point2d(w / 2, -h / 2),
                        cv::Point2d(w / 2, h / 2), cv::Point2d(-w / 2, h / 2)}) {
    double k = 1.0 / (1.0 + a * q.x / w + b * q.y / h);  // perspective foreshortening
    double x = q.x * k, y = q.y * k;
    quad.emplace_back(float(s * (x * std::cos(th) - y * std::sin(th))),
                      float(s * (x * std::sin(th) + y * std::cos(th))));
  }
  return quad;
}

// Places the label so that every barcode is in the frame; the rest of the
// label may be cut off by the frame's edge, as in a close-up.
Placement Place(const Sheet& sheet, const PhotoParams& p, cv::Size view, Rng* rng) {
  std::vector<cv::Point2f> quad = CentredQuad(sheet, p, view, rng), keep;
  float w = float(sheet.image.cols), h = float(sheet.image.rows);
  std::vector<cv::Point2f> rect = {{0, 0}, {w, 0}, {w, h}, {0, h}};
  cv::perspectiveTransform(KeepPoints(sheet, p.whole_label), keep,
                           cv::getPerspectiveTransform(rect, quad));
  cv::Rect box = cv::boundingRect(keep);
  double margin = 0.015 * std::min(view.width, view.height);
  double shrink = std::min(
      {1.0, (view.width - 2 * margin) / box.width, (view.height - 2 * margin) / box.height});
  for (cv::Point2f& q : quad) q *= float(shrink);
  for (cv::Point2f& q : keep) q *= float(shrink);
  box = cv::boundingRect(keep);
  float cx = float(rng->Uniform(margin - box.x, view.width - margin - (box.x + box.width)));
  float cy = float(rng->Uniform(margin - box.y, view.height - margin - (box.y + box.height)));
  for (cv::Point2f& q : quad) q += cv::Point2f(cx, cy);
  std::vector<cv::Point2f> frame = {{0, 0},
                                    {float(view.width), 0},
                                    {float(view.width), float(view.height)},
                                    {0, float(view.height)}},
                           seen;
  double visible = cv::intersectConvexConvex(quad, frame, seen, true);
  Placement out;
  out.quad = quad;
  out.fill =
      visible * (cv::countNonZero(sheet.mask) / double(w * h)) / (double(view.width) * view.height);
  return out;
}

// Alpha-blends `src` onto `dst` (both the same size) with `alpha` 0..255.
void Blend(const cv::Mat& src, const cv::Mat& alpha, cv::Mat dst) {
  for (int y = 0; y < dst.rows; ++y) {
    const cv::Vec3b* s = src.ptr<cv::Vec3b>(y);
    const uint8_t* a = alpha.ptr<uint8_t>(y);
    cv::Vec3b* d = dst.ptr<cv::Vec3b>(y);
    for (int x = 0; x < dst.cols; ++x) {
      int al = a[x];
      if (al == 0) continue;
      for (int c = 0; c < 3; ++c)
        d[x][c] = uint8_t((s[x][c] * al + d[x][c] * (255 - al) + 127) / 255);
    }
  }
}

// The label's shadow: its mask shifted down-right and blurred, at quarter
// resolution (a wide blur at full resolution was the slowest step).
cv::Mat SoftShadow(const cv::Mat& alpha) {
  cv::Mat small, shifted, out;
  cv::resize(alpha, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  int k = std::max(1, std::min(small.cols, small.rows) / 60);
  int off = std::max(1, k / 2);
  shifted = cv::Mat::zeros(small.size(), CV_8U);
  small(cv::Rect(0, 0, small.cols - off, small.rows - off))
      .copyTo(shifted(cv::Rect(off, off, small.cols - off, small.rows - off)));
  cv::GaussianBlur(shifted, small, cv::Size(k * 2 + 1, k * 2 + 1), 0);
  cv::resize(small, out, alpha.size(), 0, 0, cv::INTER_LINEAR);
  return out;
}

// Warps the sheet into the view at `quad`, with a soft shadow under it.
void Composite(const Sheet& sheet, const std::vector<cv::Point2f>& quad, cv::Mat* view) {
  cv::Rect roi = cv::boundingRect(quad);
  roi.x -= 4, roi.y -= 4, roi.width += 8, roi.height += 8;
  roi &= cv::Rect(0, 0, view->cols, view->rows);
  // Pre-shrink with area averaging so that the warp does not alias the bars.
  double scale = std::sqrt(cv::contourArea(quad) / (double(sheet.image.cols) * sheet.image.rows));
  cv::Mat img = sheet.image, mask = sheet.mask;
  double f = 1.0;
  if (scale < 0.7) {
    f = std::min(1.0, scale * 1.3);
    cv::resize(sheet.image, img, cv::Size(), f, f, cv::INTER_AREA);
    cv::resize(sheet.mask, mask, cv::Size(), f, f, cv::INTER_AREA);
  }
  float w = float(sheet.image.cols * f), h = float(sheet.image.rows * f);
  std::vector<cv::Point2f> src = {{0, 0}, {w, 0}, {w, h}, {0, h}}, dst;
  for (const cv::Point2f& q : quad) dst.push_back(q - cv::Point2f(float(roi.x), float(roi.y)));
  cv::Mat H = cv::getPerspectiveTransform(src, dst);
  cv::Mat warped, alpha;
  cv::warpPerspective(img, warped, H, roi.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::warpPerspective(mask, alpha, H, roi.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::Mat shadow = SoftShadow(alpha);
  cv::Mat dark = (*view)(roi)*0.55;
  Blend(dark, shadow * 0.8, (*view)(roi));
  Blend(warped, alpha, (*view)(roi));
}

std::vector<PlacedBarcode> MapBarcodes(const Sheet& sheet, const std::vector<cv::Point2f>& quad) {
  float w = float(sheet.image.cols), h = float(sheet.image.rows);
  std::vector<cv::Point2f> src = {{0, 0}, {w, 0}, {w, h}, {0, h}};
  cv::Mat H = cv::getPerspectiveTransform(src, quad);
  std::vector<PlacedBarcode> out;
  for (PlacedBarcode b : sheet.barcodes) {
    std::vector<cv::Point2f> in(b.corners.begin(), b.corners.end()), mapped;
    cv::perspectiveTransform(in, mapped, H);
    std::copy(mapped.begin(), mapped.end(), b.corners.begin());
    out.push_back(b);
  }
  return out;
}

void Blur(const PhotoParams& p, cv::Mat* img) {
  if (p.blur_sigma > 0.05) cv::GaussianBlur(*img, *img, cv::Size(), p.blur_sigma);
  if (p.motion_px >= 2) {
    int n = int(p.motion_px) | 1;
    cv::Mat kernel = cv::Mat::zeros(n, n, CV_32F);
    Rng rng(p.seed ^ 0x5eed);
    double th = rng.Uniform(0, CV_PI);
    cv::Point2d c(n / 2.0 - 0.5, n / 2.0 - 0.5), d(std::cos(th) * n / 2, std::sin(th) * n / 2);
    cv::line(kernel, c - d, c + d, cv::Scalar(1), 1, cv::LINE_AA);
    kernel /= cv::sum(kernel)[0];
    cv::filter2D(*img, *img, -1, kernel);
  }
}

cv::Mat StoreOriented(const cv::Mat& view, int orientation) {
  cv::Mat stored;
  switch (orientation) {
    case 3:
      cv::rotate(view, stored, cv::ROTATE_180);
      break;
    case 6:
      cv::rotate(view, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
      break;
    case 8:
      cv::rotate(view, stored, cv::ROTATE_90_CLOCKWISE);
      break;
    default:
      stored = view;
  }
  return stored;
}

}  // namespace

Photo TakePhoto(const Sheet& sheet, const PhotoParams& p) {
  bool portrait = p.orientation == 6 || p.orientation == 8;
  cv::Size view_size = portrait ? cv::Size(p.sensor_height, p.sensor_width)
                                : cv::Size(p.sensor_width, p.sensor_height);
  Rng rng(p.seed);
  cv::Mat view = MakeBackground(view_size, p.background, rng.Next());
  Placement place = Place(sheet, p, view_size, &rng);
  Composite(sheet, place.quad, &view);
  uint64_t tape_seed = rng.Next();
  if (p.tape > 0) ApplyTape(p.tape, place.quad, tape_seed, &view);
  ApplyLight(p, place.quad, rng.Next(), &view);
  Blur(p, &view);
  AddNoise(p.noise_sigma, rng.Next(), &view);
  Photo photo;
  photo.stored = StoreOriented(view, p.orientation);
  photo.view_width = view_size.width;
  photo.view_height = view_size.height;
  photo.fill = place.fill;
  photo.barcodes = MapBarcodes(sheet, place.quad);
  return photo;
}

}  // namespace samplegen
