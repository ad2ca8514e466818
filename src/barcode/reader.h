// ZXing-cpp adapter: one symbol per call, never ZXing's multi-symbol read
// (which aborts on labels with two linear codes in the Debian 1.4 build).
#ifndef PARCELPROOF_BARCODE_READER_H_
#define PARCELPROOF_BARCODE_READER_H_

#include <optional>
#include <string>

#include "image/picture.h"

namespace parcelproof {

enum class CodeFamily { kLinear, kMatrix, kMaxiCode };

struct RawCode {
  std::string format;     // ZXing's name: "Code128", "QRCode", "EAN-13", ...
  std::string text;       // UTF-8; GS1 separators as ASCII 29
  std::string symbology;  // "]C1" for GS1-128, "]d2" for GS1 DataMatrix, ...
  bool gs1 = false;
  bool binary = false;  // bytes of unknown character set, given as ISO 8859-1 text
  Quad corners{};       // in the view's coordinates
};

struct ReadOptions {
  bool try_harder = true;
  bool try_rotate = true;
  bool try_downscale = false;  // also read ZXing's reduced copies of a large view
  bool pure = false;           // the view holds just the symbol, as in a tight crop
};

// Reads at most one symbol of the family. Empty when none, or when ZXing threw.
std::optional<RawCode> ReadOne(const GrayView& view, CodeFamily family, const ReadOptions& options);

}  // namespace parcelproof

#endif  // PARCELPROOF_BARCODE_READER_H_
