#include "ocr/line_images.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstring>
#include <string>
#include <vector>

namespace parcelproof {
namespace {

// A picture of the given depth with a pattern in every pixel.
PIX* Pattern(int w, int h, int d) {
  PIX* pix = pixCreate(w, h, d);
  l_uint32 top = d == 32 ? 0xffffff00 : (1u << d) - 1;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) pixSetPixel(pix, x, y, static_cast<l_uint32>(x * 7 + y * 13) & top);
  }
  pixSetResolution(pix, 300, 299);
  return pix;
}

std::string Written(PIX* pix, l_int32 format) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, pix, format) != 0) return "";
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return out;
}

bool SamePicture(PIX* a, const std::string& bytes) {
  PIX* b = pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
  if (!b) return false;
  l_int32 same = 0;
  pixEqual(a, b, &same);
  bool res = pixGetXRes(b) == pixGetXRes(a) && pixGetYRes(b) == pixGetYRes(a);
  pixDestroy(&b);
  return same && res;
}

TEST(LineImagesTest, TesseractsCallsReachTheReplacements) { EXPECT_TRUE(LineImagesStayRaw()); }

TEST(LineImagesTest, GrayAndBinaryPngRequestsStayRawAndReadBackEqual) {
  for (int d : {8, 1}) {
    PIX* pix = Pattern(53, 17, d);
    std::string bytes = Written(pix, IFF_PNG);
    EXPECT_EQ(bytes.compare(0, 8, "pprawpix"), 0) << "depth " << d;
    EXPECT_TRUE(SamePicture(pix, bytes)) << "depth " << d;
    pixDestroy(&pix);
  }
}

TEST(LineImagesTest, OtherFormatsAndDepthsGoToLeptonica) {
  PIX* gray = Pattern(20, 9, 8);
  std::string pnm = Written(gray, IFF_PNM);
  EXPECT_EQ(pnm.compare(0, 2, "P5"), 0);
  PIX* back = pixReadMem(reinterpret_cast<const l_uint8*>(pnm.data()), pnm.size());
  ASSERT_NE(back, nullptr);
  l_int32 same = 0;
  pixEqual(gray, back, &same);
  EXPECT_TRUE(same);
  pixDestroy(&back);
  pixDestroy(&gray);

  PIX* color = Pattern(20, 9, 32);
  std::string png = Written(color, IFF_PNG);
  EXPECT_EQ(png.compare(1, 3, "PNG"), 0);
  pixDestroy(&color);
}

TEST(LineImagesTest, DamagedRawImagesAreRefused) {
  PIX* pix = Pattern(40, 6, 8);
  std::string bytes = Written(pix, IFF_PNG);
  pixDestroy(&pix);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t n = 0; n < bytes.size(); n += 7) EXPECT_EQ(ReadRawLineImage(data, n), nullptr) << n;
  // Header fields at offsets 8 (width), 12 (height), 16 (depth), 20 (words a row).
  for (size_t at : {8, 12, 16, 20}) {
    for (int32_t v : {0, -1, 3, 1 << 20}) {
      std::string bad = bytes;
      std::memcpy(&bad[at], &v, sizeof v);
      EXPECT_EQ(ReadRawLineImage(reinterpret_cast<const uint8_t*>(bad.data()), bad.size()), nullptr)
          << "offset " << at << " value " << v;
    }
  }
}

}  // namespace
}  // namespace parcelproof
