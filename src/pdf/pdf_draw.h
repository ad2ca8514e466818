// Measuring and drawing one block of a Document with Cairo and Pango.
#ifndef PARCELPROOF_PDF_PDF_DRAW_H_
#define PARCELPROOF_PDF_PDF_DRAW_H_

#include <cairo.h>

#include <string>

#include "pdf/pdf_doc.h"

namespace parcelproof::pdf {

// The text column of a page, in points.
struct Frame {
  double left, top, width, bottom;
};

// Font options for vector output (no hinting, so PDF and PNG lay out alike).
void SetPdfMode(cairo_t* cr, bool pdf);
// The height the block takes, spacing included.
double MeasureBlock(cairo_t* cr, const Block& block, const Frame& frame);
// Draws the block with its top at y; returns the height it took.
double DrawBlock(cairo_t* cr, const Block& block, const Frame& frame, double y);
// "footer · page N" at the foot of the page.
void DrawFooter(cairo_t* cr, const std::string& footer, int page, const Frame& frame);

}  // namespace parcelproof::pdf

#endif  // PARCELPROOF_PDF_PDF_DRAW_H_
