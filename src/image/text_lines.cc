#include "image/text_lines.h"

#include <algorithm>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace parcelproof {
namespace {

cv::Mat Wrap(const GrayPixels& p) {
  return cv::Mat(p.height, p.width, CV_8UC1, const_cast<uint8_t*>(p.data.data()));
}

// Boxes of dark print smeared along rows, so that the letters of a line join.
std::vector<Box> LineBoxes(const cv::Mat& gray, int min_h, int max_h) {
  cv::Mat ink;
  int block = std::max(3, max_h | 1);
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        18);
  cv::Mat joined;
  cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(std::max(3, min_h * 2), 1));
  cv::morphologyEx(ink, joined, cv::MORPH_CLOSE, kernel);
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);
  std::vector<Box> out;
  for (int i = 1; i < n; ++i) {
    Box b{stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
          stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)};
    double fill = stats.at<int>(i, cv::CC_STAT_AREA) / std::max(1.0, 1.0 * b.w * b.h);
    // Short words ("ul.", "8") pass here and join their line in MergeLines.
    if (b.h < min_h || b.h > max_h || b.w * 3 < b.h || fill < 0.25) continue;
    out.push_back(b);
  }
  return out;
}

bool SameLine(const Box& a, const Box& b) {
  int top = std::max(a.y, b.y), bottom = std::min(a.y + a.h, b.y + b.h);
  int gap = std::max(a.x, b.x) - std::min(a.x + a.w, b.x + b.w);
  return bottom - top > std::min(a.h, b.h) / 2 && gap < 3 * std::max(a.h, b.h);
}

Box Union(const Box& a, const Box& b) {
  int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
  return {x, y, std::max(a.x + a.w, b.x + b.w) - x, std::max(a.y + a.h, b.y + b.h) - y};
}

// Words of one line joined into one box.
std::vector<Box> MergeLines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
  std::vector<Box> lines;
  for (const Box& b : boxes) {
    bool merged = false;
    for (Box& l : lines) {
      if (SameLine(l, b)) {
        l = Union(l, b);
        merged = true;
        break;
      }
    }
    if (!merged) lines.push_back(b);
  }
  // A line is wider than twice its height; alone, a short word is too often a mark.
  lines.erase(
      std::remove_if(lines.begin(), lines.end(), [](const Box& l) { return l.w < 2 * l.h; }),
      lines.end());
  std::sort(lines.begin(), lines.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
  return lines;
}

bool Continues(const TextBlock& block, const Box& line) {
  const Box& last = block.lines.back();
  int h = std::max(last.h, line.h);
  // Same left edge; or indented under a one-line head ("FROM: Shop Ltd" over its address).
  bool aligned = std::abs(last.x - line.x) < h ||
                 (block.lines.size() == 1 && line.x > last.x && line.x < last.x + last.w / 2);
  bool close = line.y - (last.y + last.h) < h * 3 / 2 && line.y >= last.y + last.h / 2;
  bool similar = line.h * 2 > last.h && last.h * 2 > line.h;
  return aligned && close && similar;
}

}  // namespace

GrayPixels WarpToGray(const Picture& source, const Affine& to_source, int width, int height) {
  GrayPixels out;
  out.width = width;
  out.height = height;
  out.data.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 255);
  GrayView v = source.view();
  if (!v.data || width <= 0 || height <= 0) return out;
  cv::Mat src(v.height, v.width, CV_8UC1, const_cast<uint8_t*>(v.data), v.stride);
  const double* m = to_source.m;
  cv::Mat map = (cv::Mat_<double>(2, 3) << m[0], m[1], m[2], m[3], m[4], m[5]);
  cv::Mat dst = Wrap(out);
  cv::warpAffine(src, dst, map, dst.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

std::vector<TextBlock> FindTextBlocks(const GrayPixels& picture, int min_h, int max_h) {
  std::vector<TextBlock> blocks;
  if (picture.width < 8 || picture.height < 8 || min_h < 2) return blocks;
  try {
    for (const Box& line : MergeLines(LineBoxes(Wrap(picture), min_h, max_h))) {
      TextBlock* open = nullptr;
      for (TextBlock& b : blocks) {
        if (Continues(b, line)) open = &b;
      }
      if (!open) {
        blocks.push_back({{line}, line});
      } else {
        open->lines.push_back(line);
        open->bounds = Union(open->bounds, line);
      }
    }
  } catch (const cv::Exception&) {
    blocks.clear();
  }
  return blocks;
}

}  // namespace parcelproof
