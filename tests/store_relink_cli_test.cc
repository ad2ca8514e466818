// End-to-end: a label photo already in the store, ingested again for another
// order, gets that order's label verdict (and a "label-check" custody entry);
// the blob and the earlier rows stay as they are; the same again adds nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "core/sha256.h"
#include "store_orders.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using Json = nlohmann::json;
using testing::CliRun;
using testing::ReadFileOrDie;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFileOrDie;

const char* const kOrders = testing::kTwoOrdersJson;

class StoreRelinkCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = tmp_.File("store");
    ASSERT_EQ(Run({"init", "--station", "bench-1"}).exit_code, 0);
    WriteFileOrDie(tmp_.File("orders.json"), kOrders);
    ASSERT_EQ(Run({"orders", "import", tmp_.File("orders.json")}).exit_code, 0);
    label_ = tmp_.File("label.png");  // the label of order 1001
    testing::WriteSyntheticLabel(label_, 900, 500, {{"Code128", "RR123456785NL", 60, 80, 780, 200}},
                                 0);
  }
  CliRun Run(std::vector<std::string> args) {
    args.push_back("--store");
    args.push_back(store_);
    return RunCli(args);
  }
  // The one ingest line of a single-file ingest --json.
  Json IngestOne(const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"ingest", "--json", label_};
    args.insert(args.end(), flags.begin(), flags.end());
    CliRun r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    Json doc = Json::parse(r.out, nullptr, false);
    return doc.is_discarded() ? Json() : doc["files"][0];
  }
  // order id -> verdict of the label item in `show ORDER --json`.
  std::string ShownVerdict(const std::string& order) {
    CliRun r = Run({"show", order, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Json doc = Json::parse(r.out);
    for (const Json& item : doc["items"]) {
      for (const Json& v : item.value("verdicts", Json::array())) {
        if (v["order_id"] == order) return v["verdict"];
      }
    }
    return "";
  }
  std::vector<Json> LogEntries(const std::string& action) {
    CliRun r = Run({"log", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Json doc = Json::parse(r.out);
    std::vector<Json> out;
    for (const Json& e : doc.is_array() ? doc : doc["entries"]) {
      if (e["action"] == action) out.push_back(e);
    }
    return out;
  }

  TempDir tmp_;
  std::string store_;
  std::string label_;
};

TEST_F(StoreRelinkCliTest, ReaddingForAnotherOrderComputesItsVerdict) {
  Json first = IngestOne({"--order", "1002", "--role", "packing"});
  ASSERT_EQ(first["outcome"], "stored") << first.dump();
  EXPECT_TRUE(first.value("verdicts", Json::array()).empty()) << first.dump();
  std::string sha = Sha256Hex(ReadFileOrDie(label_));
  std::string blob = store_ + "/blobs/" + sha.substr(0, 2) + "/" + sha;
  struct stat before;
  ASSERT_EQ(stat(blob.c_str(), &before), 0);

  Json pass = IngestOne({"--order", "1001", "--role", "label"});
  EXPECT_EQ(pass["outcome"], "duplicate") << pass.dump();
  ASSERT_EQ(pass["verdicts"].size(), 1u) << pass.dump();
  EXPECT_EQ(pass["verdicts"][0]["order_id"], "1001");
  EXPECT_EQ(pass["verdicts"][0]["verdict"], "PASS");
  EXPECT_EQ(ShownVerdict("1001"), "PASS");

  Json mismatch = IngestOne({"--order", "1002", "--role", "label"});
  EXPECT_EQ(mismatch["outcome"], "duplicate") << mismatch.dump();
  EXPECT_EQ(ShownVerdict("1002"), "MISMATCH");
  EXPECT_EQ(ShownVerdict("1001"), "PASS");

  std::vector<Json> checks = LogEntries("label-check");
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0]["order_id"], "1001");
  EXPECT_EQ(checks[0]["item_sha256"], sha);
  EXPECT_EQ(checks[0]["detail"].get<std::string>().rfind("label PASS; ", 0), 0u)
      << checks[0].dump();
  EXPECT_EQ(checks[1]["order_id"], "1002");
  EXPECT_EQ(checks[1]["detail"].get<std::string>().rfind("label MISMATCH; ", 0), 0u)
      << checks[1].dump();

  // The blob was neither rewritten nor touched.
  struct stat after;
  ASSERT_EQ(stat(blob.c_str(), &after), 0);
  EXPECT_EQ(ReadFileOrDie(blob), ReadFileOrDie(label_));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  CliRun fsck = Run({"fsck"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
}

TEST_F(StoreRelinkCliTest, SameFileSameOrderAddsNothingTwice) {
  IngestOne({"--order", "1001", "--role", "label"});
  EXPECT_EQ(ShownVerdict("1001"), "PASS");
  size_t links = LogEntries("link").size();
  for (int i = 0; i < 2; ++i) {
    Json again = IngestOne({"--order", "1001", "--role", "label"});
    EXPECT_EQ(again["outcome"], "duplicate");
    ASSERT_EQ(again["verdicts"].size(), 1u) << again.dump();  // the first ingest's
  }
  EXPECT_TRUE(LogEntries("label-check").empty()) << "the first ingest's verdict is logged by it";
  EXPECT_EQ(LogEntries("link").size(), links);
  EXPECT_EQ(LogEntries("duplicate").size(), 2u);
  CliRun show = Run({"show", "1001", "--json"});
  EXPECT_EQ(Json::parse(show.out)["items"].size(), 1u) << show.out;
  CliRun fsck = Run({"fsck"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
}

TEST_F(StoreRelinkCliTest, AutoLinkedDuplicateGetsANewlyImportedOrdersVerdict) {
  Json first = IngestOne({});
  ASSERT_EQ(first["verdicts"].size(), 1u) << first.dump();  // 1001, auto-linked
  WriteFileOrDie(tmp_.File("more.json"), R"([
 {"id":"1003","platform":"shop","recipient":{"name":"Ana Lima","lines":["Rua 1"],"city":"Porto",
  "postal_code":"4000-001","country":"PT"},"tracking":[{"carrier":"CTT","number":"RR123456785NL"}],
  "items":[{"sku":"A","title":"Cup","quantity":1}]}])");
  ASSERT_EQ(Run({"orders", "import", tmp_.File("more.json")}).exit_code, 0);
  Json again = IngestOne({});
  EXPECT_EQ(again["outcome"], "duplicate");
  EXPECT_EQ(again["verdicts"].size(), 2u) << again.dump();
  EXPECT_EQ(ShownVerdict("1003"), "PASS");
  EXPECT_EQ(LogEntries("label-check").size(), 1u);
}

}  // namespace
}  // namespace parcelproof
