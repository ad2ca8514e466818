#include "image/text_lines_reference.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace parcelproof {
namespace reference {
namespace {

cv::Mat Wrap(const GrayPixels& p) {
  return cv::Mat(p.height, p.width, CV_8UC1, const_cast<uint8_t*>(p.data.data()));
}

// Clears the ink of rules, frames, bars and codes: pieces of print far taller
// or wider than a letter. A dense one (a 2-D code, a dark background) goes
// with everything in its bounds: loose modules of a code would read as lines.
void DropRules(cv::Mat* ink, int max_h) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(*ink, labels, stats, centroids, 8, CV_32S);
  std::vector<uint8_t> drop(static_cast<size_t>(n), 0);
  std::vector<cv::Rect> dense;
  for (int i = 1; i < n; ++i) {
    cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
               stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (r.height <= 2 * max_h && r.width <= 6 * max_h) continue;
    drop[static_cast<size_t>(i)] = 1;
    if (stats.at<int>(i, cv::CC_STAT_AREA) * 4 >= r.area()) dense.push_back(r);
  }
  for (int y = 0; y < ink->rows; ++y) {
    uint8_t* row = ink->ptr<uint8_t>(y);
    const int* label = labels.ptr<int>(y);
    for (int x = 0; x < ink->cols; ++x) {
      if (drop[static_cast<size_t>(label[x])] != 0) row[x] = 0;
    }
  }
  for (const cv::Rect& r : dense) (*ink)(r).setTo(0);
}

// Boxes of dark print smeared along rows, so that the letters of a line join.
// Without_rules: rules and frames cleared first.
std::vector<Box> LineBoxes(const cv::Mat& ink_in, int min_h, int max_h, bool without_rules) {
  cv::Mat ink = ink_in.clone();
  if (without_rules) DropRules(&ink, max_h);
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

bool Overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The text lines, top to bottom. A line printed a few pixels from the
// label's frame joins the frame when letters are smeared into lines, and
// the whole is too tall to be text: the lines found with rules and frames
// cleared are added where no line was found. (Only there: clearing them
// leaves pieces of broken frame lines that join the text lines beside them.)
std::vector<Box> TextLines(const cv::Mat& gray, int min_h, int max_h) {
  cv::Mat ink;
  int block = std::max(3, max_h | 1);
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        18);
  std::vector<Box> lines = MergeLines(LineBoxes(ink, min_h, max_h, false));
  size_t found = lines.size();
  for (const Box& more : MergeLines(LineBoxes(ink, min_h, max_h, true))) {
    bool known = false;
    for (size_t i = 0; i < found && !known; ++i) known = Overlaps(more, lines[i]);
    if (!known) lines.push_back(more);
  }
  std::sort(lines.begin(), lines.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
  return lines;
}

}  // namespace

std::vector<TextBlock> FindTextBlocks(const GrayPixels& picture, int min_h, int max_h) {
  std::vector<TextBlock> blocks;
  if (picture.width < 8 || picture.height < 8 || min_h < 2) return blocks;
  try {
    for (const Box& line : TextLines(Wrap(picture), min_h, max_h)) {
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

}  // namespace reference
}  // namespace parcelproof
