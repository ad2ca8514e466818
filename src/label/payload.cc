#include "label/payload.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

namespace parcelproof {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string TrimSpaces(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool ParseJsonObject(const std::string& text, FieldList* fields) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    std::string value;
    if (it->is_string())
      value = it->get<std::string>();
    else if (it->is_number() || it->is_boolean())
      value = it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    else if (it->is_object() || it->is_array()) {
      // Nested address blocks: flatten one level ({"to":{"zip":..}}).
      if (it->is_object())
        ParseJsonObject(it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), fields);
      continue;
    } else
      continue;
    fields->emplace_back(CanonicalFieldName(it.key()), value);
  }
  return true;
}

bool ParsePairs(const std::string& text, FieldList* fields) {
  FieldList found;
  std::string token;
  auto flush = [&]() -> bool {
    std::string t = TrimSpaces(token);
    token.clear();
    if (t.empty()) return true;
    size_t sep = t.find_first_of("=:");
    if (sep == std::string::npos || sep == 0 || sep > 40) return false;
    found.emplace_back(CanonicalFieldName(TrimSpaces(t.substr(0, sep))),
                       TrimSpaces(t.substr(sep + 1)));
    return true;
  };
  for (char c : text) {
    if (c == '\n' || c == ';' || c == '|' || c == '&') {
      if (!flush()) return false;
    } else {
      token.push_back(c);
    }
  }
  if (!flush() || found.empty()) return false;
  // Only text that carries at least one field we know is a label payload
  // (so a "MEBKM:URL:..." bookmark is not).
  bool known = false;
  for (const auto& [key, value] : found) {
    known |= key == "postal_code" || key == "country" || key == "recipient" ||
             key == "tracking_number" || key == "order_id";
  }
  if (!known) return false;
  fields->insert(fields->end(), found.begin(), found.end());
  return true;
}

}  // namespace

std::string CanonicalFieldName(const std::string& key) {
  static const std::map<std::string, std::string> kNames = {
      {"postal_code", "postal_code"},
      {"postalcode", "postal_code"},
      {"postcode", "postal_code"},
      {"post_code", "postal_code"},
      {"zip", "postal_code"},
      {"zip_code", "postal_code"},
      {"zipcode", "postal_code"},
      {"plz", "postal_code"},
      {"country", "country"},
      {"country_code", "country"},
      {"countrycode", "country"},
      {"cc", "country"},
      {"recipient", "recipient"},
      {"recipient_name", "recipient"},
      {"name", "recipient"},
      {"to", "recipient"},
      {"consignee", "recipient"},
      {"tracking", "tracking_number"},
      {"tracking_number", "tracking_number"},
      {"trackingnumber", "tracking_number"},
      {"waybill", "tracking_number"},
      {"awb", "tracking_number"},
      {"city", "city"},
      {"town", "city"},
      {"region", "region"},
      {"state", "region"},
      {"order", "order_id"},
      {"order_id", "order_id"},
  };
  std::string k = Lower(key);
  for (char& c : k) {
    if (c == ' ' || c == '-') c = '_';
  }
  auto it = kNames.find(k);
  return it == kNames.end() ? k : it->second;
}

bool ParsePayload(const std::string& text, FieldList* fields) {
  std::string t = TrimSpaces(text);
  if (t.empty()) return false;
  if (t[0] == '{') return ParseJsonObject(t, fields);
  return ParsePairs(t, fields);
}

}  // namespace parcelproof
