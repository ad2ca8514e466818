#include "core/gray_pixels.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace parcelproof {
namespace {

// A 5 x 3 picture whose pixel (x, y) is 10 y + x.
GrayPixels Numbered() {
  GrayPixels p;
  p.width = 5;
  p.height = 3;
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 5; ++x) p.data.push_back(static_cast<uint8_t>(10 * y + x));
  }
  return p;
}

TEST(GrayPixelsTest, CutRectKeepsTheRectanglesRows) {
  GrayPixels cut = CutRect(Numbered(), 1, 1, 4, 3);
  EXPECT_EQ(cut.width, 3);
  EXPECT_EQ(cut.height, 2);
  EXPECT_EQ(cut.data, (std::vector<uint8_t>{11, 12, 13, 21, 22, 23}));
}

TEST(GrayPixelsTest, CutRectIsClippedToThePicture) {
  GrayPixels cut = CutRect(Numbered(), -2, 2, 2, 9);
  EXPECT_EQ(cut.width, 2);
  EXPECT_EQ(cut.height, 1);
  EXPECT_EQ(cut.data, (std::vector<uint8_t>{20, 21}));
  GrayPixels none = CutRect(Numbered(), 4, 0, 4, 3);
  EXPECT_EQ(none.width, 0);
  EXPECT_TRUE(none.data.empty());
  EXPECT_TRUE(CutRect(Numbered(), 6, 0, 9, 3).data.empty());
}

}  // namespace
}  // namespace parcelproof
