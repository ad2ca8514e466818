// Printed ship-to blocks in TrueType fonts (OpenCV freetype): Latin and
// Cyrillic text in several fonts, sizes and weights, optionally with the
// texture of a worn thermal print head.
#ifndef PARCELPROOF_SAMPLES_GEN_SHIP_TO_H_
#define PARCELPROOF_SAMPLES_GEN_SHIP_TO_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace samplegen {

struct ShipToStyle {
  std::string font;      // a .ttf file
  double size = 38;      // text height in 300-dpi units
  std::string cue;       // "SHIP TO:", "Empfänger:", ... (empty: none)
  bool thermal = false;  // faded columns and speckle of a worn print head
  uint64_t seed = 1;
};

// The TrueType fonts used (DejaVu, Liberation, Noto from Debian); the ones
// missing on this machine are left out.
std::vector<std::string> ShipToFonts();

// Paints over the label's own ship-to area (the Hershey "SHIP TO:" block of
// RenderLabel) and prints `lines` there. Throws std::exception when the font
// cannot be loaded.
void PrintShipTo(cv::Mat* label, double dpi, const std::vector<std::string>& lines,
                 const ShipToStyle& style);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_SHIP_TO_H_
