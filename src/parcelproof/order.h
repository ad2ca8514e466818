// Orders: what the seller sold, to whom, and under which tracking numbers.
// Loaded from JSON (one order or an array) or CSV; see schemas/order.schema.json.
#ifndef PARCELPROOF_ORDER_H_
#define PARCELPROOF_ORDER_H_

#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

struct Address {
  std::string name;
  std::vector<std::string> lines;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2, upper case
};

struct TrackingNumber {
  std::string carrier;
  std::string number;
};

struct OrderItem {
  std::string sku;
  std::string title;
  int quantity = 1;
};

struct Order {
  std::string id;
  std::string platform;
  Address recipient;
  std::vector<TrackingNumber> tracking;
  std::vector<OrderItem> items;
  // RFC 3339 times as given; empty when unknown.
  std::string placed_at;
  std::string paid_at;
  std::string shipped_at;
  std::string delivered_at;
};

// Loads orders from a .json or .csv file (decided by content: a file whose
// first non-blank byte is '{' or '[' is JSON). An invalid record is rejected
// with InvalidArgument/Corrupt naming the file, the record and the field.
Result<std::vector<Order>> LoadOrdersFile(const std::string& path);
// Parses orders from text; `source` names the input in error messages.
Result<std::vector<Order>> ParseOrdersJson(const std::string& text, const std::string& source);
Result<std::vector<Order>> ParseOrdersCsv(const std::string& text, const std::string& source);

// Serialises one order as a JSON object that ParseOrdersJson reads back.
std::string OrderToJson(const Order& order);

// Parses an RFC 3339 time ("2026-03-01T10:22:05Z", "...+08:00", fractions
// allowed) into microseconds since the epoch, UTC. False when malformed.
bool ParseRfc3339(const std::string& text, long long* micros);

}  // namespace parcelproof

#endif  // PARCELPROOF_ORDER_H_
