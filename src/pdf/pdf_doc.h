// A simple flowing document (headings, text, key-value rows, monospace
// lines, pictures with outlined regions) rendered with Cairo and Pango to a
// PDF with embedded font subsets, or to PNG pages. Std-only types; only
// src/pdf/ includes Cairo and Pango. Deterministic: the same document and
// creation time give the same bytes.
#ifndef PARCELPROOF_PDF_PDF_DOC_H_
#define PARCELPROOF_PDF_PDF_DOC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::pdf {

// A region of a picture (in its pixels) outlined in a colour, with a label.
struct Outline {
  double x[4] = {}, y[4] = {};
  uint32_t rgb = 0xc62828;
  std::string label;
};

struct Picture {
  std::string jpeg;          // embedded as it is in PDFs (DCT stream)
  std::vector<uint8_t> rgb;  // the same picture decoded, width*height*3 (PNG pages)
  int width = 0, height = 0;
  std::vector<Outline> outlines;
};

struct Block {
  enum class Kind { kTitle, kHeading, kText, kKeyValue, kMono, kPicture, kSmall };
  Kind kind = Kind::kText;
  std::string text;    // UTF-8, drawn as plain text (never markup)
  std::string key;     // kKeyValue: the key; text is the value
  uint32_t rgb = 0;    // text colour (value colour for kKeyValue)
  bool bold = false;   // kText and kKeyValue value
  Picture picture;     // kPicture; text is its caption
  bool boxed = false;  // drawn inside the summary frame (consecutive boxed blocks share it)
};

struct Document {
  std::string title, author, subject;
  std::string created;  // "2026-03-05T12:00:00Z": PDF CreationDate and ModDate
  std::string footer;   // small line at the foot of every page, before "page N"
  std::vector<Block> blocks;
};

enum class Paper { kA4, kLetter };

// The PDF (fonts embedded as subsets); *pages (optional) gets the page
// count. Internal on a Cairo error.
Result<std::string> RenderPdf(const Document& doc, Paper paper, int* pages = nullptr);

// Each page as a PNG at dpi dots per inch.
Result<std::vector<std::string>> RenderPng(const Document& doc, Paper paper, int dpi);

}  // namespace parcelproof::pdf

#endif  // PARCELPROOF_PDF_PDF_DOC_H_
