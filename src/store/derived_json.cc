// Derived items as `show --json` lists them under each item ("derived").
#include <nlohmann/json.hpp>

#include "parcelproof/store.h"
#include "store/json_text.h"

namespace parcelproof {

using store::JsonArray;
using store::JsonObject;

std::string DerivedItemJson(const StoreItem& d) {
  JsonObject o;
  o.Str("sha256", d.sha256).Str("kind", d.role.empty() ? "derived" : d.role);
  o.Str("media_type", d.media_type).Int("size", static_cast<int64_t>(d.size));
  o.Str("original_name", d.original_name);
  nlohmann::json m = nlohmann::json::parse(d.metadata_json, nullptr, false);
  if (m.is_object() && m.contains("still") && m["still"].is_object()) {
    const nlohmann::json& s = m["still"];
    if (s.contains("purpose") && s["purpose"].is_string()) {
      o.Str("purpose", s["purpose"].get<std::string>());
    }
    if (s.contains("time_s") && s["time_s"].is_number()) o.Raw("time_s", s["time_s"].dump());
    if (s.contains("frame") && s["frame"].is_number_integer()) {
      o.Int("frame", s["frame"].get<int64_t>());
    }
  }
  return o.Text();
}

std::string ShowJson(const Order& order, const std::vector<StoreItem>& items,
                     const std::vector<std::vector<StoreItem>>& derived) {
  std::vector<std::string> raw;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item = StoreItemJson(items[i]);
    std::vector<std::string> list;
    if (i < derived.size()) {
      for (const StoreItem& d : derived[i]) list.push_back(DerivedItemJson(d));
    }
    item.pop_back();  // the closing brace
    raw.push_back(item + ",\"derived\":" + JsonArray(list) + "}");
  }
  return JsonObject().Raw("order", OrderToJson(order)).Raw("items", JsonArray(raw)).Text();
}

}  // namespace parcelproof
