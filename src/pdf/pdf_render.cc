// Document -> pages with Cairo and Pango: a single flowing column; a block
// that does not fit starts a new page, a heading moves with what follows it.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "pdf/pdf_doc.h"
#include "pdf/pdf_draw.h"

namespace parcelproof::pdf {
namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void PaperSize(Paper paper, double* w, double* h) {
  *w = paper == Paper::kA4 ? 595.28 : 612.0;
  *h = paper == Paper::kA4 ? 841.89 : 792.0;
}

// Lays the blocks out on pages; begin_page gives the context of a new page,
// end_page finishes it.
Status Flow(const Document& doc, Paper paper, const std::function<cairo_t*()>& begin_page,
            const std::function<Status(cairo_t*)>& end_page, int* pages) {
  double pw = 0, ph = 0;
  PaperSize(paper, &pw, &ph);
  Frame f{40.0, 40.0, pw - 80.0, ph - 40.0 - 36.0};
  int page = 1;
  cairo_t* cr = begin_page();
  double y = f.top;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    double h = MeasureBlock(cr, doc.blocks[i], f);
    if (doc.blocks[i].kind == Block::Kind::kHeading && i + 1 < doc.blocks.size()) {
      // A heading stays with the whole block after it (when that fits a page).
      h = std::min(h + MeasureBlock(cr, doc.blocks[i + 1], f), f.bottom - f.top);
    }
    if (y + h > f.bottom && y > f.top) {
      DrawFooter(cr, doc.footer, page, f);
      PP_RETURN_IF_ERROR(end_page(cr));
      cr = begin_page();
      ++page;
      y = f.top;
    }
    y += DrawBlock(cr, doc.blocks[i], f, y);
  }
  DrawFooter(cr, doc.footer, page, f);
  *pages = page;
  return end_page(cr);
}

}  // namespace

Result<std::string> RenderPdf(const Document& doc, Paper paper, int* pages) {
  int count = 0;
  double pw = 0, ph = 0;
  PaperSize(paper, &pw, &ph);
  std::string out;
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(AppendBytes, &out, pw, ph);
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, doc.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, doc.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "parcelproof");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, doc.created.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, doc.created.c_str());
  cairo_t* cr = cairo_create(s);
  bool for_pdf = true;
  Status st = Flow(
      doc, paper,
      [&]() {
        SetPdfMode(cr, for_pdf);
        return cr;
      },
      [&](cairo_t* c) {
        cairo_show_page(c);
        return Status::Ok();
      },
      &count);
  if (pages) *pages = count;
  cairo_status_t cs = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  if (cs == CAIRO_STATUS_SUCCESS) cs = cairo_surface_status(s);
  cairo_surface_destroy(s);
  PP_RETURN_IF_ERROR(st);
  if (cs != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("summary PDF: cairo: ") + cairo_status_to_string(cs));
  }
  return out;
}

Result<std::vector<std::string>> RenderPng(const Document& doc, Paper paper, int dpi) {
  double pw = 0, ph = 0;
  PaperSize(paper, &pw, &ph);
  double scale = dpi / 72.0;
  std::vector<std::string> pages;
  int count = 0;
  cairo_surface_t* s = nullptr;
  Status st = Flow(
      doc, paper,
      [&]() {
        s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(pw * scale),
                                       static_cast<int>(ph * scale));
        cairo_t* c = cairo_create(s);
        cairo_set_source_rgb(c, 1, 1, 1);
        cairo_paint(c);
        cairo_scale(c, scale, scale);
        SetPdfMode(c, false);
        return c;
      },
      [&](cairo_t* c) {
        cairo_destroy(c);
        std::string png;
        cairo_status_t cs = cairo_surface_write_to_png_stream(s, AppendBytes, &png);
        cairo_surface_destroy(s);
        s = nullptr;
        if (cs != CAIRO_STATUS_SUCCESS) {
          return Status::Internal(std::string("summary PNG: cairo: ") + cairo_status_to_string(cs));
        }
        pages.push_back(std::move(png));
        return Status::Ok();
      },
      &count);
  PP_RETURN_IF_ERROR(st);
  return pages;
}

}  // namespace parcelproof::pdf
