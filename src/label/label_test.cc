#include <gtest/gtest.h>

#include "label/countries.h"
#include "label/gs1.h"
#include "label/interpret.h"
#include "label/payload.h"
#include "label/tracking.h"

namespace parcelproof {
namespace {

std::string Field(const FieldList& f, const std::string& key) {
  for (const auto& [k, v] : f) {
    if (k == key) return v;
  }
  return "<absent>";
}

TEST(TrackingTest, UpuS10CheckDigit) {
  EXPECT_TRUE(S10CheckDigitValid("RR123456785CN"));
  EXPECT_FALSE(S10CheckDigitValid("RR123456784CN"));
  // sum mod 11 == 1 -> 10 -> 0, and sum mod 11 == 0 -> 11 -> 5.
  EXPECT_TRUE(S10CheckDigitValid("EE000000085DE") == false);
  EXPECT_TRUE(S10CheckDigitValid("EE000000080DE"));  // 11 - 1 = 10 -> 0
  EXPECT_TRUE(S10CheckDigitValid("EE000000005DE"));  // 11 - 0 = 11 -> 5
  auto t = ClassifyTracking("rr 123456785 cn");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->scheme, "UPU S10");
  EXPECT_EQ(t->number, "RR123456785CN");
  EXPECT_TRUE(t->check_digit_valid);
}

TEST(TrackingTest, UpsCheckDigitIsReportedNeverCorrected) {
  EXPECT_TRUE(UpsCheckDigitValid("1Z999AA10123456784"));
  auto t = ClassifyTracking("1Z999AA10123456785");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->scheme, "UPS 1Z");
  EXPECT_EQ(t->number, "1Z999AA10123456785");
  EXPECT_TRUE(t->check_digit_known);
  EXPECT_FALSE(t->check_digit_valid);
}

TEST(TrackingTest, GenericAndNonTracking) {
  EXPECT_EQ(ClassifyTracking("8101054321120021123456")->scheme, "Unknown");
  EXPECT_FALSE(ClassifyTracking("123456").has_value());          // too short
  EXPECT_FALSE(ClassifyTracking("Code 128").has_value());        // text
  EXPECT_FALSE(ClassifyTracking("ABCDEFGHIJKL12").has_value());  // too few digits
  EXPECT_TRUE(Gs1Mod10Valid("376104250021234569"));
  EXPECT_FALSE(Gs1Mod10Valid("376104250021234568"));
}

TEST(Gs1Test, ParsesRawAndHumanReadableForms) {
  auto raw = ParseGs1(
      "00376104250021234569\x1d"
      "42010115");
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  ASSERT_EQ(raw->size(), 2u);
  EXPECT_EQ(Field(*raw, "00"), "376104250021234569");
  EXPECT_EQ(Field(*raw, "420"), "10115");
  auto hri = ParseGs1("(421)276101 15(401)ABC123");
  ASSERT_TRUE(hri.ok()) << hri.status().ToString();
  EXPECT_EQ(Field(*hri, "421"), "276101 15");
  EXPECT_EQ(Field(*hri, "401"), "ABC123");
  auto measures = ParseGs1(
      "0109504000059101"
      "3103000123"
      "21ABC\x1d"
      "8200http://x");
  ASSERT_TRUE(measures.ok()) << measures.status().ToString();
  EXPECT_EQ(Field(*measures, "3103"), "000123");
  EXPECT_EQ(Field(*measures, "8200"), "http://x");
}

TEST(Gs1Test, RejectsMalformed) {
  EXPECT_FALSE(ParseGs1("").ok());
  EXPECT_FALSE(ParseGs1("0012345").ok());  // SSCC too short
  EXPECT_FALSE(ParseGs1("AB123").ok());
  EXPECT_FALSE(ParseGs1("(420").ok());
}

TEST(Gs1Test, InterpretsParcelAis) {
  Barcode b;
  b.format = "Code128";
  b.text =
      "421276"
      "10115";
  InterpretBarcode(true, &b);
  EXPECT_EQ(Field(b.fields, "country"), "DE");
  EXPECT_EQ(Field(b.fields, "postal_code"), "10115");
  Barcode sscc;
  sscc.format = "Code128";
  sscc.text = "00376104250021234569";
  InterpretBarcode(true, &sscc);
  ASSERT_EQ(sscc.tracking.size(), 1u);
  EXPECT_EQ(sscc.tracking[0].scheme, "SSCC");
  EXPECT_TRUE(sscc.tracking[0].check_digit_valid);
}

TEST(Mh10Test, ParsesMaxiCodeStyleMessage) {
  Barcode b;
  b.format = "MaxiCode";
  b.text = std::string(
      "[)>\x1e"
      "01\x1d"
      "96101150000\x1d"
      "276\x1d"
      "001\x1d"
      "1Z999AA10123456784\x1d"
      "UPSN\x1e\x04");
  InterpretBarcode(false, &b);
  EXPECT_EQ(Field(b.fields, "postal_code"), "101150000");
  EXPECT_EQ(Field(b.fields, "country"), "DE");
  EXPECT_EQ(Field(b.fields, "service_class"), "001");
  EXPECT_EQ(Field(b.fields, "carrier"), "UPSN");
  ASSERT_EQ(b.tracking.size(), 1u);
  EXPECT_EQ(b.tracking[0].scheme, "UPS 1Z");
  EXPECT_TRUE(b.tracking[0].check_digit_valid);
}

TEST(PayloadTest, JsonAndKeyValue) {
  Barcode j;
  j.format = "QRCode";
  j.text = R"({"tracking":"RR123456785CN","Zip":"10115","country":"DE","to":{"name":"Anna"}})";
  InterpretBarcode(false, &j);
  EXPECT_EQ(Field(j.fields, "postal_code"), "10115");
  EXPECT_EQ(Field(j.fields, "recipient"), "Anna");
  ASSERT_EQ(j.tracking.size(), 1u);
  EXPECT_EQ(j.tracking[0].scheme, "UPU S10");
  FieldList kv;
  EXPECT_TRUE(ParsePayload("postcode=101000\nCountry: CN;name=Li Wei", &kv));
  EXPECT_EQ(Field(kv, "postal_code"), "101000");
  EXPECT_EQ(Field(kv, "country"), "CN");
  EXPECT_EQ(Field(kv, "recipient"), "Li Wei");
  FieldList none;
  EXPECT_FALSE(ParsePayload("MEBKM:URL:http\\://example.org;;", &none));
  EXPECT_FALSE(ParsePayload("{not json", &none));
}

TEST(CountriesTest, NumericToAlpha2) {
  EXPECT_EQ(CountryAlpha2FromNumeric("276"), "DE");
  EXPECT_EQ(CountryAlpha2FromNumeric("156"), "CN");
  EXPECT_EQ(CountryAlpha2FromNumeric("840"), "US");
  EXPECT_EQ(CountryAlpha2FromNumeric("999"), "");
}

}  // namespace
}  // namespace parcelproof
