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

TEST(CheckPrintedAddressTest, MiddlingReadingOfAnotherCodeAltogetherIsAMismatch) {
  // Another code of the country, apart from the order's in most characters:
  // no OCR slip turns 10115 into 80331, so 0.6 is evidence enough.
  LabelCheck c = Passed();
  CheckPrintedAddress(Read({{"postal_code", "80331", 0.6}}), Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kMismatch);
  EXPECT_NE(c.reasons.back().find("more characters than OCR's slips explain"), std::string::npos)
      << c.reasons.back();
  // Both models' readings are other codes: still a MISMATCH, and the reason names both.
  c = Passed();
  AddressFieldRead both{"postal_code", "80331", 0.5, "80337"};
  CheckPrintedAddress(Read({both}), Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kMismatch);
  EXPECT_NE(c.reasons.back().find("the other model read '80337'"), std::string::npos);
}

TEST(CheckPrintedAddressTest, MiddlingReadingsOcrSlipsExplainStayWarnings) {
  struct Case {
    AddressFieldRead read;
  } cases[] = {
      {{"postal_code", "10117", 0.6, ""}},       // one digit misread
      {{"postal_code", "19175", 0.6, ""}},       // two of five: OCR may do that
      {{"postal_code", "80331", 0.45, ""}},      // another code, but read too unsure
      {{"postal_code", "80331", 0.5, "10115"}},  // the other model read the order's code
      {{"postal_code", "8O33", 0.6, ""}},        // not a German postal code
  };
  for (const Case& k : cases) {
    LabelCheck c = Passed();
    CheckPrintedAddress(Read({k.read}), Berlin(), &c);
    EXPECT_EQ(c.verdict, Verdict::kPass) << k.read.value << " / " << k.read.second_reading;
    ASSERT_EQ(c.address.size(), 1u);
    EXPECT_EQ(c.address[0].outcome, "unsure") << k.read.value;
  }
  // Cities and countries read with middling confidence never make a MISMATCH.
  LabelCheck c = Passed();
  CheckPrintedAddress(Read({{"city", "Marseille", 0.6}, {"country", "FR", 0.6}}), Berlin(), &c);
  EXPECT_EQ(c.verdict, Verdict::kPass);
}

}  // namespace
}  // namespace parcelproof
