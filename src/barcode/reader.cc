#include "barcode/reader.h"

#include <exception>

#include "ZXing/ReadBarcode.h"

namespace parcelproof {
namespace {

using ZXing::BarcodeFormat;

ZXing::BarcodeFormats Formats(CodeFamily family) {
  if (family == CodeFamily::kLinear) {
    return BarcodeFormat::Code128 | BarcodeFormat::Code39 | BarcodeFormat::Code93 |
           BarcodeFormat::ITF | BarcodeFormat::EAN8 | BarcodeFormat::EAN13 | BarcodeFormat::UPCA |
           BarcodeFormat::UPCE;
  }
  if (family == CodeFamily::kMaxiCode) return BarcodeFormat::MaxiCode;
  return BarcodeFormat::QRCode | BarcodeFormat::DataMatrix | BarcodeFormat::PDF417 |
         BarcodeFormat::Aztec | BarcodeFormat::MaxiCode;
}

RawCode ToRaw(const ZXing::Result& r) {
  RawCode c;
  c.format = ZXing::ToString(r.format());
  c.text = r.text();
  if (c.text.empty() && !r.bytes().empty()) {
    // Content in an unknown character set (ZXing gives no text): keep every
    // byte, read as ISO 8859-1, so nothing decoded is lost.
    c.binary = true;
    for (uint8_t b : r.bytes()) {
      if (b < 0x80) {
        c.text.push_back(static_cast<char>(b));
      } else {
        c.text.push_back(static_cast<char>(0xC0 | (b >> 6)));
        c.text.push_back(static_cast<char>(0x80 | (b & 0x3F)));
      }
    }
  }
  c.symbology = r.symbologyIdentifier();
  c.gs1 = r.contentType() == ZXing::ContentType::GS1;
  const auto& pos = r.position();
  for (int i = 0; i < 4; ++i)
    c.corners[i] = {static_cast<double>(pos[i].x), static_cast<double>(pos[i].y)};
  return c;
}

}  // namespace

std::optional<RawCode> ReadOne(const GrayView& view, CodeFamily family,
                               const ReadOptions& options) {
  try {
    ZXing::ImageView image(view.data, view.width, view.height, ZXing::ImageFormat::Lum,
                           view.stride);
    ZXing::DecodeHints hints;
    hints.setFormats(Formats(family));
    hints.setTryHarder(options.try_harder);
    hints.setTryRotate(options.try_rotate);
    hints.setTryDownscale(options.try_downscale);
    hints.setIsPure(options.pure);
    hints.setMaxNumberOfSymbols(1);
    ZXing::Result r = ZXing::ReadBarcode(image, hints);
    if (!r.isValid()) return std::nullopt;
    return ToRaw(r);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace parcelproof
