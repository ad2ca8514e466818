#include "label.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "barcode_draw.h"
#include "tracking.h"

namespace samplegen {
namespace {

const cv::Scalar kPaper(246, 248, 248);
const cv::Scalar kInk(28, 26, 24);

// Label geometry in 300-dpi units; multiplied by the scale at render time.
struct Layout {
  double u;  // pixels per 300-dpi unit
  int X(double v) const { return static_cast<int>(std::lround(v * u)); }
};

// Prints one line of text, shrinking it to fit `max_width` units.
void Text(cv::Mat* img, const Layout& l, const std::string& s, double x, double baseline,
          double scale, int thick, double max_width, int font = cv::FONT_HERSHEY_SIMPLEX) {
  int base = 0;
  double sc = scale * l.u;
  int th = std::max(1, l.X(thick));
  cv::Size sz = cv::getTextSize(s, font, sc, th, &base);
  if (sz.width > max_width * l.u) sc *= max_width * l.u / sz.width;
  cv::putText(*img, s, cv::Point(l.X(x), l.X(baseline)), font, sc, kInk, th, cv::LINE_AA);
}

void HLine(cv::Mat* img, const Layout& l, double y) {
  cv::rectangle(*img, cv::Rect(l.X(20), l.X(y), l.X(1160), std::max(2, l.X(4))), kInk, cv::FILLED);
}

PlacedBarcode Placed(const std::string& role, const std::string& format, const std::string& text,
                     const cv::Rect& r) {
  PlacedBarcode p;
  p.role = role;
  p.format = format;
  p.text = text;
  p.corners = {cv::Point2f(r.x, r.y), cv::Point2f(r.x + r.width, r.y),
               cv::Point2f(r.x + r.width, r.y + r.height), cv::Point2f(r.x, r.y + r.height)};
  return p;
}

// Draws a centred 1-D symbol using the widest module (<= max_module units)
// that fits the label, with the human-readable line under it.
cv::Rect Linear(cv::Mat* img, const Layout& l, const Symbol& s, double top, double height,
                double max_module, const std::string& hri, double hri_scale) {
  int module = std::max(1, l.X(max_module));
  while (module > 1 && s.modules.cols * module > l.X(1040)) --module;
  int width = s.modules.cols * module;
  cv::Point origin((img->cols - width) / 2, l.X(top));
  cv::Rect r = DrawSymbol(s, origin, module, l.X(height), kInk, img);
  int base = 0;
  int th = std::max(1, l.X(2));
  cv::Size sz = cv::getTextSize(hri, cv::FONT_HERSHEY_SIMPLEX, hri_scale * l.u, th, &base);
  cv::putText(*img, hri, cv::Point((img->cols - sz.width) / 2, r.br().y + l.X(12) + sz.height),
              cv::FONT_HERSHEY_SIMPLEX, hri_scale * l.u, kInk, th, cv::LINE_AA);
  return r;
}

void Header(cv::Mat* img, const Layout& l, const LabelContent& c) {
  Text(img, l, c.carrier, 50, 115, 2.4, 6, 820, cv::FONT_HERSHEY_DUPLEX);
  Text(img, l, c.service, 52, 160, 0.95, 2, 820);
  cv::rectangle(*img, cv::Rect(l.X(1020), l.X(40), l.X(130), l.X(125)), kInk, l.X(6));
  Text(img, l, c.service_mark, 1045, 140, 2.6, 7, 90, cv::FONT_HERSHEY_DUPLEX);
  HLine(img, l, 180);
}

void Addresses(cv::Mat* img, const Layout& l, const LabelContent& c) {
  Text(img, l, "FROM:", 50, 225, 0.8, 2, 200);
  for (size_t i = 0; i < c.sender.size() && i < 5; ++i) {
    Text(img, l, c.sender[i], 160, 225 + 34.0 * i, 0.8, 2, 960);
  }
  HLine(img, l, 400);
  Text(img, l, "SHIP TO:", 50, 455, 0.9, 2, 200);
  for (size_t i = 0; i < c.recipient.size() && i < 7; ++i) {
    Text(img, l, c.recipient[i], 50, 510 + 48.0 * i, 1.15, 3, 680);
  }
}

PlacedBarcode Code2d(cv::Mat* img, const Layout& l, const LabelContent& c) {
  Symbol s = EncodeSymbol(c.code2d_format, c.code2d_text);
  int module = std::max(2, l.X(350) / s.modules.cols);
  int size = module * s.modules.cols;
  cv::Point origin(l.X(1140) - size, l.X(440));  // a quiet zone of 3+ modules
  cv::Rect r = DrawSymbol(s, origin, module, 0, kInk, img);
  return Placed("address", c.code2d_format, c.code2d_text, r);
}

}  // namespace

RenderedLabel RenderLabel(const LabelContent& c, double dpi) {
  Layout l{dpi / 300.0};
  RenderedLabel out;
  out.image = cv::Mat(l.X(1800), l.X(1200), CV_8UC3, kPaper);
  cv::Mat* img = &out.image;
  cv::rectangle(*img, cv::Rect(l.X(12), l.X(12), l.X(1176), l.X(1776)), kInk, l.X(5));
  Header(img, l, c);
  Addresses(img, l, c);
  out.barcodes.push_back(Code2d(img, l, c));
  HLine(img, l, 830);

  Symbol routing = EncodeSymbol("Code128", c.routing);
  cv::Rect rr = Linear(img, l, routing, 870, 130, 4, c.routing, 0.9);
  out.barcodes.push_back(Placed("routing", "Code128", c.routing, rr));

  std::string gs1_text = c.gs1_ai + c.gs1_value;
  Symbol gs1 = EncodeSymbol("Code128", "\xC3\xB1" + gs1_text);
  // X = 0.42 mm at most: carrier labels print the ship-to code a little under
  // the GS1 logistic-label minimum of 0.495 mm.
  cv::Rect gr = Linear(img, l, gs1, 1075, 120, 5, "(" + c.gs1_ai + ") " + c.gs1_value, 0.9);
  out.barcodes.push_back(Placed("gs1", "Code128", gs1_text, gr));
  HLine(img, l, 1265);

  Symbol tracking = EncodeSymbol("Code128", c.tracking);
  cv::Rect tr = Linear(img, l, tracking, 1310, 240, 5, HumanReadable(c.tracking), 1.3);
  out.barcodes.push_back(Placed("tracking", "Code128", c.tracking, tr));
  HLine(img, l, 1640);
  for (size_t i = 0; i < c.footer.size() && i < 3; ++i) {
    Text(img, l, c.footer[i], 50, 1690 + 36.0 * i, 0.8, 2, 1100);
  }
  if (c.decorate) c.decorate(img, dpi);
  return out;
}

}  // namespace samplegen
