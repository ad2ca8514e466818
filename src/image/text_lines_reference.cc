#include "image/text_lines_reference.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "image/text_line_groups.h"

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
  return AddNewLines(MergeLines(LineBoxes(ink, min_h, max_h, false)),
                     MergeLines(LineBoxes(ink, min_h, max_h, true)));
}

}  // namespace

std::vector<TextBlock> FindTextBlocks(const GrayPixels& picture, int min_h, int max_h) {
  if (picture.width < 8 || picture.height < 8 || min_h < 2) return {};
  try {
    return GroupIntoBlocks(TextLines(Wrap(picture), min_h, max_h));
  } catch (const cv::Exception&) {
    return {};
  }
}

}  // namespace reference
}  // namespace parcelproof
