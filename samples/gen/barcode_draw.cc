#include "barcode_draw.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <opencv2/imgproc.hpp>

namespace samplegen {

Symbol EncodeSymbol(const std::string& format, const std::string& text) {
  ZXing::BarcodeFormat f = ZXing::BarcodeFormatFromString(format);
  ZXing::MultiFormatWriter writer(f);
  writer.setMargin(0);
  if (f == ZXing::BarcodeFormat::QRCode) {
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    writer.setEccLevel(2);  // M
  }
  ZXing::BitMatrix m = writer.encode(text, 0, 0);
  Symbol s;
  s.linear = f == ZXing::BarcodeFormat::Code128;
  int rows = s.linear ? 1 : m.height();
  s.modules = cv::Mat::zeros(rows, m.width(), CV_8U);
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < m.width(); ++x) s.modules.at<uint8_t>(y, x) = m.get(x, y) ? 1 : 0;
  }
  return s;
}

cv::Rect DrawSymbol(const Symbol& s, cv::Point origin, int module, int bar_height,
                    const cv::Scalar& ink, cv::Mat* canvas) {
  int h_px = s.linear ? bar_height : s.modules.rows * module;
  for (int y = 0; y < s.modules.rows; ++y) {
    for (int x = 0; x < s.modules.cols; ++x) {
      if (!s.modules.at<uint8_t>(y, x)) continue;
      int top = origin.y + (s.linear ? 0 : y * module);
      int height = s.linear ? bar_height : module;
      cv::rectangle(*canvas, cv::Rect(origin.x + x * module, top, module, height), ink, cv::FILLED);
    }
  }
  return {origin.x, origin.y, s.modules.cols * module, h_px};
}

}  // namespace samplegen
