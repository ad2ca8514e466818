// Derived items as `show --json` lists them under each item ("derived").
#include <cmath>
#include <cstdio>

#include "parcelproof/store.h"
#include "scan/still_facts.h"
#include "store/json_text.h"

namespace parcelproof {

using store::JsonArray;
using store::JsonObject;

std::string DerivedItemJson(const StoreItem& d) {
  JsonObject o;
  o.Str("sha256", d.sha256).Str("kind", d.role.empty() ? "derived" : d.role);
  o.Str("media_type", d.media_type).Int("size", static_cast<int64_t>(d.size));
  o.Str("original_name", d.original_name);
  StillFacts s = ReadStillFacts(d.metadata_json);
  if (s.is_still) {
    o.StrIf("purpose", s.purpose);
    if (s.time_s >= 0) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%.6f", std::round(s.time_s * 1e6) / 1e6);
      o.Raw("time_s", buf);
    }
    if (s.frame >= 0) o.Int("frame", s.frame);
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
