// Barcode overlays of report.html: every decoded symbol outlined as a full
// quadrilateral, numbered, coloured by what it means for this order, its
// payload shown with visible control characters and structured fields.
#ifndef PARCELPROOF_PACKAGE_REPORT_OVERLAY_H_
#define PARCELPROOF_PACKAGE_REPORT_OVERLAY_H_

#include <string>
#include <utility>
#include <vector>

#include "parcelproof/order.h"

namespace parcelproof::package {

enum class CodeMeaning { kThisOrder, kOtherParcel, kOther };

struct OverlaySymbol {
  std::string text, format;
  double x[4] = {}, y[4] = {};
  std::vector<std::string> tracking;                        // tracking numbers it holds
  std::vector<std::pair<std::string, std::string>> fields;  // payload fields, in order
  CodeMeaning meaning = CodeMeaning::kOther;
};

struct Overlay {
  double width = 0, height = 0;
  std::vector<OverlaySymbol> symbols;
};

// Width, height and barcodes (with corners) of an item's stored metadata,
// each classified against the order's tracking numbers. A 1-D symbol given
// as a line (or a sliver) becomes a rectangle around it.
Overlay ReadOverlay(const std::string& metadata_json, const Order& order);

// Control characters as visible symbols (GS -> U+241D, RS -> U+241E, EOT ->
// U+2404, any C0 -> U+2400 + c, DEL -> U+2421); other text unchanged.
std::string VisibleText(const std::string& text);

// "this order's tracking number", "another parcel's tracking number", "other code".
const char* MeaningName(CodeMeaning meaning);
// "#1a7f37" (green), "#c62828" (red), "#1565c0" (blue).
const char* MeaningColour(CodeMeaning meaning);

// The SVG drawn over a thumbnail (viewBox in image pixels): outlines and
// numbered labels on a contrasting background beside each symbol. "" when
// there is nothing to draw.
std::string OverlaySvg(const Overlay& overlay);
// Text safe to show anywhere: control characters other than newline and
// tab as visible symbols (as VisibleText), and bidirectional overrides and
// isolates (U+202A..U+202E, U+2066..U+2069) as "[U+202E]", so that no name
// can reorder or hide what is shown around it.
std::string SafeText(const std::string& text);

// The numbered list under a photo: format, meaning, visible text, fields.
std::string SymbolList(const Overlay& overlay);
// The colour legend.
std::string OverlayLegend();

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_OVERLAY_H_
