// MaxiCode carrier messages feed the label check like any barcode datum.
#include <gtest/gtest.h>

#include "label/interpret.h"
#include "parcelproof/check.h"

namespace parcelproof {
namespace {

// A UPS mode-2 MaxiCode as ZXing decodes it: the primary message (postal
// code, ISO numeric country, service class) behind the MH10.8.3 header.
ImageScan UpsLabel(const std::string& postal, const std::string& country) {
  Barcode b;
  b.format = "MaxiCode";
  b.text = std::string(
               "[)>\x1E"
               "01\x1D"
               "96") +
           postal + "\x1D" + country +
           "\x1D"
           "001\x1D"
           "1Z06X6100112345674\x1DUPSN\x1D"
           "06X610\x1D"
           "159\x1D\x1D"
           "1/1\x1D"
           "10\x1DY\x1D"
           "634 ALPHA DR\x1DPITTSBURGH\x1DPA\x1E\x04";
  InterpretBarcode(false, &b);
  ImageScan scan;
  scan.file = "label.jpg";
  scan.barcodes.push_back(b);
  return scan;
}

Expectation Order(const std::string& postal, const std::string& country) {
  Expectation e;
  e.order_id = "A-1";
  e.tracking_numbers = {"1Z06X6100112345674"};
  e.postal_code = postal;
  e.country = country;
  return e;
}

TEST(MaxiCodeCheckTest, ZipPlusFourOnTheLabelMatchesTheOrdersZip) {
  LabelCheck c = CheckLabel(UpsLabel("152382802", "840"), Order("15238", "US"));
  EXPECT_EQ(c.verdict, Verdict::kPass) << (c.reasons.empty() ? "" : c.reasons[0]);
  c = CheckLabel(UpsLabel("152382802", "840"), Order("15238-2802", "US"));
  EXPECT_EQ(c.verdict, Verdict::kPass);
}

TEST(MaxiCodeCheckTest, PostalCodeThatContradictsTheOrderIsAMismatch) {
  LabelCheck c = CheckLabel(UpsLabel("940431351", "840"), Order("15238", "US"));
  ASSERT_EQ(c.verdict, Verdict::kMismatch);
  ASSERT_EQ(c.reasons.size(), 2u);
  EXPECT_EQ(c.reasons[1], "postal code on label 940431351 (MaxiCode), order says 15238");
}

TEST(MaxiCodeCheckTest, CountryThatContradictsTheOrderIsAMismatch) {
  LabelCheck c = CheckLabel(UpsLabel("152382802", "124"), Order("15238", "US"));
  ASSERT_EQ(c.verdict, Verdict::kMismatch);
  ASSERT_EQ(c.reasons.size(), 2u);
  EXPECT_EQ(c.reasons[1], "country on label CA (MaxiCode), order says US");
}

TEST(MaxiCodeCheckTest, ModeThreePostcodeCutToSixCharactersMatches) {
  LabelCheck c = CheckLabel(UpsLabel("SW1A2A", "826"), Order("SW1A 2AA", "GB"));
  EXPECT_EQ(c.verdict, Verdict::kPass) << (c.reasons.empty() ? "" : c.reasons[0]);
  c = CheckLabel(UpsLabel("SW1A2A", "826"), Order("SW1B 2AA", "GB"));
  EXPECT_EQ(c.verdict, Verdict::kMismatch);
}

TEST(MaxiCodeCheckTest, CarrierMessageFieldsAreRead) {
  ImageScan scan = UpsLabel("152382802", "840");
  const Barcode& b = scan.barcodes[0];
  FieldList want = {{"postal_code", "152382802"},
                    {"country", "US"},
                    {"service_class", "001"},
                    {"tracking_number", "1Z06X6100112345674"},
                    {"carrier", "UPSN"},
                    {"shipper_id", "06X610"},
                    {"julian_day", "159"},
                    {"package_count", "1/1"},
                    {"weight", "10"},
                    {"address_validation", "Y"},
                    {"street", "634 ALPHA DR"},
                    {"city", "PITTSBURGH"},
                    {"region", "PA"}};
  EXPECT_EQ(b.fields, want);
  ASSERT_EQ(b.tracking.size(), 1u);
  EXPECT_EQ(b.tracking[0].scheme, "UPS 1Z");
}

}  // namespace
}  // namespace parcelproof
