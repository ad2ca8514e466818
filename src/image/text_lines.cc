#include "image/text_lines.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "image/ink_runs.h"
#include "image/text_line_groups.h"

namespace parcelproof {
namespace {

cv::Mat Wrap(const GrayPixels& p) {
  return cv::Mat(p.height, p.width, CV_8UC1, const_cast<uint8_t*>(p.data.data()));
}

// The runs without the ink of rules, frames, bars and codes: pieces of print
// far taller or wider than a letter. A dense one (a 2-D code, a dark
// background) goes with everything in its bounds: loose modules of a code
// would read as lines.
InkRuns WithoutRules(const InkRuns& ink, int max_h) {
  std::vector<int> label_of_run;
  std::vector<InkComponent> pieces = Components(ink, &label_of_run);
  std::vector<uint8_t> drop(pieces.size(), 0);
  std::vector<cv::Rect> dense;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const cv::Rect& r = pieces[i].bounds;
    if (r.height <= 2 * max_h && r.width <= 6 * max_h) continue;
    drop[i] = 1;
    if (pieces[i].area * 4 >= r.area()) dense.push_back(r);
  }
  return Without(ink, label_of_run, drop, dense);
}

// Boxes of dark print smeared along rows, so that the letters of a line join.
std::vector<Box> LineBoxes(const InkRuns& ink, int min_h, int max_h) {
  std::vector<Box> out;
  for (const InkComponent& c : Components(ClosedAlongRows(ink, std::max(3, min_h * 2)))) {
    Box b{c.bounds.x, c.bounds.y, c.bounds.width, c.bounds.height};
    double fill = c.area / std::max(1.0, 1.0 * b.w * b.h);
    // Short words ("ul.", "8") pass here and join their line in MergeLines.
    if (b.h < min_h || b.h > max_h || b.w * 3 < b.h || fill < 0.25) continue;
    out.push_back(b);
  }
  return out;
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

namespace {

// The text lines, top to bottom. A line printed a few pixels from the
// label's frame joins the frame when letters are smeared into lines, and
// the whole is too tall to be text: the lines found with rules and frames
// cleared are added where no line was found. (Only there: clearing them
// leaves pieces of broken frame lines that join the text lines beside them.)
std::vector<Box> TextLines(const cv::Mat& gray, int min_h, int max_h) {
  InkRuns runs = DarkRuns(gray, std::max(3, max_h | 1), 18);
  return AddNewLines(MergeLines(LineBoxes(runs, min_h, max_h)),
                     MergeLines(LineBoxes(WithoutRules(runs, max_h), min_h, max_h)));
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

}  // namespace parcelproof
