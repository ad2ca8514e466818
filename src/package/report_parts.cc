#include "package/report_parts.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace parcelproof::package {
namespace {

using nlohmann::json;

struct Symbol {
  std::string text, format;
  double x[4] = {}, y[4] = {};
};

struct Overlay {
  double width = 0, height = 0;
  std::vector<Symbol> symbols;
};

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

// Reads width/height and barcodes with corners from the stored metadata.
Overlay ReadOverlay(const std::string& metadata_json) {
  Overlay o;
  try {
    json m = json::parse(metadata_json.empty() ? "{}" : metadata_json);
    // The store keeps the scan as {"scan":{"images":[{width,height,barcodes}]}};
    // flatter shapes ({width,height,barcodes} at the top or under "image") work too.
    std::vector<const json*> holders = {&m};
    if (m.contains("image")) holders.push_back(&m["image"]);
    if (m.contains("scan")) holders.push_back(&m["scan"]);
    if (m.contains("scan") && m["scan"].contains("images") && m["scan"]["images"].is_array() &&
        !m["scan"]["images"].empty()) {
      holders.push_back(&m["scan"]["images"][0]);
    }
    const json* list = nullptr;
    for (const json* j : holders) {
      if (o.width <= 0) o.width = Num(*j, "width");
      if (o.height <= 0) o.height = Num(*j, "height");
      if (!list && j->is_object() && j->contains("barcodes") && (*j)["barcodes"].is_array() &&
          !(*j)["barcodes"].empty() && (*j)["barcodes"][0].is_object()) {
        list = &(*j)["barcodes"];
      }
    }
    if (!list) return o;
    for (const json& b : *list) {
      if (!b.is_object() || !b.contains("corners") || !b["corners"].is_array() ||
          b["corners"].size() != 4)
        continue;
      Symbol s;
      s.text = b.value("text", "");
      s.format = b.value("format", "");
      bool ok = true;
      for (int k = 0; k < 4; ++k) ok = ok && ReadCorner(b["corners"][k], &s.x[k], &s.y[k]);
      if (ok) o.symbols.push_back(s);
    }
  } catch (const json::exception&) {
  }
  return o;
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string SvgOverlay(const Overlay& o) {
  if (o.width <= 0 || o.height <= 0 || o.symbols.empty()) return "";
  double font = std::max(12.0, o.width / 40);
  std::string s = "<svg viewBox=\"0 0 " + Fmt(o.width) + " " + Fmt(o.height) +
                  "\" preserveAspectRatio=\"none\">";
  for (const Symbol& b : o.symbols) {
    std::string pts;
    for (int k = 0; k < 4; ++k) pts += Fmt(b.x[k]) + "," + Fmt(b.y[k]) + " ";
    s += "<polygon points=\"" + pts +
         "\" fill=\"rgba(255,0,0,0.12)\" stroke=\"red\" "
         "stroke-width=\"" +
         Fmt(font / 4) + "\"/>";
    s += "<text x=\"" + Fmt(b.x[0]) + "\" y=\"" + Fmt(std::max(font, b.y[0] - font / 3)) +
         "\" font-size=\"" + Fmt(font) + "\" fill=\"red\" stroke=\"white\" stroke-width=\"" +
         Fmt(font / 12) + "\">" + Esc(b.format + ": " + b.text) + "</text>";
  }
  return s + "</svg>";
}

std::string ShortTime(const PackageItem& it) {
  return it.capture_time.empty() ? "capture time unknown"
                                 : it.capture_time + " (" + it.capture_time_source + ")";
}

}  // namespace

std::string Esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Link(const std::string& path) {
  return "<a href=\"" + Esc(path) + "\">" + Esc(path) + "</a>";
}

bool IsText(const PackageItem& it) {
  const std::string& t = it.media_type;
  return t.rfind("text/", 0) == 0 || t == "application/json" || t == "text/csv";
}

std::string PhotoSection(const PackageModel& m) {
  std::string h =
      "<h2>Photos</h2><p>Each thumbnail opens the original. Decoded barcodes are "
      "outlined in red and labelled.</p><div class=\"grid\">";
  for (size_t i = 0; i < m.items.size(); ++i) {
    const PackageItem& it = m.items[i];
    if (it.kind != "image" || it.role == "chat") continue;
    h += "<figure><a href=\"" + Esc(m.paths[i]) +
         "\"><div class=\"ph\"><img loading=\"lazy\" src=\"" +
         Esc(m.thumbs[i].empty() ? m.paths[i] : m.thumbs[i]) + "\" alt=\"" + Esc(it.role) +
         " photo\">" + SvgOverlay(ReadOverlay(it.metadata_json)) + "</div></a><figcaption><b>" +
         Esc(it.role) + "</b> " + Esc(ShortTime(it)) + "<br>" + Esc(m.paths[i]) +
         "<br>sha256 <code>" + Esc(it.sha256) + "</code>";
    for (const std::string& b : it.barcodes) h += "<br>barcode: <code>" + Esc(b) + "</code>";
    h += "</figcaption></figure>";
  }
  return h + "</div>";
}

std::string OtherFilesSection(const PackageModel& m) {
  std::string rows;
  for (size_t i = 0; i < m.items.size(); ++i) {
    const PackageItem& it = m.items[i];
    if (it.kind == "image" && it.role != "chat") continue;
    rows += "<tr><td>" + Link(m.paths[i]) + "</td><td>" + Esc(it.role) + "</td><td>" +
            Esc(ShortTime(it)) + "</td><td><code>" + Esc(it.sha256) + "</code></td></tr>";
  }
  std::string h = "<h2>Videos and documents</h2>";
  if (rows.empty()) return h + "<p>None in this package.</p>";
  return h + "<table><tr><th>File</th><th>Role</th><th>Captured</th><th>SHA-256</th></tr>" + rows +
         "</table>";
}

}  // namespace parcelproof::package
