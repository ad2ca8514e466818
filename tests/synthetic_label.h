// Small synthetic label images for scanner tests: barcodes drawn with
// ZXing's writer onto a white card, optionally rotated, written with OpenCV.
#ifndef PARCELPROOF_TESTS_SYNTHETIC_LABEL_H_
#define PARCELPROOF_TESTS_SYNTHETIC_LABEL_H_

#include <string>
#include <vector>

namespace parcelproof::testing {

struct SymbolSpec {
  std::string format;  // ZXing name: "Code128", "QRCode", "DataMatrix", "PDF417"
  std::string text;
  int x, y, width, height;  // placement on the card
};

// Draws the symbols on a white card of the given size, rotates the card by
// angle_deg inside a grey frame and writes it (format from the extension).
void WriteSyntheticLabel(const std::string& path, int width, int height,
                         const std::vector<SymbolSpec>& symbols, double angle_deg);

// Writes a plain grey image of the given size.
void WritePlainImage(const std::string& path, int width, int height);

// Re-encodes an image file as HEIC (HEVC through libheif's encoder); false
// when no HEVC encoder is available.
bool WriteHeic(const std::string& in_path, const std::string& out_path);

// What WriteColourHeic stores besides the pixels.
struct HeicOptions {
  // Attached to the primary image when not empty: a TIFF block (optionally
  // after "Exif\0\0") to which libheif adds the item's 4-byte offset field,
  // or, with raw_exif, the whole Exif item exactly as given (broken ones too).
  std::string exif;
  bool raw_exif = false;
  // Written as irot/imir (EXIF numbering): a decoder shows the input turned
  // by it (6: rotated 90 degrees clockwise).
  int orientation = 1;
};

// Re-encodes an image file as a colour HEIC with the options; false when no
// HEVC encoder is available.
bool WriteColourHeic(const std::string& in_path, const std::string& out_path,
                     const HeicOptions& options);

// A JPEG of a horizontal grey ramp (value = x * 255 / (width - 1)) with 1
// (grey), 3 (RGB, stored as YCbCr) or 4 (CMYK) components, written with libjpeg.
std::string RampJpeg(int width, int height, int components);

// A colour JPEG (YCbCr 4:2:0) of a fixed pseudo-random texture, baseline or
// progressive: every row and column decodes differently.
std::string TexturedJpeg(int width, int height, bool progressive);

// Pastes an image file, scaled by `scale` (area interpolation), at (x, y) on
// a canvas_w x canvas_h grey canvas with a fixed mottled texture (a video
// frame of a room with a small label in it), written to out_path.
bool WritePastedSmall(const std::string& in_path, double scale, int canvas_w, int canvas_h, int x,
                      int y, const std::string& out_path);

// Rotates an image file by 90, 180 or 270 degrees into out_path (PNG).
bool WriteRotated(const std::string& in_path, int degrees, const std::string& out_path);

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_SYNTHETIC_LABEL_H_
