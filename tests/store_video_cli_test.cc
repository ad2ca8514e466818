// End-to-end: an iPhone-like MOV ingested into the store keeps Apple's
// creationdate (local time + offset) and takes its capture time from it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "mov_builder.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

TEST(StoreVideoCliTest, MovCaptureTimeComesFromQuickTimeCreationDate) {
  TempDir tmp;
  std::string store = tmp.File("store");
  ASSERT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
  WriteFileOrDie(tmp.File("orders.json"), R"([{"id":"1001","platform":"shop",
    "recipient":{"name":"Ana Lima","lines":["Rua 1"],"city":"Porto","postal_code":"4000-001",
    "country":"PT"},"tracking":[{"carrier":"CTT","number":"RR123456785NL"}],
    "items":[{"sku":"A","title":"Cup","quantity":1}]}])");
  ASSERT_EQ(RunCli({"orders", "import", tmp.File("orders.json"), "--store", store}).exit_code, 0);
  WriteFileOrDie(tmp.File("IMG_0042.MOV"), IphoneMov("2026-03-03T11:00:00+0800"));
  CliRun r = RunCli({"ingest", tmp.File("IMG_0042.MOV"), "--order", "1001", "--role", "unboxing",
                     "--store", store});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  r = RunCli({"show", "1001", "--json", "--store", store});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json doc = Json::parse(r.out);
  ASSERT_EQ(doc["items"].size(), 1u) << r.out;
  const Json& item = doc["items"][0];
  EXPECT_EQ(item["capture_time"], "2026-03-03T03:00:00Z");
  EXPECT_EQ(item["capture_time_source"], "container MP4 quicktime creationdate");
  EXPECT_EQ(item["metadata"]["video"]["quicktime_creation_date"], "2026-03-03T11:00:00+08:00");
  EXPECT_EQ(item["metadata"]["video"]["creation_time"], "2026-03-03T03:00:05Z");
}

}  // namespace
}  // namespace parcelproof::testing
