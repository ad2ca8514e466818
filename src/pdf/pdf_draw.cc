#include "pdf/pdf_draw.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdlib>

namespace parcelproof::pdf {
namespace {

const char kSans[] = "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC, DejaVu Sans";
const double kKeyWidth = 112;
const double kMaxPictureHeight = 250;

void SetRgb(cairo_t* cr, uint32_t rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                       (rgb & 0xff) / 255.0);
}

// A laid-out paragraph; the caller unrefs it.
PangoLayout* Text(cairo_t* cr, const std::string& text, double size, bool bold, double width,
                  const char* family = kSans) {
  PangoLayout* l = pango_cairo_create_layout(cr);
  PangoFontDescription* fd = pango_font_description_from_string(family);
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
  return l;
}

double Height(PangoLayout* l) {
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double Draw(cairo_t* cr, PangoLayout* l, double x, double y, uint32_t rgb, bool paint) {
  double h = Height(l);
  if (paint) {
    SetRgb(cr, rgb);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
  }
  g_object_unref(l);
  return h;
}

double Size(Block::Kind k) {
  switch (k) {
    case Block::Kind::kTitle:
      return 15;
    case Block::Kind::kHeading:
      return 12;
    case Block::Kind::kMono:
    case Block::Kind::kSmall:
      return 7.5;
    default:
      return 9;
  }
}

void PictureSize(const Picture& p, const Frame& f, double* w, double* h) {
  *w = f.width;
  *h = p.height > 0 && p.width > 0 ? f.width * p.height / p.width : 0;
  if (*h > kMaxPictureHeight) {
    *w *= kMaxPictureHeight / *h;
    *h = kMaxPictureHeight;
  }
}

void DrawOutlines(cairo_t* cr, const Picture& p, double x, double y, double scale) {
  for (const Outline& o : p.outlines) {
    cairo_new_path(cr);
    for (int k = 0; k < 4; ++k) cairo_line_to(cr, x + o.x[k] * scale, y + o.y[k] * scale);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 3.2);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_stroke_preserve(cr);
    cairo_set_line_width(cr, 1.6);
    SetRgb(cr, o.rgb);
    cairo_stroke(cr);
    double minx = o.x[0], miny = o.y[0], maxy = o.y[0];
    for (int k = 1; k < 4; ++k) {
      minx = std::min(minx, o.x[k]), miny = std::min(miny, o.y[k]), maxy = std::max(maxy, o.y[k]);
    }
    PangoLayout* l = Text(cr, o.label, 7, true, 200);
    int lw = 0, lh = 0;
    pango_layout_get_pixel_size(l, &lw, &lh);
    double bx = std::clamp(x + minx * scale, x, x + p.width * scale - lw - 4);
    double by = y + miny * scale - lh - 3;
    if (by < y) by = y + maxy * scale + 2;
    cairo_rectangle(cr, bx, by, lw + 4, lh + 1);
    SetRgb(cr, o.rgb);
    cairo_fill(cr);
    Draw(cr, l, bx + 2, by, 0xffffff, true);
  }
}

double DoPicture(cairo_t* cr, const Block& b, const Frame& f, double y, bool paint) {
  double w = 0, h = 0;
  PictureSize(b.picture, f, &w, &h);
  double cap = Draw(cr, Text(cr, b.text, Size(Block::Kind::kSmall), false, f.width), f.left,
                    y + h + 3, 0x333333, paint);
  if (paint && h > 0) {
    const Picture& p = b.picture;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, p.width, p.height);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    bool have_pixels = p.rgb.size() == static_cast<size_t>(p.width) * p.height * 3;
    for (int r = 0; have_pixels && r < p.height; ++r) {
      auto* row = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(r) * stride);
      const uint8_t* src = &p.rgb[static_cast<size_t>(r) * p.width * 3];
      for (int c = 0; c < p.width; ++c) {
        row[c] = 0xff000000u | (src[3 * c] << 16) | (src[3 * c + 1] << 8) | src[3 * c + 2];
      }
    }
    cairo_surface_mark_dirty(img);
    // The PDF embeds the JPEG's own bytes (a DCT stream), not the pixels.
    auto* copy = p.jpeg.empty() ? nullptr : static_cast<unsigned char*>(std::malloc(p.jpeg.size()));
    if (copy) {
      std::copy(p.jpeg.begin(), p.jpeg.end(), copy);
      cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, copy, p.jpeg.size(), std::free, copy);
    }
    double scale = w / p.width;
    cairo_save(cr);
    cairo_translate(cr, f.left, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    DrawOutlines(cr, p, f.left, y, scale);
  }
  return h + 3 + cap + 10;
}

double DoBlock(cairo_t* cr, const Block& b, const Frame& f, double y, bool paint) {
  double pad = b.boxed ? 4 : 0;
  double x = f.left + pad, width = f.width - 2 * pad;
  double h = 0;
  switch (b.kind) {
    case Block::Kind::kPicture:
      return DoPicture(cr, b, f, y, paint);
    case Block::Kind::kKeyValue: {
      if (paint && b.boxed) {
        cairo_rectangle(cr, f.left, y, f.width, MeasureBlock(cr, b, f));
        cairo_set_source_rgb(cr, 0.95, 0.96, 0.98);
        cairo_fill(cr);
      }
      double kh = Draw(cr, Text(cr, b.key, 9, true, kKeyWidth - 6), x, y + 2, 0x444444, paint);
      double vh = Draw(cr, Text(cr, b.text, 9, b.bold, width - kKeyWidth), x + kKeyWidth, y + 2,
                       b.rgb, paint);
      return std::max(kh, vh) + 4;
    }
    case Block::Kind::kMono:
      h = Draw(cr, Text(cr, b.text, Size(b.kind), false, width, "DejaVu Sans Mono"), x, y, b.rgb,
               paint);
      return h + 4;
    default: {
      bool bold = b.bold || b.kind == Block::Kind::kTitle || b.kind == Block::Kind::kHeading;
      double before = b.kind == Block::Kind::kHeading ? 10 : 0;
      h = Draw(cr, Text(cr, b.text, Size(b.kind), bold, width), x, y + before, b.rgb, paint);
      return before + h + (b.kind == Block::Kind::kTitle ? 8 : 4);
    }
  }
}

}  // namespace

void SetPdfMode(cairo_t* cr, bool pdf) {
  cairo_font_options_t* o = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(o, pdf ? CAIRO_HINT_STYLE_NONE : CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias(o, pdf ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options(cr, o);
  cairo_font_options_destroy(o);
}

double MeasureBlock(cairo_t* cr, const Block& block, const Frame& frame) {
  return DoBlock(cr, block, frame, 0, false);
}

double DrawBlock(cairo_t* cr, const Block& block, const Frame& frame, double y) {
  return DoBlock(cr, block, frame, y, true);
}

void DrawFooter(cairo_t* cr, const std::string& footer, int page, const Frame& f) {
  std::string text =
      footer + (footer.empty() ? "" : "  \xc2\xb7  ") + "page " + std::to_string(page);
  Draw(cr, Text(cr, text, 7, false, f.width), f.left, f.bottom + 14, 0x666666, true);
}

}  // namespace parcelproof::pdf
