// The run-length text line finder against the pixel algorithms it replaces:
// the same close, the same components in the same order, the same lines and
// blocks (text_lines_reference.h) on generated label regions.
#include "image/ink_runs.h"

#include <dirent.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "gray_mat.h"
#include "image/text_lines.h"
#include "image/text_lines_reference.h"

namespace parcelproof {
namespace {

cv::Mat ToMat(const InkRuns& ink) {
  cv::Mat m(ink.height, ink.width, CV_8UC1, cv::Scalar(0));
  for (int y = 0; y < ink.height; ++y) {
    for (int i = ink.row_start[static_cast<size_t>(y)];
         i < ink.row_start[static_cast<size_t>(y) + 1]; ++i) {
      const Run& r = ink.runs[static_cast<size_t>(i)];
      m.row(y).colRange(r.x0, r.x1).setTo(255);
    }
  }
  return m;
}

bool SameMat(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && cv::countNonZero(a != b) == 0;
}

// Blobs, specks and streaks of ink; `fill` of them (0..100) on a blank page.
cv::Mat RandomInk(int rows, int cols, int fill, uint64_t seed) {
  cv::RNG rng(seed);
  cv::Mat m(rows, cols, CV_8UC1, cv::Scalar(0));
  for (int i = 0; i < rows * cols * fill / 2000; ++i) {
    cv::Point p(rng.uniform(-3, cols + 3), rng.uniform(-3, rows + 3));
    int kind = rng.uniform(0, 3);
    if (kind == 0) m.at<uint8_t>(std::clamp(p.y, 0, rows - 1), std::clamp(p.x, 0, cols - 1)) = 255;
    if (kind == 1)
      cv::rectangle(m, cv::Rect(p, cv::Size(rng.uniform(1, 9), rng.uniform(1, 5))), 255, -1);
    if (kind == 2) cv::line(m, p, p + cv::Point(rng.uniform(-20, 20), rng.uniform(-4, 4)), 255, 1);
  }
  return m;
}

TEST(InkRunsTest, RunsHoldTheInk) {
  for (int fill : {0, 5, 40, 100}) {
    cv::Mat m = RandomInk(37, 61, fill, 11 + static_cast<uint64_t>(fill));
    EXPECT_TRUE(SameMat(ToMat(RunsOf(m)), m)) << fill;
  }
}

TEST(InkRunsTest, CloseAlongRowsIsMorphologyClose) {
  for (int k : {3, 4, 12, 13}) {
    for (int cols : {1, 5, 12, 64, 203}) {
      for (int fill : {3, 20, 60}) {
        cv::Mat m = RandomInk(23, cols, fill,
                              static_cast<uint64_t>(k) * 1000 + static_cast<uint64_t>(cols) * 10 +
                                  static_cast<uint64_t>(fill));
        cv::Mat closed;
        cv::morphologyEx(m, closed, cv::MORPH_CLOSE,
                         cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, 1)));
        EXPECT_TRUE(SameMat(ToMat(ClosedAlongRows(RunsOf(m), k)), closed))
            << "kernel " << k << ", width " << cols << ", fill " << fill;
      }
    }
  }
}

// Paper whose brightness drifts, with dark print and specks: sums near the
// rounding boundaries of the block means.
cv::Mat RandomPaper(int rows, int cols, uint64_t seed) {
  cv::RNG rng(seed);
  cv::Mat m(rows, cols, CV_8UC1);
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < cols; ++x) {
      m.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(150 + x / 4 - y / 5 + rng.uniform(-30, 30));
    }
  }
  for (int i = 0; i < rows * cols / 200; ++i) {
    cv::Point p(rng.uniform(0, cols), rng.uniform(0, rows));
    cv::rectangle(m, cv::Rect(p, cv::Size(rng.uniform(1, 12), rng.uniform(1, 6))),
                  rng.uniform(0, 256), -1);
  }
  return m;
}

TEST(InkRunsTest, DarkRunsAreAdaptiveThreshold) {
  for (int block : {3, 11, 45, 127, 129}) {
    for (cv::Size size : {cv::Size(1, 1), cv::Size(7, 30), cv::Size(60, 2), cv::Size(150, 130)}) {
      for (int delta : {0, 18, 40}) {
        cv::Mat paper = RandomPaper(size.height, size.width,
                                    static_cast<uint64_t>(block) + static_cast<uint64_t>(delta));
        cv::Mat want;
        cv::adaptiveThreshold(paper, want, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                              block, delta);
        EXPECT_TRUE(SameMat(ToMat(DarkRuns(paper, block, delta)), want))
            << "block " << block << ", " << size << ", delta " << delta;
      }
    }
  }
}

TEST(InkRunsTest, EmptyPicturesHaveNoRuns) {
  for (cv::Size size : {cv::Size(0, 0), cv::Size(0, 5), cv::Size(5, 0)}) {
    InkRuns dark = DarkRuns(cv::Mat(size, CV_8UC1), 45, 18);
    EXPECT_TRUE(dark.runs.empty());
    EXPECT_EQ(dark.row_start.size(), static_cast<size_t>(size.height) + 1);
    EXPECT_TRUE(Components(dark).empty());
  }
}

// Components and their order as cv::connectedComponentsWithStats gives them.
void ExpectOpenCvComponents(const cv::Mat& m, const std::string& what) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(m, labels, stats, centroids, 8, CV_32S);
  InkRuns ink = RunsOf(m);
  std::vector<int> label_of_run;
  std::vector<InkComponent> found = Components(ink, &label_of_run);
  ASSERT_EQ(found.size(), static_cast<size_t>(n - 1)) << what;
  for (int i = 1; i < n; ++i) {
    const InkComponent& c = found[static_cast<size_t>(i) - 1];
    cv::Rect want(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                  stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    ASSERT_EQ(c.bounds, want) << what << ", component " << i;
    ASSERT_EQ(c.area, stats.at<int>(i, cv::CC_STAT_AREA)) << what << ", component " << i;
  }
  for (int y = 0; y < ink.height; ++y) {
    for (int i = ink.row_start[static_cast<size_t>(y)];
         i < ink.row_start[static_cast<size_t>(y) + 1]; ++i) {
      int x = ink.runs[static_cast<size_t>(i)].x0;
      ASSERT_EQ(label_of_run[static_cast<size_t>(i)] + 1, labels.at<int>(y, x)) << what;
    }
  }
}

TEST(InkRunsTest, ComponentsAreOpenCvsInItsOrder) {
  for (int rows : {1, 2, 7, 120}) {
    for (int fill : {2, 15, 45, 90}) {
      cv::Mat m = RandomInk(rows, 150, fill,
                            static_cast<uint64_t>(rows) * 100 + static_cast<uint64_t>(fill));
      ExpectOpenCvComponents(m, "rows " + std::to_string(rows) + ", fill " + std::to_string(fill));
    }
  }
  // Diagonal neighbours join; the second row of a pair of rows comes first
  // when it starts a block further left.
  cv::Mat m(6, 12, CV_8UC1, cv::Scalar(0));
  m.at<uint8_t>(0, 9) = m.at<uint8_t>(1, 2) = m.at<uint8_t>(2, 3) = m.at<uint8_t>(4, 7) = 255;
  m.at<uint8_t>(5, 6) = m.at<uint8_t>(5, 0) = m.at<uint8_t>(1, 11) = 255;
  ExpectOpenCvComponents(m, "diagonals");
}

TEST(InkRunsTest, WithoutClearsComponentsAndBoxes) {
  cv::Mat m = RandomInk(90, 140, 30, 5);
  std::vector<int> label_of_run;
  std::vector<InkComponent> found = Components(RunsOf(m), &label_of_run);
  std::vector<uint8_t> drop(found.size(), 0);
  for (size_t i = 0; i < drop.size(); i += 3) drop[i] = 1;
  std::vector<cv::Rect> boxes = {{10, 10, 30, 20}, {25, 15, 40, 40}, {130, 0, 10, 90}};
  cv::Mat labels;
  cv::connectedComponents(m, labels, 8, CV_32S);
  cv::Mat want = m.clone();
  for (int y = 0; y < m.rows; ++y) {
    for (int x = 0; x < m.cols; ++x) {
      int l = labels.at<int>(y, x);
      if (l > 0 && drop[static_cast<size_t>(l) - 1] != 0) want.at<uint8_t>(y, x) = 0;
    }
  }
  for (const cv::Rect& b : boxes) want(b).setTo(0);
  EXPECT_TRUE(SameMat(ToMat(Without(RunsOf(m), label_of_run, drop, boxes)), want));
}

// A region as LocateShipTo warps it: blocks of printed lines, rules, a
// frame, a barcode, a code of modules, noise, turned a little.
cv::Mat LabelRegion(uint64_t seed) {
  cv::RNG rng(seed);
  cv::Mat m(1000, 760, CV_8UC1, cv::Scalar(rng.uniform(200, 250)));
  const char* words[] = {"SHIP",   "TO:",    "Emma", "Wilson", "88",        "George",
                         "Street", "Sydney", "NSW",  "2000",   "AUSTRALIA", "ul.",
                         "FROM:",  "Shop",   "Ltd",  "8"};
  for (int block = 0; block < 4; ++block) {
    cv::Point at(rng.uniform(0, 500), rng.uniform(20, 900));
    double scale = rng.uniform(0.4, 1.0);
    for (int line = rng.uniform(1, 7); line > 0; --line) {
      std::string text;
      for (int w = rng.uniform(1, 5); w > 0; --w)
        text += std::string(words[rng.uniform(0, 16)]) + " ";
      cv::putText(m, text, at, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(rng.uniform(0, 60)),
                  rng.uniform(1, 3), cv::LINE_AA);
      at.y += static_cast<int>(35 * scale) + rng.uniform(0, 8);
    }
  }
  cv::line(m, cv::Point(rng.uniform(0, 60), 5), cv::Point(rng.uniform(0, 60), 995), 20, 2);
  cv::line(m, cv::Point(0, rng.uniform(0, 999)), cv::Point(759, rng.uniform(0, 999)), 20, 2);
  for (int x = 0; x < 60; ++x) {
    if (rng.uniform(0, 2) == 0) cv::rectangle(m, cv::Rect(300 + 5 * x, 20, 3, 180), 10, -1);
  }
  for (int i = 0; i < 400; ++i) {
    cv::rectangle(m, cv::Rect(560 + 6 * (i % 20), 600 + 6 * (i / 20), 6, 6),
                  rng.uniform(0, 2) == 0 ? 20 : 255, -1);
  }
  cv::Mat noise(m.size(), CV_8UC1);
  rng.fill(noise, cv::RNG::NORMAL, 0, 6);
  m += noise;
  cv::Mat turn = cv::getRotationMatrix2D(cv::Point2f(380, 500), rng.uniform(-3.0, 3.0), 1.0);
  cv::warpAffine(m, m, turn, m.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 255);
  return m;
}

void ExpectSameBlocks(const GrayPixels& p, const std::string& what) {
  std::vector<TextBlock> want = reference::FindTextBlocks(p, 6, 45);
  std::vector<TextBlock> got = FindTextBlocks(p, 6, 45);
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].lines.size(), want[i].lines.size()) << what << ", block " << i;
    for (size_t j = 0; j < want[i].lines.size(); ++j) {
      const Box &g = got[i].lines[j], &w = want[i].lines[j];
      EXPECT_TRUE(g.x == w.x && g.y == w.y && g.w == w.w && g.h == w.h)
          << what << ", block " << i << " line " << j;
    }
  }
}

TEST(InkRunsTest, TextBlocksAreTheReferenceOnes) {
  size_t lines = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    GrayPixels p = testing::GrayFromMat(LabelRegion(seed));
    ExpectSameBlocks(p, "region " + std::to_string(seed));
    for (const TextBlock& b : FindTextBlocks(p, 6, 45)) lines += b.lines.size();
  }
  EXPECT_GT(lines, 60u);  // the regions hold text the finder sees
}

// Regions dumped from real photos (binary PGM files in the folder named by
// PP_TEXT_REGIONS), when given.
TEST(InkRunsTest, TextBlocksAreTheReferenceOnesOnDumpedRegions) {
  const char* dir = std::getenv("PP_TEXT_REGIONS");
  if (!dir) GTEST_SKIP() << "PP_TEXT_REGIONS (a folder of PGM regions) not set";
  DIR* d = opendir(dir);
  ASSERT_NE(d, nullptr) << dir;
  int seen = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".pgm") continue;
    std::ifstream in(std::string(dir) + "/" + name, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    GrayPixels p;
    p.width = w;
    p.height = h;
    p.data.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    in.read(reinterpret_cast<char*>(p.data.data()), static_cast<std::streamsize>(p.data.size()));
    ExpectSameBlocks(p, name);
    ++seen;
  }
  closedir(d);
  std::printf("%d regions compared\n", seen);
}

}  // namespace
}  // namespace parcelproof
