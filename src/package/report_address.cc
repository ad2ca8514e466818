#include "package/report_address.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "package/report_parts.h"

namespace parcelproof::package {
namespace {

using nlohmann::json;

// The first scanned image's "address" object in an item's stored metadata.
json ReadAddress(const PackageItem& item, int* width, int* height) {
  json meta = json::parse(item.metadata_json, nullptr, false);
  if (!meta.is_object() || !meta.contains("scan")) return json();
  const json& images = meta["scan"].value("images", json::array());
  if (!images.is_array() || images.empty() || !images[0].is_object()) return json();
  *width = images[0].value("width", 0);
  *height = images[0].value("height", 0);
  json a = images[0].value("address", json());
  return a.is_object() ? a : json();
}

std::string Conf(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string Outline(const std::string& src, const json& corners, int w, int h) {
  std::string pts;
  for (const json& p : corners) {
    if (p.is_array() && p.size() == 2 && p[0].is_number() && p[1].is_number())
      pts += std::to_string(p[0].get<long>()) + "," + std::to_string(p[1].get<long>()) + " ";
  }
  return "<div class=\"ph\"><img src=\"" + Esc(src) + "\" alt=\"label photo\"><svg viewBox=\"0 0 " +
         std::to_string(w) + " " + std::to_string(h) +
         "\" preserveAspectRatio=\"none\"><polygon points=\"" + pts +
         "\" fill=\"none\" stroke=\"#06c\" stroke-width=\"" + std::to_string(std::max(2, w / 200)) +
         "\"/></svg></div>";
}

std::string Street(const Address& a) {
  std::string out;
  for (const std::string& l : a.lines) out += (out.empty() ? "" : ", ") + l;
  return out;
}

std::string FieldRows(const json& fields, const Address& order) {
  const std::pair<const char*, std::string> rows[] = {
      {"recipient", order.name}, {"street", Street(order)},          {"city", order.city},
      {"region", order.region},  {"postal_code", order.postal_code}, {"country", order.country}};
  std::string h;
  for (const auto& [name, expected] : rows) {
    const json& f = fields.value(name, json());
    std::string read = f.is_object() ? f.value("value", "") : "";
    if (read.empty() && expected.empty()) continue;
    std::string conf =
        f.is_object() ? " <small>(" + Conf(f.value("confidence", 0.0)) + ")</small>" : "";
    h += "<tr><th>" + Esc(name) + "</th><td>" + Esc(read) + conf + "</td><td>" + Esc(expected) +
         "</td></tr>";
  }
  return h;
}

}  // namespace

std::string AddressSection(const PackageModel& m) {
  std::string body;
  for (size_t i = 0; i < m.items.size(); ++i) {
    int w = 0, h = 0;
    json a = ReadAddress(m.items[i], &w, &h);
    if (a.is_null()) continue;
    body += "<h3>" + Link(m.paths[i]) + "</h3><div class=\"grid\">";
    if (a.contains("corners") && w > 0 && h > 0) {
      std::string src = m.thumbs[i].empty() ? m.paths[i] : m.thumbs[i];
      body += "<figure>" + Outline(src, a["corners"], w, h) +
              "<figcaption>ship-to block read by OCR (outlined)</figcaption></figure>";
    }
    body += "<table><tr><th>Field</th><th>On the label (OCR, confidence)</th><th>Order</th></tr>";
    body += FieldRows(a.value("fields", json::object()), m.input->order.recipient) + "</table>";
    for (const json& n : a.value("notes", json::array())) {
      if (n.is_string()) body += "<p>" + Esc(n.get<std::string>()) + "</p>";
    }
    body += "</div>";
  }
  if (body.empty()) return "";
  return "<h2>Printed address</h2><p>The ship-to block printed on each label photo, read by OCR "
         "(Tesseract), beside the order's address.</p>" +
         body;
}

}  // namespace parcelproof::package
