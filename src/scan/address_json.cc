#include "scan/address_json.h"

#include <cmath>

namespace parcelproof {
namespace {

using nlohmann::ordered_json;

double Rounded(double v) { return std::round(v * 1000) / 1000; }

}  // namespace

ordered_json ShipToToJson(const ShipToRead& a) {
  ordered_json fields = ordered_json::object();
  for (const AddressFieldRead& f : a.fields) {
    fields[f.name] = {{"value", f.value}, {"confidence", Rounded(f.confidence)}};
    if (!f.second_reading.empty()) fields[f.name]["second_reading"] = f.second_reading;
  }
  ordered_json corners = ordered_json::array();
  for (const PointF& p : a.corners) corners.push_back({std::lround(p.x), std::lround(p.y)});
  ordered_json j = {{"text", a.text},
                    {"lines", a.lines},
                    {"fields", fields},
                    {"confidence", Rounded(a.confidence)}};
  if (!a.lines.empty() || a.corners[2].x != 0) j["corners"] = corners;
  j["script"] = a.script;
  j["notes"] = a.notes;
  return j;
}

ShipToRead ShipToFromJson(const ordered_json& j) {
  ShipToRead a;
  a.attempted = true;
  a.text = j.at("text").get<std::string>();
  a.lines = j.at("lines").get<std::vector<std::string>>();
  for (auto it = j.at("fields").begin(); it != j.at("fields").end(); ++it) {
    a.fields.push_back({it.key(), it->at("value").get<std::string>(),
                        it->at("confidence").get<double>(), it->value("second_reading", "")});
  }
  a.confidence = j.at("confidence").get<double>();
  if (j.contains("corners")) {
    for (int i = 0; i < 4; ++i)
      a.corners[i] = {j["corners"][i][0].get<double>(), j["corners"][i][1].get<double>()};
  }
  a.script = j.at("script").get<std::string>();
  a.notes = j.at("notes").get<std::vector<std::string>>();
  return a;
}

}  // namespace parcelproof
