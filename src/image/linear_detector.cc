// 1-D barcode localisation at any angle from the gradient structure tensor:
// bars give dense edges whose gradients all point one way (high coherence),
// text and 2-D symbols give edges in every direction. Cells of kCell pixels
// are grown into regions of one orientation; each region becomes a rotated
// rectangle whose first side runs across the bars.
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "image/picture.h"

namespace parcelproof {
namespace {

constexpr int kCell = 4;                // pixels per cell side
constexpr int kWindow = 5;              // cells per tensor window side
constexpr int kEdgeThreshold = 48;      // |gx|+|gy| (Sobel) of an edge pixel
constexpr float kMinEdgeDensity = 0.3;  // of a window's pixels
constexpr float kMinCoherence = 0.7;    // of a window's tensor
constexpr float kMaxAngleStep = 0.21;   // radians (12 degrees) between grown cells
constexpr int kMinCells = 10;
constexpr double kMinFill = 0.5;  // of the region's rectangle, in cells
constexpr size_t kMaxRegions = 40;
constexpr double kMinAcross = 6 * kCell;  // pixels across the bars

struct Cells {
  cv::Mat xx, yy, xy, edges;  // window means, CV_32F, one value per cell
};

// Windowed structure tensor and edge density on a grid of cells: Sobel
// gradients summed per cell in one pass, then averaged over kWindow cells.
Cells TensorCells(const cv::Mat& gray) {
  cv::Mat gx, gy;
  cv::Sobel(gray, gx, CV_16S, 1, 0, 3);
  cv::Sobel(gray, gy, CV_16S, 0, 1, 3);
  int cols = gray.cols / kCell, rows = gray.rows / kCell;
  cv::Mat xx(rows, cols, CV_32F), yy(rows, cols, CV_32F), xy(rows, cols, CV_32F),
      edges(rows, cols, CV_32F);
  static_assert(kCell == 4, "cells are summed four columns at a time");
  // Per pixel column first (contiguous: vectorised), then per cell: integer
  // sums, the same in any order.
  const size_t n = static_cast<size_t>(cols) * kCell;
  std::vector<int32_t> pxx(n), pyy(n), pxy(n), pe(n);
  std::vector<int32_t> sxx(cols), syy(cols), sxy(cols), se(cols);
  const float norm = 1.0f / (kCell * kCell);
  for (int cy = 0; cy < rows; ++cy) {
    std::fill(pxx.begin(), pxx.end(), 0);
    std::fill(pyy.begin(), pyy.end(), 0);
    std::fill(pxy.begin(), pxy.end(), 0);
    std::fill(pe.begin(), pe.end(), 0);
    for (int y = cy * kCell; y < (cy + 1) * kCell; ++y) {
      const int16_t *a = gx.ptr<int16_t>(y), *b = gy.ptr<int16_t>(y);
      for (size_t k = 0; k < n; ++k) {
        int32_t u = a[k], v = b[k];
        pxx[k] += u * u;
        pyy[k] += v * v;
        pxy[k] += u * v;
        pe[k] += std::abs(u) + std::abs(v) > kEdgeThreshold;
      }
    }
    for (int c = 0; c < cols; ++c) {
      size_t k = static_cast<size_t>(c) * kCell;
      sxx[c] = pxx[k] + pxx[k + 1] + pxx[k + 2] + pxx[k + 3];
      syy[c] = pyy[k] + pyy[k + 1] + pyy[k + 2] + pyy[k + 3];
      sxy[c] = pxy[k] + pxy[k + 1] + pxy[k + 2] + pxy[k + 3];
      se[c] = pe[k] + pe[k + 1] + pe[k + 2] + pe[k + 3];
    }
    float *oxx = xx.ptr<float>(cy), *oyy = yy.ptr<float>(cy), *oxy = xy.ptr<float>(cy),
          *oe = edges.ptr<float>(cy);
    for (int c = 0; c < cols; ++c) {
      oxx[c] = sxx[c] * norm;
      oyy[c] = syy[c] * norm;
      oxy[c] = sxy[c] * norm;
      oe[c] = se[c] * norm;
    }
  }
  Cells c;
  cv::Size window(kWindow, kWindow);
  cv::blur(xx, c.xx, window, cv::Point(-1, -1), cv::BORDER_REPLICATE);
  cv::blur(yy, c.yy, window, cv::Point(-1, -1), cv::BORDER_REPLICATE);
  cv::blur(xy, c.xy, window, cv::Point(-1, -1), cv::BORDER_REPLICATE);
  cv::blur(edges, c.edges, window, cv::Point(-1, -1), cv::BORDER_REPLICATE);
  return c;
}

struct Seeds {
  cv::Mat angle;   // CV_32F, doubled gradient angle in (-pi, pi]
  cv::Mat weight;  // CV_32F, edge density of the candidate cells, 0 elsewhere
};

Seeds Candidates(const Cells& c) {
  Seeds s{cv::Mat(c.xx.size(), CV_32F), cv::Mat::zeros(c.xx.size(), CV_32F)};
  for (int y = 0; y < c.xx.rows; ++y) {
    const float *xx = c.xx.ptr<float>(y), *yy = c.yy.ptr<float>(y), *xy = c.xy.ptr<float>(y),
                *e = c.edges.ptr<float>(y);
    float *a = s.angle.ptr<float>(y), *w = s.weight.ptr<float>(y);
    for (int x = 0; x < c.xx.cols; ++x) {
      float d = xx[x] - yy[x], sum = xx[x] + yy[x];
      if (e[x] < kMinEdgeDensity || sum <= 0) continue;
      float coherence = std::sqrt(d * d + 4 * xy[x] * xy[x]) / sum;
      if (coherence < kMinCoherence) continue;
      a[x] = std::atan2(2 * xy[x], d);
      w[x] = e[x];
    }
  }
  return s;
}

float AngleStep(float a, float b) {
  float d = std::fabs(a - b);
  return std::min(d, static_cast<float>(2 * CV_PI) - d) / 2;  // in single angles
}

struct Grown {
  std::vector<cv::Point> cells;
  double sin_sum = 0, cos_sum = 0, weight = 0;
};

Grown Grow(cv::Point seed, Seeds* s) {
  Grown g;
  std::vector<cv::Point> stack{seed};
  s->weight.at<float>(seed) = -s->weight.at<float>(seed);  // negative: taken
  while (!stack.empty()) {
    cv::Point p = stack.back();
    stack.pop_back();
    float a = s->angle.at<float>(p);
    g.cells.push_back(p);
    g.sin_sum += std::sin(a);
    g.cos_sum += std::cos(a);
    g.weight -= s->weight.at<float>(p);
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        cv::Point q(p.x + dx, p.y + dy);
        if (q.x < 0 || q.y < 0 || q.x >= s->weight.cols || q.y >= s->weight.rows) continue;
        float& w = s->weight.at<float>(q);
        if (w <= 0 || AngleStep(a, s->angle.at<float>(q)) > kMaxAngleStep) continue;
        w = -w;
        stack.push_back(q);
      }
    }
  }
  return g;
}

// A region of bars: its frame (u across the bars, v along them) and extents.
struct BarRegion {
  double theta = 0;  // direction of u
  double u0 = 0, u1 = 0, v0 = 0, v1 = 0;
  double weight = 0;
  double ux() const { return std::cos(theta); }
  double uy() const { return std::sin(theta); }
  double U(PointF p) const { return p.x * ux() + p.y * uy(); }
  double V(PointF p) const { return -p.x * uy() + p.y * ux(); }
  PointF At(double u, double v) const { return {u * ux() - v * uy(), u * uy() + v * ux()}; }
  Quad ToQuad() const { return {At(u0, v0), At(u1, v0), At(u1, v1), At(u0, v1)}; }
};

// The rectangle around the region's cells, shrunk by the half window the
// tensor smeared outwards; false for regions that are not bars.
bool ToBarRegion(const Grown& g, BarRegion* r) {
  double n = static_cast<double>(g.cells.size());
  double consistency = std::hypot(g.sin_sum, g.cos_sum) / n;
  if (consistency < 0.9) return false;
  r->theta = std::atan2(g.sin_sum, g.cos_sum) / 2;
  r->u0 = r->v0 = 1e18;
  r->u1 = r->v1 = -1e18;
  for (const cv::Point& p : g.cells) {
    PointF c{(p.x + 0.5) * kCell, (p.y + 0.5) * kCell};
    r->u0 = std::min(r->u0, r->U(c));
    r->u1 = std::max(r->u1, r->U(c));
    r->v0 = std::min(r->v0, r->V(c));
    r->v1 = std::max(r->v1, r->V(c));
  }
  // Bars fill their rectangle; the outline of a label or a box does not.
  double box_cells = (r->u1 - r->u0 + kCell) * (r->v1 - r->v0 + kCell) / (kCell * kCell);
  if (n < kMinFill * box_cells) return false;
  double shrink = kCell * (kWindow / 2.0 - 1) - kCell / 2.0;
  r->u0 += shrink;
  r->u1 -= shrink;
  r->v0 += shrink;
  r->v1 -= shrink;
  r->weight = g.weight;
  return r->v1 - r->v0 >= 2 * kCell && r->u1 - r->u0 >= 2 * kCell;
}

// Wide bars and spaces break one symbol into pieces side by side along u:
// joins b into a when they share an orientation and a row of bars.
bool MergeInto(BarRegion* a, const BarRegion& b) {
  double dtheta = std::fabs(std::remainder(a->theta - b.theta, CV_PI));
  if (dtheta > 0.1) return false;
  Quad q = b.ToQuad();
  double u0 = 1e18, u1 = -1e18, v0 = 1e18, v1 = -1e18;
  for (const PointF& p : q) {
    u0 = std::min(u0, a->U(p));
    u1 = std::max(u1, a->U(p));
    v0 = std::min(v0, a->V(p));
    v1 = std::max(v1, a->V(p));
  }
  // Pieces of one symbol: bars of about one height, in one row, close by.
  double overlap_v = std::min(a->v1, v1) - std::max(a->v0, v0);
  double low = std::min(a->v1 - a->v0, v1 - v0), high = std::max(a->v1 - a->v0, v1 - v0);
  double gap_u = std::max({0.0, u0 - a->u1, a->u0 - u1});
  if (low < 0.6 * high || overlap_v < 0.6 * low || gap_u > 0.5 * low) return false;
  a->u0 = std::min(a->u0, u0);
  a->u1 = std::max(a->u1, u1);
  a->v0 = std::min(a->v0, v0);
  a->v1 = std::max(a->v1, v1);
  a->weight += b.weight;
  return true;
}

// Joins pieces into the heaviest region they fit, until nothing joins.
void MergePieces(std::vector<BarRegion>* regions) {
  auto heavier = [](const BarRegion& a, const BarRegion& b) { return a.weight > b.weight; };
  for (bool merged = true; merged;) {
    merged = false;
    std::stable_sort(regions->begin(), regions->end(), heavier);
    std::vector<BarRegion> kept;
    for (const BarRegion& r : *regions) {
      bool joined = false;
      for (BarRegion& k : kept) {
        if ((joined = MergeInto(&k, r))) break;
      }
      if (joined)
        merged = true;
      else
        kept.push_back(r);
    }
    *regions = std::move(kept);
  }
}

// At least a few bars across; not a lone edge (long along the bars, thin
// across them).
bool LooksLikeBars(const BarRegion& r) {
  double across = r.u1 - r.u0, along = r.v1 - r.v0;
  return across >= kMinAcross && across >= 0.3 * along;
}

}  // namespace

std::vector<Quad> DetectLinearBarcodes(const Picture& picture) {
  std::vector<Quad> quads;
  try {
    GrayView v = picture.view();
    if (v.width < 4 * kCell || v.height < 4 * kCell) return quads;
    cv::Mat gray(v.height, v.width, CV_8U, const_cast<uint8_t*>(v.data), v.stride);
    Seeds seeds = Candidates(TensorCells(gray));
    std::vector<BarRegion> regions;
    for (int y = 0; y < seeds.weight.rows; ++y) {
      for (int x = 0; x < seeds.weight.cols; ++x) {
        if (seeds.weight.at<float>(y, x) <= 0) continue;
        Grown g = Grow(cv::Point(x, y), &seeds);
        BarRegion r;
        if (static_cast<int>(g.cells.size()) >= kMinCells && ToBarRegion(g, &r))
          regions.push_back(r);
      }
    }
    MergePieces(&regions);  // leaves them heaviest first
    regions.erase(std::remove_if(regions.begin(), regions.end(),
                                 [](const BarRegion& r) { return !LooksLikeBars(r); }),
                  regions.end());
    for (size_t i = 0; i < regions.size() && i < kMaxRegions; ++i)
      quads.push_back(regions[i].ToQuad());
  } catch (const cv::Exception&) {
    quads.clear();
  }
  return quads;
}

}  // namespace parcelproof
