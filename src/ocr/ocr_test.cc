// The engines load once per process; loading the Latin-script model beside
// the others on a second thread leaves every engine as a serial load would.
// (In this binary another test may have loaded them first; every scan of two
// photos or more in the CLI tests loads them on two threads.)
#include "ocr/ocr.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

namespace parcelproof {
namespace {

bool LatinInstalled() {
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  std::string folder = prefix && *prefix ? prefix : "/usr/share/tesseract-ocr/5/tessdata";
  return std::ifstream(folder + "/Latin.traineddata").good();
}

// A word printed large and plain.
GrayPixels Word(const std::string& text) {
  cv::Mat m(90, 520, CV_8UC1, cv::Scalar(255));
  cv::putText(m, text, cv::Point(20, 65), cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0), 3,
              cv::LINE_AA);
  GrayPixels p;
  p.width = m.cols;
  p.height = m.rows;
  p.data.assign(m.data, m.data + m.total());
  return p;
}

TEST(OcrEnginesTest, LatinLoadsBesideTheOthers) {
  Status s = InitOcrWithLatin();
  if (!s.ok()) GTEST_SKIP() << "Tesseract data not installed: " << s.message();
  EXPECT_TRUE(HasOcrModel("eng"));
  EXPECT_TRUE(HasOcrModel("rus"));
  EXPECT_EQ(HasOcrModel("Latin"), LatinInstalled());
  // A second call returns the first result and loads nothing again.
  EXPECT_TRUE(InitOcrWithLatin().ok());
  EXPECT_TRUE(InitOcr().ok());
  // Both Latin-script engines, loaded on different threads, read.
  for (const char* language : {"eng", "Latin"}) {
    if (!HasOcrModel(language)) continue;
    EXPECT_EQ(ReadTextLine(Word("BERLIN"), language).text, "BERLIN") << language;
  }
}

TEST(OcrEnginesTest, LineReadsGiveTheirWords) {
  if (!InitOcr().ok()) GTEST_SKIP() << "Tesseract data not installed";
  OcrLine line = ReadTextLine(Word("10115 BERLIN"), "eng");
  ASSERT_EQ(line.text, "10115 BERLIN");
  ASSERT_EQ(line.words.size(), 2u);
  EXPECT_EQ(line.text.substr(line.words[0].begin, line.words[0].end - line.words[0].begin),
            "10115");
  EXPECT_EQ(line.text.substr(line.words[1].begin, line.words[1].end - line.words[1].begin),
            "BERLIN");
  for (const OcrWord& w : line.words) {
    EXPECT_GT(w.confidence, 0.5);
    EXPECT_LE(w.confidence, 1.0);
  }
}

}  // namespace
}  // namespace parcelproof
