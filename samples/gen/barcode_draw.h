// Draws ZXing-encoded symbols into an OpenCV image with whole-pixel modules.
#ifndef PARCELPROOF_SAMPLES_GEN_BARCODE_DRAW_H_
#define PARCELPROOF_SAMPLES_GEN_BARCODE_DRAW_H_

#include <opencv2/core.hpp>
#include <string>

namespace samplegen {

// A symbol's modules: 1-D symbols have one row. Text is UTF-8; for GS1-128
// a leading "\xC3\xB1" (U+00F1) is FNC1, as ZXing's Code 128 writer expects.
struct Symbol {
  cv::Mat modules;  // CV_8U, 1 = dark, no quiet zone
  bool linear = false;
};

// Encodes `text` in the ZXing format named "Code128", "QRCode" or "DataMatrix".
// Throws std::exception on text the format cannot hold.
Symbol EncodeSymbol(const std::string& format, const std::string& text);

// Width in modules of a symbol.
inline int SymbolWidth(const Symbol& s) { return s.modules.cols; }

// Draws `s` with its top-left at `origin`, `module` pixels per module;
// 1-D symbols are `bar_height` pixels tall. Returns the drawn rectangle.
cv::Rect DrawSymbol(const Symbol& s, cv::Point origin, int module, int bar_height,
                    const cv::Scalar& ink, cv::Mat* canvas);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_BARCODE_DRAW_H_
