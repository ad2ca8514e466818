// Orders from and to JSON (nlohmann). Unknown keys and wrong types are
// rejected naming the record and the field.
#include <nlohmann/json.hpp>
#include <set>

#include "order/order_validate.h"
#include "parcelproof/order.h"

namespace parcelproof {
namespace {

using nlohmann::json;

struct FieldError {
  std::string field, problem;
};

void CheckKeys(const json& obj, const std::string& where, const std::set<std::string>& known) {
  if (!obj.is_object()) throw FieldError{where, "must be an object"};
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (!known.count(it.key())) throw FieldError{where + it.key(), "unknown field"};
  }
}

std::string Str(const json& obj, const std::string& key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (!it->is_string()) throw FieldError{where + key, "must be a string"};
  return it->get<std::string>();
}

const json* Array(const json& obj, const std::string& key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  if (!it->is_array()) throw FieldError{where + key, "must be an array"};
  return &*it;
}

Address ReadAddress(const json& j) {
  CheckKeys(j, "recipient.", {"name", "lines", "city", "region", "postal_code", "country"});
  Address a;
  a.name = Str(j, "name", "recipient.");
  if (const json* lines = Array(j, "lines", "recipient.")) {
    for (const json& l : *lines) {
      if (!l.is_string()) throw FieldError{"recipient.lines", "must hold strings"};
      a.lines.push_back(l.get<std::string>());
    }
  }
  a.city = Str(j, "city", "recipient.");
  a.region = Str(j, "region", "recipient.");
  a.postal_code = Str(j, "postal_code", "recipient.");
  a.country = Str(j, "country", "recipient.");
  return a;
}

void ReadTracking(const json& arr, Order* o) {
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string where = "tracking[" + std::to_string(i) + "].";
    CheckKeys(arr[i], where, {"carrier", "number"});
    o->tracking.push_back({Str(arr[i], "carrier", where), Str(arr[i], "number", where)});
  }
}

void ReadItems(const json& arr, Order* o) {
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string where = "items[" + std::to_string(i) + "].";
    CheckKeys(arr[i], where, {"sku", "title", "quantity"});
    OrderItem item{Str(arr[i], "sku", where), Str(arr[i], "title", where), 1};
    auto q = arr[i].find("quantity");
    if (q != arr[i].end()) {
      if (!q->is_number_integer()) throw FieldError{where + "quantity", "must be an integer"};
      long long v = q->get<long long>();
      item.quantity = v < 0 || v > 2000000000 ? -1 : static_cast<int>(v);
    }
    o->items.push_back(item);
  }
}

void ReadTimes(const json& j, Order* o) {
  CheckKeys(j, "times.", {"placed", "paid", "shipped", "delivered"});
  o->placed_at = Str(j, "placed", "times.");
  o->paid_at = Str(j, "paid", "times.");
  o->shipped_at = Str(j, "shipped", "times.");
  o->delivered_at = Str(j, "delivered", "times.");
}

Order ReadOrder(const json& j) {
  CheckKeys(j, "", {"id", "platform", "recipient", "tracking", "items", "times"});
  Order o;
  o.id = Str(j, "id", "");
  o.platform = Str(j, "platform", "");
  auto r = j.find("recipient");
  if (r == j.end()) throw FieldError{"recipient", "missing"};
  o.recipient = ReadAddress(*r);
  if (const json* t = Array(j, "tracking", "")) ReadTracking(*t, &o);
  if (const json* i = Array(j, "items", "")) ReadItems(*i, &o);
  auto t = j.find("times");
  if (t != j.end()) ReadTimes(*t, &o);
  return o;
}

json AddressToJson(const Address& a) {
  return {{"name", a.name},
          {"lines", a.lines},
          {"city", a.city},
          {"region", a.region},
          {"postal_code", a.postal_code},
          {"country", a.country}};
}

}  // namespace

Result<std::vector<Order>> ParseOrdersJson(const std::string& text, const std::string& source) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    return Status::Corrupt(source + ": not valid JSON: " + e.what());
  }
  if (!doc.is_array() && !doc.is_object()) {
    return Status::Corrupt(source + ": expected an order object or an array of orders");
  }
  json list = doc.is_array() ? std::move(doc) : json::array({std::move(doc)});
  std::vector<Order> orders;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string id = list[i].is_object() && list[i].contains("id") && list[i]["id"].is_string()
                         ? list[i]["id"].get<std::string>()
                         : "";
    std::string ctx = RecordContext(source, "record", i + 1, id);
    try {
      Order o = ReadOrder(list[i]);
      Status s = ValidateOrder(&o);
      if (!s.ok()) return Status::Corrupt(ctx + ": " + s.message());
      orders.push_back(std::move(o));
    } catch (const FieldError& e) {
      return Status::Corrupt(ctx + ": field " + (e.field.empty() ? "(record)" : e.field) + ": " +
                             e.problem);
    } catch (const json::exception& e) {
      return Status::Corrupt(ctx + ": " + e.what());
    }
  }
  return orders;
}

std::string OrderToJson(const Order& o) {
  json tracking = json::array(), items = json::array(), times = json::object();
  for (const TrackingNumber& t : o.tracking)
    tracking.push_back({{"carrier", t.carrier}, {"number", t.number}});
  for (const OrderItem& i : o.items) {
    items.push_back({{"sku", i.sku}, {"title", i.title}, {"quantity", i.quantity}});
  }
  if (!o.placed_at.empty()) times["placed"] = o.placed_at;
  if (!o.paid_at.empty()) times["paid"] = o.paid_at;
  if (!o.shipped_at.empty()) times["shipped"] = o.shipped_at;
  if (!o.delivered_at.empty()) times["delivered"] = o.delivered_at;
  json j = {
      {"id", o.id},           {"platform", o.platform}, {"recipient", AddressToJson(o.recipient)},
      {"tracking", tracking}, {"items", items},         {"times", times}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace parcelproof
