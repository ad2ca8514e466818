#include "parcelproof/order.h"

#include <gtest/gtest.h>

#include "order/csv.h"

namespace parcelproof {
namespace {

const char kOrderJson[] = R"({
  "id": "A-1001", "platform": "aliexpress",
  "recipient": {"name": "Anna Schmidt", "lines": ["Hauptstr. 5"], "city": "Berlin",
                "postal_code": "10115", "country": "de"},
  "tracking": [{"carrier": "China Post", "number": "RR123456785CN"}],
  "items": [{"sku": "MUG-RED", "title": "Red mug", "quantity": 2}],
  "times": {"placed": "2026-03-01T08:00:00Z", "shipped": "2026-03-02T10:00:00+08:00"}
})";

TEST(OrderJsonTest, ReadsOneOrder) {
  auto orders = ParseOrdersJson(kOrderJson, "o.json");
  ASSERT_TRUE(orders.ok()) << orders.status().ToString();
  ASSERT_EQ(orders->size(), 1u);
  const Order& o = orders->front();
  EXPECT_EQ(o.id, "A-1001");
  EXPECT_EQ(o.recipient.country, "DE");  // upper-cased
  ASSERT_EQ(o.tracking.size(), 1u);
  EXPECT_EQ(o.tracking[0].number, "RR123456785CN");
  EXPECT_EQ(o.items[0].quantity, 2);
  EXPECT_EQ(o.shipped_at, "2026-03-02T10:00:00+08:00");
}

TEST(OrderJsonTest, RoundTrips) {
  auto orders = ParseOrdersJson(kOrderJson, "o.json");
  ASSERT_TRUE(orders.ok());
  auto again = ParseOrdersJson(OrderToJson(orders->front()), "again");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(OrderToJson(again->front()), OrderToJson(orders->front()));
}

TEST(OrderJsonTest, InvalidRecordNamesRecordAndField) {
  std::string bad =
      std::string("[") + kOrderJson + R"(, {"id": "A-2", "recipient": {"country": "Germany"}}])";
  auto orders = ParseOrdersJson(bad, "o.json");
  ASSERT_FALSE(orders.ok());
  EXPECT_EQ(orders.status().ToString(),
            "Corrupt: o.json: record 2 (order A-2): field recipient.country: 'GERMANY' is not an "
            "ISO 3166-1 alpha-2 code");
}

TEST(OrderJsonTest, RejectsWrongTypesUnknownFieldsAndBadTimes) {
  auto r1 = ParseOrdersJson(R"({"id": 7, "recipient": {"country": "DE"}})", "x");
  EXPECT_NE(r1.status().message().find("field id: must be a string"), std::string::npos);
  auto r2 = ParseOrdersJson(R"({"id": "a", "postcode": "1", "recipient": {"country": "DE"}})", "x");
  EXPECT_NE(r2.status().message().find("field postcode: unknown field"), std::string::npos);
  auto r3 = ParseOrdersJson(
      R"({"id": "a", "recipient": {"country": "DE"}, "times": {"placed": "2026-13-01T00:00:00Z"}})",
      "x");
  EXPECT_NE(r3.status().message().find("times.placed"), std::string::npos);
  auto r4 = ParseOrdersJson("{\"id\": ", "x");
  EXPECT_NE(r4.status().message().find("not valid JSON"), std::string::npos);
  auto r5 = ParseOrdersJson(
      R"({"id": "a", "recipient": {"country": "DE"}, "items": [{"quantity": 0}]})", "x");
  EXPECT_NE(r5.status().message().find("items[0].quantity"), std::string::npos);
}

TEST(OrderCsvTest, MergesRowsOfOneOrder) {
  const char csv[] =
      "\xEF\xBB\xBForder_id,recipient_name,postal_code,country,carrier,tracking_number,sku,"
      "quantity\r\n"
      "A-1,\"Smith, Jo\",10115,DE,DHL,RR123456785CN,MUG,2\r\n"
      "A-1,\"Smith, Jo\",10115,DE,DHL,RR123456785CN,CUP,1\r\n"
      "\r\n"
      "B-2,\"Li \"\"Lily\"\" Wei\",100000,CN,UPS,1Z999AA10123456784,,\n";
  auto orders = ParseOrdersCsv(csv, "o.csv");
  ASSERT_TRUE(orders.ok()) << orders.status().ToString();
  ASSERT_EQ(orders->size(), 2u);
  EXPECT_EQ((*orders)[0].recipient.name, "Smith, Jo");
  EXPECT_EQ((*orders)[0].tracking.size(), 1u);
  EXPECT_EQ((*orders)[0].items.size(), 2u);
  EXPECT_EQ((*orders)[1].recipient.name, "Li \"Lily\" Wei");
  EXPECT_EQ((*orders)[1].tracking[0].number, "1Z999AA10123456784");
}

TEST(OrderCsvTest, RejectsBadHeaderRowsAndQuotes) {
  EXPECT_EQ(ParseOrdersCsv("order_id,colour,country\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: header: unknown column 'colour'");
  EXPECT_EQ(ParseOrdersCsv("order_id,city\nA,B\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: header: required column 'country' missing");
  EXPECT_EQ(ParseOrdersCsv("order_id,country\nA,DE,x\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: line 2: 3 fields, header has 2");
  EXPECT_EQ(ParseOrdersCsv("order_id,country\n\"A,DE\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: line 2: quote never closed");
  EXPECT_EQ(
      ParseOrdersCsv("order_id,country,quantity,sku\nA,DE,two,S\n", "o.csv").status().ToString(),
      "Corrupt: o.csv: line 2 (order A): field quantity: 'two' is not a whole number");
  EXPECT_EQ(ParseOrdersCsv("order_id,country\n,DE\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: line 2: field id: missing or empty");
}

// Regression (issue 14, found by fuzzing): invalid UTF-8 in a CSV field made
// OrderToJson throw, and `orders import` exit 4 with an internal error.
TEST(OrderCsvTest, InvalidUtf8IsCorruptNamingLineAndField) {
  EXPECT_EQ(ParseOrdersCsv("country,order_id\nDE,\xB9\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: line 2: field order_id: invalid UTF-8 (byte 0xB9 at offset 0)");
  EXPECT_EQ(ParseOrdersCsv("order_id,country,city\nA,DE,K\xC3\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: line 2: field city: invalid UTF-8 (byte 0xC3 at offset 1)");
  EXPECT_EQ(ParseOrdersCsv("order_id,coun\xFFtry\n", "o.csv").status().ToString(),
            "Corrupt: o.csv: header: invalid UTF-8 (byte 0xFF at offset 4)");
  // Valid UTF-8 passes and survives serialisation.
  auto ok = ParseOrdersCsv("order_id,country,city\nA,DE,K\xC3\xB6ln\n", "o.csv");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_NE(OrderToJson(ok->front()).find("K\xC3\xB6ln"), std::string::npos);
}

// Whatever reaches OrderToJson, it never throws: bytes that are not UTF-8
// come out as U+FFFD.
TEST(OrderJsonTest, SerialisingInvalidUtf8NeverThrows) {
  Order o;
  o.id = "A\xB9";
  o.recipient.country = "DE";
  std::string json;
  ASSERT_NO_THROW(json = OrderToJson(o));
  EXPECT_NE(json.find("A\xEF\xBF\xBD"), std::string::npos);
}

TEST(Rfc3339Test, ParsesZonesAndFractions) {
  long long us = 0;
  ASSERT_TRUE(ParseRfc3339("2025-07-30T13:52:33.512+08:00", &us));
  EXPECT_EQ(us, 1753854753512000LL);
  ASSERT_TRUE(ParseRfc3339("1970-01-01T00:00:00Z", &us));
  EXPECT_EQ(us, 0);
  EXPECT_FALSE(ParseRfc3339("2025-02-29T00:00:00Z", &us));
  EXPECT_FALSE(ParseRfc3339("2025-07-30T25:61:61Z", &us));
  EXPECT_FALSE(ParseRfc3339("2025-07-30T13:52:33", &us));  // no zone
  EXPECT_FALSE(ParseRfc3339("2025-07-30T13:52:33Zjunk", &us));
}

}  // namespace
}  // namespace parcelproof
