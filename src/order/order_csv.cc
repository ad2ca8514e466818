// Orders from CSV: one row per order line (item); rows sharing an order_id
// add tracking numbers and items to that order. Header in README.
#include <map>
#include <set>

#include "core/utf8.h"
#include "order/csv.h"
#include "order/order_validate.h"
#include "parcelproof/order.h"

namespace parcelproof {
namespace {

const std::set<std::string> kColumns = {
    "order_id",      "platform",      "recipient_name", "address_line1",
    "address_line2", "address_line3", "city",           "region",
    "postal_code",   "country",       "carrier",        "tracking_number",
    "sku",           "title",         "quantity",       "placed_at",
    "paid_at",       "shipped_at",    "delivered_at"};

struct Row {
  const std::map<std::string, std::string>* values;
  std::string Get(const std::string& k) const {
    auto it = values->find(k);
    return it == values->end() ? "" : Trim(it->second);
  }
};

Status ParseQuantity(const std::string& text, int* out) {
  if (text.empty()) return Status::Ok();
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::Corrupt("field quantity: '" + text + "' is not a whole number");
  }
  *out = std::stoi(text);
  return Status::Ok();
}

Order OrderFromRow(const Row& r) {
  Order o;
  o.id = r.Get("order_id");
  o.platform = r.Get("platform");
  o.recipient.name = r.Get("recipient_name");
  for (const char* k : {"address_line1", "address_line2", "address_line3"}) {
    if (!r.Get(k).empty()) o.recipient.lines.push_back(r.Get(k));
  }
  o.recipient.city = r.Get("city");
  o.recipient.region = r.Get("region");
  o.recipient.postal_code = r.Get("postal_code");
  o.recipient.country = r.Get("country");
  o.placed_at = r.Get("placed_at");
  o.paid_at = r.Get("paid_at");
  o.shipped_at = r.Get("shipped_at");
  o.delivered_at = r.Get("delivered_at");
  return o;
}

Status AddLine(const Row& r, Order* o) {
  std::string number = r.Get("tracking_number");
  bool known = false;
  for (const TrackingNumber& t : o->tracking) known |= t.number == number;
  if (!number.empty() && !known) o->tracking.push_back({r.Get("carrier"), number});
  if (!r.Get("sku").empty() || !r.Get("title").empty()) {
    OrderItem item{r.Get("sku"), r.Get("title"), 1};
    PP_RETURN_IF_ERROR(ParseQuantity(r.Get("quantity"), &item.quantity));
    o->items.push_back(item);
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ReadHeader(const CsvRow& row, const std::string& source) {
  std::set<std::string> seen;
  for (const std::string& raw : row.fields) {
    std::string name = Trim(raw);
    if (!kColumns.count(name))
      return Status::Corrupt(source + ": header: unknown column '" + name + "'");
    if (!seen.insert(name).second)
      return Status::Corrupt(source + ": header: column '" + name + "' twice");
  }
  for (const char* required : {"order_id", "country"}) {
    if (!seen.count(required)) {
      return Status::Corrupt(source + ": header: required column '" + required + "' missing");
    }
  }
  return row.fields;
}

// The first field of a row that is not valid UTF-8, as "field NAME: invalid
// UTF-8 (...)", or "" when all are valid. Checked before anything is built
// from the row, so no invalid text reaches an order.
std::string InvalidUtf8Field(const CsvRow& csv, const std::vector<std::string>& header) {
  for (size_t c = 0; c < csv.fields.size() && c < header.size(); ++c) {
    std::string problem = DescribeInvalidUtf8(csv.fields[c]);
    if (!problem.empty()) return "field " + Trim(header[c]) + ": " + problem;
  }
  return "";
}

}  // namespace

Result<std::vector<Order>> ParseOrdersCsv(const std::string& text, const std::string& source) {
  Result<std::vector<CsvRow>> rows = ParseCsv(text);
  if (!rows.ok()) return rows.status().WithContext(source);
  if (rows->empty()) return Status::Corrupt(source + ": no header line");
  for (const std::string& name : rows->front().fields) {
    std::string bad = DescribeInvalidUtf8(name);
    if (!bad.empty()) return Status::Corrupt(source + ": header: " + bad);
  }
  Result<std::vector<std::string>> header = ReadHeader(rows->front(), source);
  if (!header.ok()) return header.status();
  std::vector<Order> orders;
  std::map<std::string, size_t> index;
  for (size_t i = 1; i < rows->size(); ++i) {
    const CsvRow& csv = (*rows)[i];
    if (csv.fields.size() != header->size()) {
      return Status::Corrupt(source + ": line " + std::to_string(csv.line) + ": " +
                             std::to_string(csv.fields.size()) + " fields, header has " +
                             std::to_string(header->size()));
    }
    if (std::string bad = InvalidUtf8Field(csv, *header); !bad.empty()) {
      return Status::Corrupt(source + ": line " + std::to_string(csv.line) + ": " + bad);
    }
    std::map<std::string, std::string> values;
    for (size_t c = 0; c < csv.fields.size(); ++c) values[Trim((*header)[c])] = csv.fields[c];
    Row row{&values};
    std::string id = row.Get("order_id");
    auto [it, fresh] = index.emplace(id, orders.size());
    if (fresh) orders.push_back(OrderFromRow(row));
    Status s = AddLine(row, &orders[it->second]);
    if (s.ok() && fresh) s = ValidateOrder(&orders.back());
    if (!s.ok())
      return Status::Corrupt(RecordContext(source, "line", csv.line, id) + ": " + s.message());
  }
  for (Order& o : orders) {
    Status s = ValidateOrder(&o);
    if (!s.ok()) return Status::Corrupt(source + ": order " + o.id + ": " + s.message());
  }
  return orders;
}

}  // namespace parcelproof
