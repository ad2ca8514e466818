#include "check/check_address.h"

#include <gtest/gtest.h>

namespace parcelproof {
namespace {

ShipToRead Read(std::vector<AddressFieldRead> fields) {
  ShipToRead r;
  r.attempted = true;
  r.fields = std::move(fields);
  r.confidence = 0.9;
  return r;
}

Expectation Berlin() {
  Expectation e;
  e.tracking_numbers = {"RR472518365CN"};
  e.postal_code = "10115";
  e.country = "DE";
  e.city = "Berlin";
  e.recipient =
      "Jonas M\xC3\xBC"
      "ller";
  return e;
}

LabelCheck Passed() {
  LabelCheck c;
  c.verdict = Verdict::kPass;
  return c;
}

TEST(CheckPrintedAddressTest, SameFieldsKeepThePassAndSayWhereTheyCameFrom) {
  LabelCheck c = Passed();
  CheckPrintedAddress(Read({{"recipient", "JONAS MUELLER", 0.91},
                            {"city", "BERLIN", 0.93},
                            {"postal_code", "10115", 0.95},
                            {"country", "DE", 0.97}}),
                      Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kPass);
  ASSERT_EQ(c.address.size(), 4u);
  for (const AddressComparison& a : c.address) EXPECT_EQ(a.outcome, "same") << a.field;
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_NE(c.reasons[0].find("OCR, confidence 0.91"), std::string::npos) << c.reasons[0];
}

TEST(CheckPrintedAddressTest, ConfidentDifferentPostalCodeIsAMismatch) {
  LabelCheck c = Passed();
  CheckPrintedAddress(Read({{"postal_code", "10117", 0.92}}), Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kMismatch);
  EXPECT_NE(c.reasons.back().find("postal code '10117'"), std::string::npos);
  EXPECT_NE(c.reasons.back().find("differs from the order's '10115'"), std::string::npos);
}

TEST(CheckPrintedAddressTest, UnsureReadingsAndRecipientsAreWarnings) {
  LabelCheck c = Passed();
  CheckPrintedAddress(
      Read(
          {{"recipient", "Peter Brown", 0.95}, {"city", "Hamburg", 0.40}, {"country", "FR", 0.50}}),
      Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kPass);
  EXPECT_EQ(c.warnings.size(), 3u);
  EXPECT_EQ(c.address[0].outcome, "differs");
  EXPECT_EQ(c.address[1].outcome, "unsure");
}

TEST(CheckPrintedAddressTest, AnotherScriptIsNotCounted) {
  LabelCheck c = Passed();
  Expectation e = Berlin();
  e.city = "Moscow";
  CheckPrintedAddress(Read({{"city", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 0.95}}), e,
                      &c);
  EXPECT_EQ(c.verdict, Verdict::kPass);
  EXPECT_EQ(c.address[0].outcome, "unsure");
}

TEST(CheckPrintedAddressTest, UnreadAddressIsANoteNotUnreadable) {
  LabelCheck c = Passed();
  ShipToRead r;
  r.attempted = true;
  r.notes = {"address not read: no printed text lines near the tracking barcode"};
  CheckPrintedAddress(r, Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kPass);
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_NE(c.notes[0].find("only the barcodes were compared"), std::string::npos);
}

}  // namespace
}  // namespace parcelproof
