// Finding and reading the ship-to block in the frame of the tracking barcode.
#ifndef PARCELPROOF_SCAN_SHIP_TO_LOCATE_H_
#define PARCELPROOF_SCAN_SHIP_TO_LOCATE_H_

#include <array>
#include <string>

#include "core/gray_pixels.h"
#include "ocr/ocr.h"
#include "parcelproof/scan.h"
#include "scan/image_source.h"

namespace parcelproof {

struct LocatedBlock {
  bool found = false;               // a block of text lines was chosen
  bool readable = false;            // and OCR read it in a script it has data for
  std::array<PointF, 4> corners{};  // the block in the upright image
  std::string script;               // "Latin", "Cyrillic", or what OSD saw
  std::string why;                  // when not found or not readable; else a remark or empty
  OcrText text;
  GrayPixels crop;  // the upright block as OCR saw it (for PP_OCR_DUMP)
};

// Looks around the barcode whose upright corners are `anchor` (tl, tr, br,
// bl): the label is taken to be upright when the barcode reads left to
// right. The block headed by a ship-to cue ("SHIP TO", "Empfänger",
// "Получатель", ...) wins; else the block that parses as an address.
// `barcode_country` (ISO 3166-1 alpha-2, or empty) is the destination a
// barcode on the label names: a country that writes Cyrillic has the block
// read in Russian first.
LocatedBlock LocateShipTo(ImageSource* source, const std::array<PointF, 4>& anchor,
                          const std::string& barcode_country = "");

// The part of `p` (a block crop) around the line read there, padded.
GrayPixels SubPicture(const GrayPixels& p, const OcrLine& l);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_SHIP_TO_LOCATE_H_
