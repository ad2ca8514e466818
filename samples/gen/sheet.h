// A "sheet": one label, or two labels stuck one over the other, with the
// mask of where there is paper, ready to be photographed.
#ifndef PARCELPROOF_SAMPLES_GEN_SHEET_H_
#define PARCELPROOF_SAMPLES_GEN_SHEET_H_

#include <opencv2/core.hpp>
#include <vector>

#include "label.h"

namespace samplegen {

struct Sheet {
  cv::Mat image;  // CV_8UC3
  cv::Mat mask;   // CV_8U, 255 where paper
  std::vector<PlacedBarcode> barcodes;
};

// A sheet holding one label.
Sheet SingleSheet(const RenderedLabel& label);

// Sticks `top` over `bottom`, turned by `angle_deg` about its centre and
// shifted by (dx, dy) label widths/heights. Bottom barcodes that `top` covers
// are marked invisible. Throws std::runtime_error when `top` covers a barcode
// only partly (an ambiguous sample).
Sheet StackedSheet(const RenderedLabel& bottom, const RenderedLabel& top, double dx, double dy,
                   double angle_deg);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_SHEET_H_
