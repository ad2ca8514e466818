// Every JSON document a verb prints carries "version" (the parcelproof that
// wrote it) and matches its schema under schemas/: one real run through
// every verb, from a fresh store to a verified package.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "parcelproof/version.h"
#include "store_orders.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::RunCli;

class JsonVersionCliTest : public ::testing::Test {
 protected:
  // Runs a verb with --json; the document must name the version and, when a
  // schema is given, match it.
  nlohmann::json Run(std::vector<std::string> args, const char* schema, int exit_code = 0) {
    args.push_back("--json");
    testing::CliRun r =
        RunCli(args, {"PARCELPROOF_STORE=" + dir_.File("store"), "SOURCE_DATE_EPOCH=1772712000"});
    EXPECT_EQ(r.exit_code, exit_code) << args[0] << ": " << r.err;
    nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_TRUE(doc.is_object()) << args[0] << ": " << r.out;
    if (!doc.is_object()) return doc;
    EXPECT_EQ(doc.value("version", ""), Version()) << args[0] << ": " << r.out.substr(0, 200);
    if (schema && have_jsonschema_) {
      testing::WriteFileOrDie(dir_.File("out.json"), r.out);
      auto v = testing::ValidateAgainstSchema(schema, dir_.File("out.json"));
      EXPECT_EQ(v.exit_code, 0) << args[0] << " vs " << schema << ":\n" << v.err;
    }
    return doc;
  }

  testing::TempDir dir_;
  bool have_jsonschema_ = testing::HaveJsonSchema();
};

TEST_F(JsonVersionCliTest, EveryVerbFromStoreToVerifiedPackage) {
  if (!have_jsonschema_)
    std::fprintf(stderr, "note: python3 jsonschema missing: schemas not checked\n");
  const std::string label = dir_.File("label.png");
  testing::WriteSyntheticLabel(label, 900, 500, {{"Code128", "RR123456785NL", 60, 80, 780, 200}},
                               0);
  testing::WriteFileOrDie(dir_.File("orders.json"), testing::kTwoOrdersJson);
  Run({"init", "--station", "pack-1"}, "store-info.schema.json");
  Run({"orders", "import", dir_.File("orders.json")}, "store-info.schema.json");
  Run({"scan", label}, "scan.schema.json");
  Run({"check", label, "--order", dir_.File("orders.json"), "--order-id", "1001"},
      "check.schema.json");
  Run({"inspect", label}, "inspect.schema.json");
  testing::WriteFileOrDie(dir_.File("chat.txt"), "13/1/26, 10:00 - Anna: where is it?\n");
  Run({"chat", dir_.File("chat.txt")}, "conversation.schema.json");
  nlohmann::json ingest = Run({"ingest", label}, "ingest.schema.json");
  const std::string sha = ingest["files"][0].value("sha256", "");
  ASSERT_EQ(sha.size(), 64u);
  Run({"show", "1001"}, "show.schema.json");
  Run({"timeline", "1001"}, "timeline.schema.json");
  Run({"log"}, "custody-log.schema.json");
  Run({"fsck"}, "fsck.schema.json");
  Run({"export", sha, "-o", dir_.File("copy.png")}, "store-info.schema.json");
  Run({"keygen", dir_.File("seller")}, "keygen.schema.json");
  Run({"bundle", "1001", "--reason", "wrong-address", "--key", dir_.File("seller.key"), "-o",
       dir_.File("p.zip")},
      nullptr);
  nlohmann::json ok = Run({"verify", dir_.File("p.zip")}, "verify.schema.json");
  EXPECT_EQ(ok.value("ok", false), true);
  Run({"upload-set", dir_.File("p.zip"), "--platform", "stripe", "-o", dir_.File("up")},
      "upload-set.schema.json");
  testing::WriteFileOrDie(dir_.File("bad.zip"), "not a zip");
  nlohmann::json bad = Run({"verify", dir_.File("bad.zip")}, "verify.schema.json", 1);
  EXPECT_EQ(bad.value("ok", true), false);
}

}  // namespace
}  // namespace parcelproof
