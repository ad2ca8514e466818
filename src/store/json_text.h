// Minimal JSON text building for the store's outputs (no parsing): string
// escaping and an object/array writer that keeps key order as written.
#ifndef PARCELPROOF_STORE_JSON_TEXT_H_
#define PARCELPROOF_STORE_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace parcelproof::store {

// "text" with JSON escapes; invalid UTF-8 bytes become U+FFFD.
std::string JsonString(const std::string& s);
// ["a","b"]
std::string JsonStringArray(const std::vector<std::string>& v);

// Appends members to an object: {"k":v,...}. Values are raw JSON text.
class JsonObject {
 public:
  JsonObject& Raw(const std::string& key, const std::string& json);
  JsonObject& Str(const std::string& key, const std::string& value);
  // Omits the member when value is empty.
  JsonObject& StrIf(const std::string& key, const std::string& value);
  JsonObject& Int(const std::string& key, int64_t value);
  JsonObject& Bool(const std::string& key, bool value);
  std::string Text() const { return "{" + body_ + "}"; }

 private:
  std::string body_;
};

// [a,b] from raw JSON texts.
std::string JsonArray(const std::vector<std::string>& raw_items);

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_JSON_TEXT_H_
