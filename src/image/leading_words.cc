#include "image/leading_words.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace parcelproof {
namespace {

// The grey level of the given fraction of the pixels in rows [top, bottom),
// darkest first.
int Percentile(const GrayPixels& p, int top, int bottom, double fraction) {
  std::array<size_t, 256> count{};
  for (int y = top; y < bottom; ++y) {
    const uint8_t* row = p.data.data() + static_cast<size_t>(y) * static_cast<size_t>(p.width);
    for (int x = 0; x < p.width; ++x) ++count[row[x]];
  }
  size_t total = static_cast<size_t>(bottom - top) * static_cast<size_t>(p.width);
  size_t want = static_cast<size_t>(fraction * static_cast<double>(total)), seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += count[static_cast<size_t>(v)];
    if (seen > want) return v;
  }
  return 255;
}

// For each column, whether it holds ink (a pixel darker than `threshold`) in
// rows [top, bottom).
std::vector<bool> InkColumns(const GrayPixels& p, int top, int bottom, int threshold) {
  std::vector<bool> ink(static_cast<size_t>(p.width), false);
  for (int y = top; y < bottom; ++y) {
    const uint8_t* row = p.data.data() + static_cast<size_t>(y) * static_cast<size_t>(p.width);
    for (int x = 0; x < p.width; ++x) {
      if (row[x] < threshold) ink[static_cast<size_t>(x)] = true;
    }
  }
  return ink;
}

}  // namespace

int LeadingWordsWidth(const GrayPixels& line, int top, int bottom, int words) {
  top = std::max(0, top);
  bottom = std::min(line.height, bottom);
  if (words < 1 || bottom - top < 4 || line.width < 4 ||
      line.data.size() < static_cast<size_t>(line.width) * static_cast<size_t>(line.height)) {
    return line.width;
  }
  int dark = Percentile(line, top, bottom, 0.02), paper = Percentile(line, top, bottom, 0.9);
  if (paper - dark < 48) return line.width;  // too faint or too blurred to find gaps in
  std::vector<bool> ink = InkColumns(line, top, bottom, (dark + paper) / 2);
  const int min_gap = std::max(2, (bottom - top) * 3 / 10);
  int seen = 0;  // words passed so far
  int x = 0;
  while (x < line.width && !ink[static_cast<size_t>(x)]) ++x;  // the margin before the first word
  while (x < line.width) {
    while (x < line.width && ink[static_cast<size_t>(x)]) ++x;  // ink of the word
    int gap = x;
    while (x < line.width && !ink[static_cast<size_t>(x)]) ++x;
    if (x == line.width) return line.width;  // the margin after the last word
    if (x - gap < min_gap) continue;         // a gap between letters
    if (++seen == words) return gap + (x - gap) / 2;
  }
  return line.width;
}

}  // namespace parcelproof
