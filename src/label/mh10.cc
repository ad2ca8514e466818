#include "label/mh10.h"

#include <vector>

#include "label/countries.h"
#include "label/tracking.h"

namespace parcelproof {
namespace {

constexpr char kRs = 30, kGs = 29, kEot = 4;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep)
      out.emplace_back();
    else
      out.back().push_back(c);
  }
  return out;
}

}  // namespace

bool IsMh10Message(const std::string& text) { return text.rfind(std::string("[)>") + kRs, 0) == 0; }

bool InterpretMh10(const std::string& text, Barcode* b) {
  if (!IsMh10Message(text)) return false;
  std::string body = text.substr(4);
  size_t end = body.find(kRs);
  if (end != std::string::npos) body = body.substr(0, end);
  if (!body.empty() && body.back() == kEot) body.pop_back();
  std::vector<std::string> f = Split(body, kGs);
  // f[0] = format "01", f[1] = "96" + postal code, then country, service, tracking, carrier...
  if (f.size() < 4 || f[0] != "01" || f[1].size() < 3) return false;
  std::string postal = f[1].substr(2);
  std::string country = CountryAlpha2FromNumeric(f[2]);
  b->fields.emplace_back("postal_code", postal);
  b->fields.emplace_back("country", country.empty() ? f[2] : country);
  b->fields.emplace_back("service_class", f[3]);
  static const char* kRest[] = {
      "tracking_number", "carrier",       "shipper_id", "julian_day",
      "shipment_id",     "package_count", "weight",     "address_validation",
      "street",          "city",          "region"};
  for (size_t i = 4; i < f.size() && i - 4 < sizeof(kRest) / sizeof(kRest[0]); ++i) {
    if (!f[i].empty()) b->fields.emplace_back(kRest[i - 4], f[i]);
  }
  if (f.size() > 4 && !f[4].empty()) {
    std::optional<TrackingCandidate> t = ClassifyTracking(f[4]);
    b->tracking.push_back(t ? *t
                            : TrackingCandidate{"MH10.8.3", CanonicalTracking(f[4]), false, false});
  }
  return true;
}

}  // namespace parcelproof
