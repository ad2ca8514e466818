// Renders a 4 x 6 inch shipping label (white card, printed text, barcodes)
// and records where each barcode sits on it.
#ifndef PARCELPROOF_SAMPLES_GEN_LABEL_H_
#define PARCELPROOF_SAMPLES_GEN_LABEL_H_

#include <array>
#include <functional>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace samplegen {

// What a label says. Printed text must be ASCII (cv::putText); the 2-D code
// text may be any UTF-8 (QR) or ASCII incl. control characters (DataMatrix).
struct LabelContent {
  std::string carrier;                 // "CHINA POST"
  std::string service;                 // "REGISTERED AIRMAIL"
  std::string service_mark;            // one or two letters in a box, e.g. "R"
  std::vector<std::string> sender;     // printed lines
  std::vector<std::string> recipient;  // printed lines
  std::string tracking;                // Code 128
  std::string routing;                 // Code 128
  std::string gs1_ai;                  // "420" or "421"
  std::string gs1_value;               // "10115", or "276" + "10115" for 421
  std::string code2d_format;           // "QRCode" or "DataMatrix"
  std::string code2d_text;
  std::vector<std::string> footer;  // reference, weight, date
  // Called last on the rendered label (image, dpi), e.g. to print a ship-to block in TrueType.
  std::function<void(cv::Mat*, double)> decorate;
};

// A barcode placed on a label or photo.
struct PlacedBarcode {
  std::string role;                    // "tracking", "routing", "gs1", "address"
  std::string format;                  // ZXing's name: "Code128", "QRCode", "DataMatrix"
  std::string text;                    // what a reader returns (GS1: AIs without the leading FNC1)
  std::array<cv::Point2f, 4> corners;  // tl, tr, br, bl of the symbol (no quiet zone)
  bool visible = true;                 // false when covered or blurred away
};

struct RenderedLabel {
  cv::Mat image;  // CV_8UC3
  std::vector<PlacedBarcode> barcodes;
};

// Renders `content` at `dpi` dots per inch (the label is 4 x 6 inches).
// Throws std::exception (from ZXing) when a text cannot be encoded.
RenderedLabel RenderLabel(const LabelContent& content, double dpi);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_LABEL_H_
