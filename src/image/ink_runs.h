// A binary picture as runs of ink along its rows (OpenCV): the operations
// that find text lines (a close along rows, 8-connected components with
// their bounds, clearing components and boxes), done on runs. Their results
// are those of cv::morphologyEx and cv::connectedComponentsWithStats on the
// pixels, components in the same order, at a fraction of the cost: a line of
// text is a few runs per row where the pixel algorithms visit every pixel.
#ifndef PARCELPROOF_IMAGE_INK_RUNS_H_
#define PARCELPROOF_IMAGE_INK_RUNS_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace parcelproof {

// Pixels [x0, x1) of one row.
struct Run {
  int x0 = 0;
  int x1 = 0;
};

struct InkRuns {
  int width = 0;
  int height = 0;
  std::vector<Run> runs;       // row by row, left to right
  std::vector<int> row_start;  // runs of row y: [row_start[y], row_start[y + 1])
};

// A connected component: its bounds and its number of pixels.
struct InkComponent {
  cv::Rect bounds;
  int area = 0;
};

// The runs of the nonzero pixels of an 8-bit one-channel picture.
InkRuns RunsOf(const cv::Mat& binary);

// The runs of pixels `delta` or more darker than the mean of the block x
// block square around them (block odd, borders replicated): what
// cv::adaptiveThreshold(ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV) marks, without
// its intermediate pictures.
InkRuns DarkRuns(const cv::Mat& gray, int block, int delta);

// cv::morphologyEx(MORPH_CLOSE) with a kernel_width x 1 rectangle anchored at
// its centre and OpenCV's default border, on runs.
InkRuns ClosedAlongRows(const InkRuns& ink, int kernel_width);

// The 8-connected components in the order of cv::connectedComponentsWithStats'
// labels 1..n (by the 2x2 block, in raster order, where each first appears);
// `label_of_run`, when given, receives each run's component index.
std::vector<InkComponent> Components(const InkRuns& ink, std::vector<int>* label_of_run = nullptr);

// The runs without those of the components marked in `drop` (indexed as
// Components' result, by `label_of_run`) and without the pixels in `boxes`.
InkRuns Without(const InkRuns& ink, const std::vector<int>& label_of_run,
                const std::vector<uint8_t>& drop, const std::vector<cv::Rect>& boxes);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_INK_RUNS_H_
