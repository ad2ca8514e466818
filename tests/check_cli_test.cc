// End-to-end: `parcelproof check` verdicts, reasons and exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteSyntheticLabel(
        dir_.File("label.png"), 900, 500,
        {{"Code128", "RR123456785CN", 40, 40, 620, 170},
         {"QRCode", "postal_code=101000\ncountry=CN\nrecipient=Li Wei", 680, 260, 200, 200}},
        20);
    WriteSyntheticLabel(dir_.File("stacked.png"), 900, 500,
                        {{"Code128", "RR123456785CN", 40, 40, 620, 170},
                         {"Code128", "UA284703196CN", 40, 280, 620, 170}},
                        -15);
    WriteSyntheticLabel(dir_.File("routing.png"), 900, 500,
                        {{"Code128", "LP00123456789CN", 40, 40, 620, 170},
                         {"Code128", "4012345678901", 40, 280, 620, 170}},
                        5);
    WritePlainImage(dir_.File("blank.png"), 400, 300);
  }

  json Check(const std::vector<std::string>& extra, int expected_exit) {
    std::vector<std::string> args = {"check", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    CliRun run = RunCli(args);
    EXPECT_EQ(run.exit_code, expected_exit) << run.out << run.err;
    return json::parse(run.out);
  }

  TempDir dir_;
};

TEST_F(CheckCliTest, PassWhenTheOrdersNumberAndAddressMatch) {
  json r = Check({dir_.File("label.png"), "--tracking", "RR123456785CN", "--postal-code", "101000",
                  "--country", "cn", "--recipient", "LI WEI"},
                 0);
  EXPECT_EQ(r["checks"][0]["verdict"], "PASS");
  EXPECT_EQ(r["summary"]["pass"], 1);
}

TEST_F(CheckCliTest, MismatchNamesBothNumbers) {
  json r = Check({dir_.File("label.png"), "--tracking", "LP00123456789CN"}, 1);
  EXPECT_EQ(r["checks"][0]["verdict"], "MISMATCH");
  EXPECT_EQ(r["checks"][0]["reasons"][0],
            "label tracking RR123456785CN is not the order's LP00123456789CN");
}

TEST_F(CheckCliTest, MismatchOnPostalCodeFromTheTwoDCode) {
  json r =
      Check({dir_.File("label.png"), "--tracking", "RR123456785CN", "--postal-code", "101001"}, 1);
  EXPECT_EQ(r["checks"][0]["verdict"], "MISMATCH");
  bool named = false;
  for (const json& reason : r["checks"][0]["reasons"]) {
    named |= reason == "postal code on label 101000 (QRCode), order says 101001";
  }
  EXPECT_TRUE(named) << r.dump(2);
}

TEST_F(CheckCliTest, StackedLabelsShowBothNumbers) {
  json r = Check({dir_.File("stacked.png"), "--tracking", "RR123456785CN"}, 1);
  EXPECT_EQ(r["checks"][0]["verdict"], "MISMATCH");
  std::set<std::string> seen(r["checks"][0]["label_tracking"].begin(),
                             r["checks"][0]["label_tracking"].end());
  EXPECT_EQ(seen, (std::set<std::string>{"RR123456785CN", "UA284703196CN"}));
  // Same carrier shape (LP + 11 digits + CN) on two labels is a mislabel too.
  WriteSyntheticLabel(dir_.File("lp.png"), 900, 500,
                      {{"Code128", "LP00123456789CN", 40, 40, 620, 170},
                       {"Code128", "LP00987654321CN", 40, 280, 620, 170}},
                      0);
  EXPECT_EQ(
      Check({dir_.File("lp.png"), "--tracking", "LP00123456789CN"}, 1)["checks"][0]["verdict"],
      "MISMATCH");
}

TEST_F(CheckCliTest, ARoutingNumberOfAnotherShapeIsNotASecondLabel) {
  json r = Check({dir_.File("routing.png"), "--tracking", "LP00123456789CN"}, 0);
  EXPECT_EQ(r["checks"][0]["verdict"], "PASS") << r.dump(2);
}

TEST_F(CheckCliTest, UnreadableExitsThreeAndMismatchWins) {
  json r = Check({dir_.File("blank.png"), "--tracking", "RR123456785CN"}, 3);
  EXPECT_EQ(r["checks"][0]["verdict"], "UNREADABLE");
  Check({dir_.File("blank.png"), dir_.File("label.png"), "--tracking", "LP00123456789CN"}, 1);
}

TEST_F(CheckCliTest, WarnsWhenTheOrdersOwnNumberFailsItsCheckDigit) {
  json r = Check({dir_.File("label.png"), "--tracking", "RR123456784CN"}, 1);
  ASSERT_EQ(r["checks"][0]["warnings"].size(), 1u);
  EXPECT_NE(r["checks"][0]["warnings"][0].get<std::string>().find("fails the UPU S10 check digit"),
            std::string::npos);
}

TEST_F(CheckCliTest, OrderFileAndUsageErrors) {
  WriteFileOrDie(
      dir_.File("orders.json"),
      R"([{"id":"A","recipient":{"country":"CN","postal_code":"101000"},"tracking":[{"number":"RR123456785CN"}]},
                     {"id":"B","recipient":{"country":"DE"},"tracking":[{"number":"LP00123456789CN"}]}])");
  json r =
      Check({dir_.File("label.png"), "--order", dir_.File("orders.json"), "--order-id", "A"}, 0);
  EXPECT_EQ(r["checks"][0]["verdict"], "PASS");
  // Several orders and no --order-id: each photo is checked against the order
  // whose tracking number is on its label.
  json any = Check({dir_.File("label.png"), "--order", dir_.File("orders.json")}, 0);
  EXPECT_EQ(any["checks"][0]["order_id"], "A");
  EXPECT_EQ(any["checks"][0]["verdict"], "PASS");
  WriteFileOrDie(
      dir_.File("others.json"),
      R"([{"id":"C","recipient":{"country":"DE"},"tracking":[{"number":"EE000000005DE"}]},
                     {"id":"D","recipient":{"country":"DE"},"tracking":[{"number":"EE000000080DE"}]}])");
  json none = Check({dir_.File("label.png"), "--order", dir_.File("others.json")}, 1);
  EXPECT_EQ(none["checks"][0]["verdict"], "MISMATCH");
  EXPECT_EQ(none["checks"][0]["reasons"][0],
            "label tracking RR123456785CN belongs to no order in the list");
  Check({dir_.File("blank.png"), "--order", dir_.File("others.json")}, 3);
  EXPECT_EQ(RunCli({"check", dir_.File("label.png")}).exit_code, 2);
  CliRun missing = RunCli(
      {"check", dir_.File("label.png"), "--order", dir_.File("orders.json"), "--order-id", "Z"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("no order with id Z"), std::string::npos);
  WriteFileOrDie(dir_.File("bad.json"), R"({"id":"A","recipient":{"country":"China"}})");
  CliRun bad = RunCli({"check", dir_.File("label.png"), "--order", dir_.File("bad.json")});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("record 1 (order A): field recipient.country"), std::string::npos)
      << bad.err;
}

}  // namespace
}  // namespace parcelproof::testing
