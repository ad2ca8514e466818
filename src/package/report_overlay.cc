#include "package/report_overlay.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

using nlohmann::json;

double Num(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0;
}

bool ReadCorner(const json& c, double* x, double* y) {
  if (c.is_array() && c.size() == 2 && c[0].is_number() && c[1].is_number()) {
    *x = c[0].get<double>();
    *y = c[1].get<double>();
    return true;
  }
  if (c.is_object() && c.contains("x") && c.contains("y")) {
    *x = Num(c, "x");
    *y = Num(c, "y");
    return true;
  }
  return false;
}

std::string Normal(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Tracking numbers of a scheme that names one parcel.
void AddTracking(const json& t, OverlaySymbol* s, bool* parcel_scheme) {
  if (!t.is_object() || !t.contains("number") || !t["number"].is_string()) return;
  s->tracking.push_back(t["number"].get<std::string>());
  std::string scheme = t.value("scheme", "");
  if (scheme == "UPU S10" || scheme == "UPS 1Z" || scheme == "MH10.8.3") *parcel_scheme = true;
}

void AddFields(const json& obj, const std::string& prefix, OverlaySymbol* s) {
  if (!obj.is_object()) return;
  for (const auto& [k, v] : obj.items()) {
    s->fields.emplace_back(prefix + k, v.is_string() ? v.get<std::string>() : v.dump());
  }
}

// JSON objects and key=value lists (separated by &, ; or newlines) as fields.
void FieldsFromText(const std::string& text, OverlaySymbol* s) {
  json j = json::parse(text, nullptr, false);
  if (j.is_object()) return AddFields(j, "", s);
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("&;\n", start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0) return;
    pairs.emplace_back(part.substr(0, eq), part.substr(eq + 1));
    start = end + 1;
  }
  if (pairs.size() >= 2) s->fields = pairs;
}

CodeMeaning Classify(const OverlaySymbol& s, bool parcel_scheme, const Order& order) {
  std::vector<std::string> mine;
  for (const TrackingNumber& t : order.tracking) mine.push_back(Normal(t.number));
  auto is_mine = [&](const std::string& n) {
    return std::find(mine.begin(), mine.end(), Normal(n)) != mine.end();
  };
  if (is_mine(s.text)) return CodeMeaning::kThisOrder;
  for (const std::string& t : s.tracking) {
    if (is_mine(t)) return CodeMeaning::kThisOrder;
  }
  if (parcel_scheme) return CodeMeaning::kOtherParcel;
  // A payload that carries the order's number (MH10.8.3, JSON) names this parcel.
  std::string text = Normal(s.text);
  for (const std::string& m : mine) {
    if (m.size() >= 8 && text.find(m) != std::string::npos) return CodeMeaning::kThisOrder;
  }
  return CodeMeaning::kOther;
}

// A symbol given as a line or a sliver becomes a rectangle around its axis.
void Thicken(OverlaySymbol* s) {
  auto dist = [](double ax, double ay, double bx, double by) {
    return std::hypot(ax - bx, ay - by);
  };
  double len =
      std::max(dist(s->x[0], s->y[0], s->x[1], s->y[1]), dist(s->x[3], s->y[3], s->x[2], s->y[2]));
  double h = dist((s->x[0] + s->x[1]) / 2, (s->y[0] + s->y[1]) / 2, (s->x[3] + s->x[2]) / 2,
                  (s->y[3] + s->y[2]) / 2);
  if (len <= 0 || h >= 0.15 * len) return;
  double c0x = (s->x[0] + s->x[3]) / 2, c0y = (s->y[0] + s->y[3]) / 2;
  double c1x = (s->x[1] + s->x[2]) / 2, c1y = (s->y[1] + s->y[2]) / 2;
  double d = dist(c0x, c0y, c1x, c1y);
  if (d <= 0) return;
  double nx = -(c1y - c0y) / d, ny = (c1x - c0x) / d;
  double half = std::max({0.15 * len, 8.0, h / 2});
  s->x[0] = c0x - nx * half, s->y[0] = c0y - ny * half;
  s->x[1] = c1x - nx * half, s->y[1] = c1y - ny * half;
  s->x[2] = c1x + nx * half, s->y[2] = c1y + ny * half;
  s->x[3] = c0x + nx * half, s->y[3] = c0y + ny * half;
}

bool ReadSymbol(const json& b, const Order& order, OverlaySymbol* s) {
  if (!b.is_object() || !b.contains("corners") || !b["corners"].is_array() ||
      b["corners"].size() != 4)
    return false;
  for (int k = 0; k < 4; ++k) {
    if (!ReadCorner(b["corners"][k], &s->x[k], &s->y[k])) return false;
  }
  s->text = b.contains("text") && b["text"].is_string() ? b["text"].get<std::string>() : "";
  s->format = b.contains("format") && b["format"].is_string() ? b["format"].get<std::string>() : "";
  bool parcel_scheme = false;
  if (b.contains("tracking")) AddTracking(b["tracking"], s, &parcel_scheme);
  if (b.contains("more_tracking") && b["more_tracking"].is_array()) {
    for (const json& t : b["more_tracking"]) AddTracking(t, s, &parcel_scheme);
  }
  if (b.contains("fields")) AddFields(b["fields"], "", s);
  if (b.contains("gs1")) AddFields(b["gs1"], "GS1 ", s);
  if (s->fields.empty()) FieldsFromText(s->text, s);
  s->meaning = Classify(*s, parcel_scheme, order);
  Thicken(s);
  return true;
}

// The objects that may hold width, height and barcodes: the store keeps the
// scan as {"scan":{"images":[{...}]}}; flatter shapes work too.
std::vector<const json*> Holders(const json& m) {
  std::vector<const json*> h = {&m};
  if (!m.is_object()) return h;
  if (m.contains("image")) h.push_back(&m["image"]);
  if (m.contains("still")) h.push_back(&m["still"]);
  if (m.contains("scan")) {
    h.push_back(&m["scan"]);
    const json& sc = m["scan"];
    if (sc.is_object() && sc.contains("images") && sc["images"].is_array() &&
        !sc["images"].empty()) {
      h.push_back(&sc["images"][0]);
    }
  }
  return h;
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Cuts UTF-8 text to at most n code points, adding an ellipsis.
std::string Shorten(const std::string& s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) continue;
    if (count++ == n) return s.substr(0, i) + "\xe2\x80\xa6";
  }
  return s;
}

std::string LabelFor(const OverlaySymbol& s, size_t n) {
  std::string what = !s.tracking.empty() ? s.tracking[0] : s.format;
  return std::to_string(n) + " " + Shorten(VisibleText(what), 22);
}

std::string SymbolSvg(const OverlaySymbol& s, size_t n, const Overlay& o, double font) {
  std::string colour = MeaningColour(s.meaning);
  std::string pts;
  double minx = s.x[0], maxx = s.x[0], miny = s.y[0], maxy = s.y[0];
  for (int k = 0; k < 4; ++k) {
    pts += Fmt(s.x[k]) + "," + Fmt(s.y[k]) + " ";
    minx = std::min(minx, s.x[k]), maxx = std::max(maxx, s.x[k]);
    miny = std::min(miny, s.y[k]), maxy = std::max(maxy, s.y[k]);
  }
  std::string out = "<g class=\"code\"><polygon points=\"" + pts +
                    "\" fill=\"none\" stroke=\"#fff\" stroke-width=\"" + Fmt(font / 3) + "\"/>" +
                    "<polygon points=\"" + pts + "\" fill=\"" + colour +
                    "\" fill-opacity=\"0.15\" stroke=\"" + colour + "\" stroke-width=\"" +
                    Fmt(font / 6) + "\"/>";
  std::string label = LabelFor(s, n);
  size_t chars = 0;
  for (unsigned char c : label) chars += (c & 0xc0) != 0x80;
  double bw = chars * font * 0.62 + font * 0.6, bh = font * 1.35;
  double bx = std::clamp(minx, 0.0, std::max(0.0, o.width - bw));
  double by = miny - bh - font * 0.3;  // above the symbol, else below, else at the top
  if (by < 0) by = maxy + font * 0.3;
  if (by + bh > o.height) by = 0;
  out += "<rect x=\"" + Fmt(bx) + "\" y=\"" + Fmt(by) + "\" width=\"" + Fmt(bw) + "\" height=\"" +
         Fmt(bh) + "\" rx=\"" + Fmt(font / 5) + "\" fill=\"" + colour +
         "\" stroke=\"#fff\" stroke-width=\"" + Fmt(font / 10) + "\"/>";
  out += "<text x=\"" + Fmt(bx + font * 0.3) + "\" y=\"" + Fmt(by + font * 1.02) +
         "\" font-size=\"" + Fmt(font) + "\" font-family=\"sans-serif\" fill=\"#fff\">" +
         Esc(label) + "</text></g>";
  return out;
}

}  // namespace

Overlay ReadOverlay(const std::string& metadata_json, const Order& order) {
  Overlay o;
  json m = json::parse(metadata_json.empty() ? "{}" : metadata_json, nullptr, false);
  if (m.is_discarded()) return o;
  const json* list = nullptr;
  for (const json* j : Holders(m)) {
    if (o.width <= 0) o.width = Num(*j, "width");
    if (o.height <= 0) o.height = Num(*j, "height");
    if (!list && j->is_object() && j->contains("barcodes") && (*j)["barcodes"].is_array() &&
        !(*j)["barcodes"].empty() && (*j)["barcodes"][0].is_object()) {
      list = &(*j)["barcodes"];
    }
  }
  if (!list) return o;
  for (const json& b : *list) {
    OverlaySymbol s;
    if (ReadSymbol(b, order, &s)) o.symbols.push_back(std::move(s));
  }
  return o;
}

std::string VisibleText(const std::string& text) {
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      unsigned cp = c == 0x7f ? 0x2421 : 0x2400 + c;  // U+2400..U+241F, U+2421
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += ch;
    }
  }
  return out;
}

std::string SafeText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      out += VisibleText(std::string(1, text[i]));
      continue;
    }
    if (c == 0xe2 && i + 2 < text.size()) {
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
      unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
      bool embed = b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae;    // U+202A..U+202E
      bool isolate = b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9;  // U+2066..U+2069
      if (embed || isolate) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "[U+%04X]", 0x2000 + ((b1 & 0x3f) << 6) + (b2 & 0x3f));
        out += buf;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

const char* MeaningName(CodeMeaning m) {
  switch (m) {
    case CodeMeaning::kThisOrder:
      return "this order's tracking number";
    case CodeMeaning::kOtherParcel:
      return "another parcel's tracking number";
    default:
      return "other code";
  }
}

const char* MeaningColour(CodeMeaning m) {
  switch (m) {
    case CodeMeaning::kThisOrder:
      return "#1a7f37";
    case CodeMeaning::kOtherParcel:
      return "#c62828";
    default:
      return "#1565c0";
  }
}

std::string OverlaySvg(const Overlay& o) {
  if (o.width <= 0 || o.height <= 0 || o.symbols.empty()) return "";
  double font = std::max(14.0, std::max(o.width, o.height) / 28);
  std::string s = "<svg viewBox=\"0 0 " + Fmt(o.width) + " " + Fmt(o.height) +
                  "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"decoded barcodes\">";
  for (size_t i = 0; i < o.symbols.size(); ++i) s += SymbolSvg(o.symbols[i], i + 1, o, font);
  return s + "</svg>";
}

std::string SymbolList(const Overlay& o) {
  if (o.symbols.empty()) return "";
  std::string h = "<ol class=\"codes\">";
  for (const OverlaySymbol& s : o.symbols) {
    h += "<li><span class=\"sw\" style=\"background:" + std::string(MeaningColour(s.meaning)) +
         "\"></span><b>" + Esc(s.format) + "</b>, " + Esc(MeaningName(s.meaning)) + ": <code>" +
         Esc(VisibleText(s.text)) + "</code>";
    if (!s.fields.empty()) {
      h += "<table class=\"fields\">";
      for (const auto& [k, v] : s.fields) {
        h += "<tr><th>" + Esc(VisibleText(k)) + "</th><td>" + Esc(VisibleText(v)) + "</td></tr>";
      }
      h += "</table>";
    }
    h += "</li>";
  }
  return h + "</ol>";
}

std::string OverlayLegend() {
  std::string h = "<p class=\"legend\">Outlines: ";
  const char* sep = "";
  for (CodeMeaning m : {CodeMeaning::kThisOrder, CodeMeaning::kOtherParcel, CodeMeaning::kOther}) {
    h += sep;
    h += "<span class=\"sw\" style=\"background:" + std::string(MeaningColour(m)) + "\"></span>" +
         Esc(MeaningName(m));
    sep = ", ";
  }
  return h +
         ". Control characters in payloads are shown as symbols (&#x241D; group separator, "
         "&#x241E; record separator, &#x2404; end of transmission).</p>";
}

}  // namespace parcelproof::package
