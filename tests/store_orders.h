// Two orders the store tests import: 1001 (RR123456785NL, Porto) and 1002
// (LZ309182649CN, Oslo).
#ifndef PARCELPROOF_TESTS_STORE_ORDERS_H_
#define PARCELPROOF_TESTS_STORE_ORDERS_H_

namespace parcelproof::testing {

inline constexpr char kTwoOrdersJson[] = R"([
 {"id":"1001","platform":"shop","recipient":{"name":"Ana Lima","lines":["Rua 1"],"city":"Porto",
  "postal_code":"4000-001","country":"PT"},"tracking":[{"carrier":"CTT","number":"RR123456785NL"}],
  "items":[{"sku":"A","title":"Cup","quantity":1}]},
 {"id":"1002","platform":"shop","recipient":{"name":"Bo Chen","lines":["Street 2"],"city":"Oslo",
  "postal_code":"0150","country":"NO"},"tracking":[{"carrier":"Posten","number":"LZ309182649CN"}],
  "items":[{"sku":"B","title":"Pen","quantity":2}]}
])";

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_STORE_ORDERS_H_
