#include "image/ink_runs.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace parcelproof {
namespace {

// OpenCV's box filter rounds sum / area in float arithmetic (where the
// width allows it): for odd blocks up to this side, no sum is within the
// float's error of a half, and the rounding is that of integers.
constexpr int kMaxExactBlock = 127;

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

uint64_t Load8(const uint8_t* p) {
  uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// True when one of the 8 bytes of v is zero.
bool HasZeroByte(uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; }

// The first x >= from where row[x] == 0 (want_ink false) or != 0 (want_ink
// true), or width. Paper and the inside of a run are skipped 8 pixels at a time.
int NextChange(const uint8_t* row, int from, int width, bool want_ink) {
  int x = from;
  if (want_ink) {
    while (x + 8 <= width && Load8(row + x) == 0) x += 8;
    while (x < width && row[x] == 0) ++x;
  } else {
    while (x + 8 <= width && !HasZeroByte(Load8(row + x))) x += 8;
    while (x < width && row[x] != 0) ++x;
  }
  return x;
}

// The runs of nonzero pixels of a row appended to `runs`.
void AppendRuns(const uint8_t* row, int width, std::vector<Run>* runs) {
  int x = NextChange(row, 0, width, true);
  while (x < width) {
    int end = NextChange(row, x, width, false);
    runs->push_back({x, end});
    x = NextChange(row, end, width, true);
  }
}

int Root(std::vector<int>* parent, int i) {
  std::vector<int>& p = *parent;
  while (p[static_cast<size_t>(i)] != i) {
    int up = p[static_cast<size_t>(p[static_cast<size_t>(i)])];
    p[static_cast<size_t>(i)] = up;
    i = up;
  }
  return i;
}

// Joins the sets of runs i and j; the root of a set is its first run.
void Join(std::vector<int>* parent, int i, int j) {
  int a = Root(parent, i), b = Root(parent, j);
  if (a < b) (*parent)[static_cast<size_t>(b)] = a;
  if (b < a) (*parent)[static_cast<size_t>(a)] = b;
}

// Each run's set: runs touching a run of the row above (8-connected) join its set.
std::vector<int> ConnectRuns(const InkRuns& ink) {
  std::vector<int> parent(ink.runs.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (int y = 1; y < ink.height; ++y) {
    int j = ink.row_start[static_cast<size_t>(y) - 1];
    const int above_end = ink.row_start[static_cast<size_t>(y)];
    for (int i = above_end; i < ink.row_start[static_cast<size_t>(y) + 1]; ++i) {
      const Run& r = ink.runs[static_cast<size_t>(i)];
      while (j < above_end && ink.runs[static_cast<size_t>(j)].x1 < r.x0) ++j;
      for (int k = j; k < above_end && ink.runs[static_cast<size_t>(k)].x0 <= r.x1; ++k) {
        Join(&parent, i, k);
      }
    }
  }
  // Parents precede their children: one pass points every run at its root.
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = parent[static_cast<size_t>(parent[i])];
  return parent;
}

// Pieces of [x0, x1) outside the intervals (sorted by start) appended to `out`.
void AppendOutside(Run r, const std::vector<Run>& cuts, std::vector<Run>* out) {
  for (const Run& c : cuts) {
    if (c.x1 <= r.x0 || c.x0 >= r.x1) continue;
    if (c.x0 > r.x0) out->push_back({r.x0, c.x0});
    r.x0 = std::max(r.x0, c.x1);
    if (r.x0 >= r.x1) return;
  }
  out->push_back(r);
}

}  // namespace

InkRuns RunsOf(const cv::Mat& binary) {
  InkRuns out;
  out.width = binary.cols;
  out.height = binary.rows;
  out.row_start.reserve(static_cast<size_t>(binary.rows) + 1);
  for (int y = 0; y < binary.rows; ++y) {
    out.row_start.push_back(static_cast<int>(out.runs.size()));
    AppendRuns(binary.ptr<uint8_t>(y), binary.cols, &out.runs);
  }
  out.row_start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

InkRuns DarkRuns(const cv::Mat& gray, int block, int delta) {
  if (block > kMaxExactBlock || block < 3 || block % 2 == 0 || std::abs(delta) > 255) {
    cv::Mat ink;
    cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                          delta);
    return RunsOf(ink);
  }
  const int w = gray.cols, h = gray.rows, r = block / 2, area = block * block;
  InkRuns out;
  out.width = w;
  out.height = h;
  if (w == 0 || h == 0) {
    out.row_start.assign(static_cast<size_t>(h) + 1, 0);
    return out;
  }
  out.row_start.reserve(static_cast<size_t>(h) + 1);
  // Column sums over the block's rows; along a row, with the edge columns
  // repeated, their prefix sums: the block's sum is a difference of two.
  std::vector<int> column(static_cast<size_t>(w), 0), wide(static_cast<size_t>(w + 2 * r));
  std::vector<int> prefix(wide.size() + 1, 0);
  std::vector<uint8_t> dark(static_cast<size_t>(w));
  auto row = [&gray, h](int y) { return gray.ptr<uint8_t>(std::clamp(y, 0, h - 1)); };
  for (int dy = -r; dy <= r; ++dy) {
    const uint8_t* p = row(dy);
    for (size_t x = 0; x < column.size(); ++x) column[x] += p[x];
  }
  for (int y = 0; y < h; ++y) {
    if (y > 0) {
      const uint8_t *in = row(y + r), *off = row(y - 1 - r);
      for (size_t x = 0; x < column.size(); ++x) column[x] += in[x] - off[x];
    }
    std::fill(wide.begin(), wide.begin() + r, column.front());
    std::copy(column.begin(), column.end(), wide.begin() + r);
    std::fill(wide.begin() + r + w, wide.end(), column.back());
    for (size_t i = 0; i < wide.size(); ++i) prefix[i + 1] = prefix[i] + wide[i];
    // OpenCV's mean is round(sum / area) (no ties: area is odd), and ink
    // is what lies delta or more below it.
    const uint8_t* p = gray.ptr<uint8_t>(y);
    const int* low = prefix.data();
    const int* high = prefix.data() + block;
    for (size_t x = 0; x < dark.size(); ++x) {
      dark[x] = 2 * (high[x] - low[x]) + area >= (p[x] + delta) * 2 * area ? 255 : 0;
    }
    out.row_start.push_back(static_cast<int>(out.runs.size()));
    AppendRuns(dark.data(), w, &out.runs);
  }
  out.row_start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

InkRuns ClosedAlongRows(const InkRuns& ink, int kernel_width) {
  // Dilation takes the maximum over offsets [-left, right] of each pixel,
  // erosion the minimum over the same offsets (outside counts as ink).
  const int left = kernel_width / 2, right = kernel_width - 1 - left, last = ink.width - 1;
  InkRuns out;
  out.width = ink.width;
  out.height = ink.height;
  out.row_start.reserve(ink.row_start.size());
  for (int y = 0; y < ink.height; ++y) {
    out.row_start.push_back(static_cast<int>(out.runs.size()));
    int i = ink.row_start[static_cast<size_t>(y)];
    const int end = ink.row_start[static_cast<size_t>(y) + 1];
    while (i < end) {
      // One run of the dilated row, [u, v] inclusive, from the runs it joins.
      int u = std::max(0, ink.runs[static_cast<size_t>(i)].x0 - right);
      int v = std::min(last, ink.runs[static_cast<size_t>(i)].x1 - 1 + left);
      for (++i; i < end && ink.runs[static_cast<size_t>(i)].x0 - right <= v + 1; ++i) {
        v = std::min(last, ink.runs[static_cast<size_t>(i)].x1 - 1 + left);
      }
      int x0 = u == 0 ? 0 : u + left, x1 = v == last ? last : v - right;
      if (x0 <= x1) out.runs.push_back({x0, x1 + 1});
    }
  }
  out.row_start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

std::vector<InkComponent> Components(const InkRuns& ink, std::vector<int>* label_of_run) {
  std::vector<int> root = ConnectRuns(ink);
  // Components numbered by their first run; the key orders them as OpenCV's
  // block scan does: the 2x2 block where each first appears.
  std::vector<int> index(root.size(), -1);
  std::vector<InkComponent> found;
  std::vector<std::pair<int, int>> key;  // (pair of rows, block column)
  for (int y = 0; y < ink.height; ++y) {
    for (int i = ink.row_start[static_cast<size_t>(y)];
         i < ink.row_start[static_cast<size_t>(y) + 1]; ++i) {
      const Run& r = ink.runs[static_cast<size_t>(i)];
      const size_t top = static_cast<size_t>(root[static_cast<size_t>(i)]);
      if (index[top] < 0) {
        index[top] = static_cast<int>(found.size());
        found.push_back({cv::Rect(r.x0, y, r.x1 - r.x0, 1), 0});
        key.emplace_back(y / 2, r.x0 / 2);
      }
      const size_t c = static_cast<size_t>(index[top]);
      cv::Rect& b = found[c].bounds;
      int x_end = std::max(b.x + b.width, r.x1);
      b.x = std::min(b.x, r.x0);
      b.width = x_end - b.x;
      b.height = y + 1 - b.y;
      found[c].area += r.x1 - r.x0;
      if (y / 2 == key[c].first) key[c].second = std::min(key[c].second, r.x0 / 2);
    }
  }
  std::vector<int> order(found.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&key](int a, int b) {
    return key[static_cast<size_t>(a)] < key[static_cast<size_t>(b)];
  });
  std::vector<InkComponent> out;
  out.reserve(found.size());
  std::vector<int> rank(found.size());
  for (size_t k = 0; k < order.size(); ++k) {
    out.push_back(found[static_cast<size_t>(order[k])]);
    rank[static_cast<size_t>(order[k])] = static_cast<int>(k);
  }
  if (label_of_run) {
    label_of_run->resize(root.size());
    for (size_t i = 0; i < root.size(); ++i) {
      (*label_of_run)[i] = rank[static_cast<size_t>(index[static_cast<size_t>(root[i])])];
    }
  }
  return out;
}

InkRuns Without(const InkRuns& ink, const std::vector<int>& label_of_run,
                const std::vector<uint8_t>& drop, const std::vector<cv::Rect>& boxes) {
  InkRuns out;
  out.width = ink.width;
  out.height = ink.height;
  out.row_start.reserve(ink.row_start.size());
  std::vector<Run> cuts;
  for (int y = 0; y < ink.height; ++y) {
    out.row_start.push_back(static_cast<int>(out.runs.size()));
    cuts.clear();
    for (const cv::Rect& b : boxes) {
      if (y >= b.y && y < b.y + b.height) cuts.push_back({b.x, b.x + b.width});
    }
    std::sort(cuts.begin(), cuts.end(), [](const Run& a, const Run& b) { return a.x0 < b.x0; });
    for (int i = ink.row_start[static_cast<size_t>(y)];
         i < ink.row_start[static_cast<size_t>(y) + 1]; ++i) {
      if (drop[static_cast<size_t>(label_of_run[static_cast<size_t>(i)])] != 0) continue;
      AppendOutside(ink.runs[static_cast<size_t>(i)], cuts, &out.runs);
    }
  }
  out.row_start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

}  // namespace parcelproof
