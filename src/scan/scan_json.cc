#include "scan/scan_json.h"

#include <nlohmann/json.hpp>

#include "scan/address_json.h"

namespace parcelproof {
namespace {

using nlohmann::ordered_json;

ordered_json FieldsToJson(const FieldList& fields) {
  ordered_json j = ordered_json::object();
  for (const auto& [k, v] : fields) j[k] = v;
  return j;
}

ordered_json TrackingToJson(const TrackingCandidate& t) {
  ordered_json j = {{"scheme", t.scheme}, {"number", t.number}};
  if (t.check_digit_known) j["check_digit_valid"] = t.check_digit_valid;
  return j;
}

ordered_json BarcodeToJson(const Barcode& b) {
  ordered_json corners = ordered_json::array();
  for (const PointF& p : b.corners) {
    corners.push_back({std::lround(p.x), std::lround(p.y)});
  }
  ordered_json j = {{"format", b.format}, {"text", b.text}, {"corners", corners}};
  if (!b.tracking.empty()) j["tracking"] = TrackingToJson(b.tracking.front());
  if (b.tracking.size() > 1) {
    ordered_json more = ordered_json::array();
    for (size_t i = 1; i < b.tracking.size(); ++i) more.push_back(TrackingToJson(b.tracking[i]));
    j["more_tracking"] = more;
  }
  if (!b.gs1.empty()) j["gs1"] = FieldsToJson(b.gs1);
  if (!b.fields.empty()) j["fields"] = FieldsToJson(b.fields);
  return j;
}

ordered_json ScanToJsonValue(const ImageScan& s) {
  ordered_json j = {{"file", s.file}};
  if (!s.sha256.empty()) j["sha256"] = s.sha256;
  if (!s.status.ok()) {
    j["error"] = s.status.ToString();
    j["error_code"] = static_cast<int>(s.status.code());
    return j;
  }
  j["width"] = s.width;
  j["height"] = s.height;
  j["orientation"] = s.orientation;
  ordered_json codes = ordered_json::array();
  for (const Barcode& b : s.barcodes) codes.push_back(BarcodeToJson(b));
  j["barcodes"] = codes;
  j["problems"] = s.problems;
  if (s.address.attempted) j["address"] = ShipToToJson(s.address);
  return j;
}

FieldList FieldsFromJson(const ordered_json& j) {
  FieldList out;
  for (auto it = j.begin(); it != j.end(); ++it) out.emplace_back(it.key(), it->get<std::string>());
  return out;
}

TrackingCandidate TrackingFromJson(const ordered_json& j) {
  TrackingCandidate t{j.at("scheme").get<std::string>(), j.at("number").get<std::string>()};
  t.check_digit_known = j.contains("check_digit_valid");
  t.check_digit_valid = t.check_digit_known && j["check_digit_valid"].get<bool>();
  return t;
}

Barcode BarcodeFromJson(const ordered_json& j) {
  Barcode b;
  b.format = j.at("format").get<std::string>();
  b.text = j.at("text").get<std::string>();
  for (int i = 0; i < 4; ++i)
    b.corners[i] = {j["corners"][i][0].get<double>(), j["corners"][i][1].get<double>()};
  if (j.contains("tracking")) b.tracking.push_back(TrackingFromJson(j["tracking"]));
  if (j.contains("more_tracking")) {
    for (const auto& t : j["more_tracking"]) b.tracking.push_back(TrackingFromJson(t));
  }
  if (j.contains("gs1")) b.gs1 = FieldsFromJson(j["gs1"]);
  if (j.contains("fields")) b.fields = FieldsFromJson(j["fields"]);
  return b;
}

Status StatusFromJson(int code, const std::string& text) {
  std::string msg = text.substr(text.find(": ") == std::string::npos ? 0 : text.find(": ") + 2);
  switch (static_cast<Status::Code>(code)) {
    case Status::Code::kNotFound:
      return Status::NotFound(msg);
    case Status::Code::kCorrupt:
      return Status::Corrupt(msg);
    case Status::Code::kUnsupported:
      return Status::Unsupported(msg);
    case Status::Code::kIOError:
      return Status::IOError(msg);
    default:
      return Status::Internal(msg);
  }
}

}  // namespace

std::string ImageScanToJson(const ImageScan& scan) {
  return ScanToJsonValue(scan).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

bool ImageScanFromJson(const std::string& text, ImageScan* s) {
  try {
    ordered_json j = ordered_json::parse(text);
    s->file = j.at("file").get<std::string>();
    s->sha256 = j.value("sha256", "");
    if (j.contains("error")) {
      s->status = StatusFromJson(j.at("error_code").get<int>(), j["error"].get<std::string>());
      return true;
    }
    s->width = j.at("width").get<int>();
    s->height = j.at("height").get<int>();
    s->orientation = j.at("orientation").get<int>();
    for (const auto& b : j.at("barcodes")) s->barcodes.push_back(BarcodeFromJson(b));
    s->problems = j.at("problems").get<std::vector<std::string>>();
    if (j.contains("address")) s->address = ShipToFromJson(j["address"]);
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

std::string BarcodeToJsonText(const Barcode& barcode) { return BarcodeToJson(barcode).dump(); }

bool BarcodeFromJsonText(const std::string& text, Barcode* barcode) {
  try {
    *barcode = BarcodeFromJson(ordered_json::parse(text));
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

std::string ScanReportJson(const std::vector<ImageScan>& scans) {
  ordered_json images = ordered_json::array();
  for (const ImageScan& s : scans) images.push_back(ScanToJsonValue(s));
  return ordered_json({{"images", images}})
      .dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace parcelproof
