// End-to-end tests of the store verbs: init, orders import, ingest, show,
// export, log, fsck, and the bad-input cases (non-store folder, corrupt and
// unsupported files, invalid order file, read-only store, full disk, locked store).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "core/sha256.h"
#include "store_orders.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::CliRun;
using testing::ReadFileOrDie;
using testing::RunCli;
using testing::RunProgram;
using testing::TempDir;
using testing::WriteFileOrDie;

const char* const kOrders = testing::kTwoOrdersJson;

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = tmp_.File("store");
    ASSERT_EQ(Run({"init", "--station", "bench-1"}).exit_code, 0);
  }
  CliRun Run(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.push_back("--store");
    args.push_back(store_);
    return RunCli(args, env);
  }
  void ImportOrders() {
    WriteFileOrDie(tmp_.File("orders.json"), kOrders);
    CliRun r = Run({"orders", "import", tmp_.File("orders.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void ExpectFsckClean() {
    CliRun r = Run({"fsck"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  std::string Shell(const std::string& script) {
    CliRun r = RunProgram("/bin/sh", {"-c", script});
    return r.out + r.err + "\nexit " + std::to_string(r.exit_code);
  }

  TempDir tmp_;
  std::string store_;
};

TEST_F(StoreCliTest, InitRefusesNonStoresAndHonoursTheEnvironment) {
  ASSERT_EQ(mkdir(tmp_.File("other").c_str(), 0755), 0);
  WriteFileOrDie(tmp_.File("other/file.txt"), "x");
  CliRun r = RunCli({"fsck", "--store", tmp_.File("other")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("not a parcelproof store"), std::string::npos) << r.err;
  r = RunCli({"init", "--store", tmp_.File("other")});
  EXPECT_NE(r.exit_code, 0);
  r = RunCli({"log", "--json"}, {"PARCELPROOF_STORE=" + store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"action\":\"init\""), std::string::npos);
  EXPECT_NE(r.out.find("\"station\":\"bench-1\""), std::string::npos);
}

TEST_F(StoreCliTest, IngestAutoLinksLabelsShowsAndExports) {
  ImportOrders();
  std::string photos = tmp_.File("photos");
  ASSERT_EQ(mkdir(photos.c_str(), 0755), 0);
  ASSERT_EQ(mkdir((photos + "/notes").c_str(), 0755), 0);
  WriteFileOrDie(photos + "/notes/chat.txt", "buyer: where is my parcel?\n");
  testing::WriteSyntheticLabel(photos + "/label.png", 900, 500,
                               {{"Code128", "RR123456785NL", 60, 80, 780, 200}}, 0);
  WriteFileOrDie(photos + "/junk.bin", std::string("\x01\x02\x03\x00\xff", 5));
  CliRun r = Run({"ingest", photos});
  EXPECT_EQ(r.exit_code, 3) << "one file refused";
  EXPECT_NE(r.out.find("stored"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(image, label, order 1001, label PASS"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("refused    " + photos + "/junk.bin: unsupported file type"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("not linked to any order (1):\n  " + photos + "/notes/chat.txt"),
            std::string::npos)
      << r.out;

  r = Run({"show", "rr123456785nl", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"role\":\"label\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"verdict\":\"PASS\""), std::string::npos) << r.out;
  std::string sha = Sha256Hex(ReadFileOrDie(photos + "/label.png"));
  EXPECT_NE(r.out.find(sha), std::string::npos);

  r = Run({"export", sha, "-o", tmp_.File("out.png")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFileOrDie(tmp_.File("out.png")), ReadFileOrDie(photos + "/label.png"));

  r = Run({"ingest", photos + "/notes/chat.txt", "--order", "1002", "--role", "chat"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("duplicate"), std::string::npos) << r.out;
  r = Run({"show", "1002"});
  EXPECT_NE(r.out.find("chat.txt"), std::string::npos) << r.out;

  r = Run({"log"});
  EXPECT_NE(r.out.find("rejected"), std::string::npos);
  EXPECT_NE(r.out.find("link"), std::string::npos);
  EXPECT_NE(r.out.find("export"), std::string::npos);
  ExpectFsckClean();
}

TEST_F(StoreCliTest, CorruptImagesAndEmptyFilesAreRefusedAndTheRunContinues) {
  testing::WriteSyntheticLabel(tmp_.File("ok.jpg"), 600, 400,
                               {{"Code128", "LZ309182649CN", 40, 60, 520, 160}}, 0);
  std::string bytes = ReadFileOrDie(tmp_.File("ok.jpg"));
  WriteFileOrDie(tmp_.File("cut.jpg"), bytes.substr(0, bytes.size() / 2));
  WriteFileOrDie(tmp_.File("empty.txt"), "");
  CliRun r = Run({"ingest", tmp_.File("cut.jpg"), tmp_.File("empty.txt"), tmp_.File("ok.jpg")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("refused    " + tmp_.File("cut.jpg") + ": Corrupt"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("refused    " + tmp_.File("empty.txt") + ": empty file"), std::string::npos);
  EXPECT_NE(r.out.find("1 stored, 0 duplicate, 2 refused"), std::string::npos) << r.out;
  r = Run({"fsck", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"items\":2"), std::string::npos) << r.out;  // photo + thumbnail
}

TEST_F(StoreCliTest, VideosAreRecognisedByContent) {
  // ftyp + moov/mvhd v0: created 2025-07-30T05:52:33Z, 90 s at timescale 1000.
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  std::string mvhd = be32(108) + "mvhd" + be32(0) + be32(3836699553u) + be32(3836699553u) +
                     be32(1000) + be32(90000) + std::string(80, '\0');
  std::string mp4 =
      be32(20) + "ftypisom" + be32(512) + "isom" + be32(8 + mvhd.size()) + "moov" + mvhd;
  WriteFileOrDie(tmp_.File("clip.dat"), mp4);
  CliRun r = Run({"ingest", tmp_.File("clip.dat"), "--role", "unboxing", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\"kind\":\"video\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"capture_time\":\"2025-07-30T05:52:33Z\""), std::string::npos) << r.out;
}

TEST_F(StoreCliTest, OrderFileWithAnInvalidRecordImportsNothing) {
  std::string bad = std::string(kOrders);
  bad.replace(bad.find("\"id\":\"1002\","), 12, "");
  WriteFileOrDie(tmp_.File("bad.json"), bad);
  CliRun r = Run({"orders", "import", tmp_.File("bad.json")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.json"), std::string::npos) << r.err;
  EXPECT_EQ(Run({"show", "1001"}).exit_code, 3) << "nothing imported";
  ExpectFsckClean();
}

TEST_F(StoreCliTest, ReimportUpdatesAndLogsTheChange) {
  ImportOrders();
  std::string changed = kOrders;
  changed.replace(changed.find("Ana Lima"), 8, "Ana Lopes");
  WriteFileOrDie(tmp_.File("orders2.json"), changed);
  CliRun r = Run({"orders", "import", tmp_.File("orders2.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 1 updated, 1 unchanged"), std::string::npos) << r.out;
  r = Run({"log"});
  EXPECT_NE(r.out.find("order-update"), std::string::npos);
  EXPECT_NE(r.out.find("changed recipient"), std::string::npos) << r.out;
  EXPECT_NE(Run({"show", "1001"}).out.find("Ana Lopes"), std::string::npos);
}

TEST_F(StoreCliTest, FullDiskFailsTheItemClearlyAndLosesNothing) {
  WriteFileOrDie(tmp_.File("first.txt"), "stored before the disk filled\n");
  ASSERT_EQ(Run({"ingest", tmp_.File("first.txt")}).exit_code, 0);
  WriteFileOrDie(tmp_.File("big.txt"), std::string(3 << 20, 'x'));
  WriteFileOrDie(tmp_.File("small.txt"), "small\n");
  // RLIMIT_FSIZE stands in for a full disk: writes past 1 MiB fail with EFBIG.
  std::string out =
      Shell("trap '' XFSZ; ulimit -f 2048; exec '" PP_CLI_PATH "' ingest '" + tmp_.File("big.txt") +
            "' '" + tmp_.File("small.txt") + "' --store '" + store_ + "'");
  EXPECT_NE(out.find("refused    " + tmp_.File("big.txt") + ": IO error"), std::string::npos)
      << out;
  EXPECT_NE(out.find("disk full?"), std::string::npos) << out;
  EXPECT_NE(out.find("exit 3"), std::string::npos) << out;
  ExpectFsckClean();
  CliRun r = Run(
      {"export", Sha256Hex(ReadFileOrDie(tmp_.File("first.txt"))), "-o", tmp_.File("back.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(StoreCliTest, LockedStoreGivesAClearErrorAndNothingHalfWritten) {
  WriteFileOrDie(tmp_.File("a.txt"), "a\n");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((store_ + "/index.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  CliRun r = Run({"ingest", tmp_.File("a.txt")}, {"PARCELPROOF_BUSY_TIMEOUT_MS=100"});
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("store is locked by another process"), std::string::npos) << r.err;
  ExpectFsckClean();
  EXPECT_EQ(Run({"ingest", tmp_.File("a.txt")}).exit_code, 0);
}

TEST_F(StoreCliTest, ReadOnlyStoreIsRefusedClearly) {
  WriteFileOrDie(tmp_.File("a.txt"), "a\n");
  std::string cmd =
      "'" PP_CLI_PATH "' ingest '" + tmp_.File("a.txt") + "' --store '" + store_ + "'";
  std::string out;
  if (geteuid() == 0) {
    // Root ignores permissions: mount the store read-only in a private namespace.
    // Reading (fsck) must still work on read-only media.
    out = Shell("unshare -m sh -c \"mount --bind -o ro '" + store_ + "' '" + store_ + "' && " +
                "'" PP_CLI_PATH "' fsck --store '" + store_ + "' && " + cmd + "\"");
    if (out.find("unshare") != std::string::npos || out.find("mount") != std::string::npos) {
      GTEST_SKIP() << "cannot make a read-only mount here: " << out;
    }
  } else {
    out = Shell("chmod -R a-w '" + store_ + "' && " + cmd + "; s=$?; chmod -R u+w '" + store_ +
                "'; exit $s");
  }
  EXPECT_NE(out.find("store is read-only"), std::string::npos) << out;
  EXPECT_NE(out.find("exit 3"), std::string::npos) << out;
  if (geteuid() == 0) {
    EXPECT_NE(out.find("clean: 0 items"), std::string::npos) << out;
  }
  ExpectFsckClean();
}

// Validates the JSON outputs of the store verbs against schemas/ (with the
// cross-file $refs resolved) using Python's jsonschema when installed.
TEST_F(StoreCliTest, JsonOutputsMatchTheirSchemas) {
  if (!testing::HaveJsonSchema()) GTEST_SKIP() << "python3 jsonschema/referencing not installed";
  ImportOrders();
  testing::WriteSyntheticLabel(tmp_.File("label.png"), 900, 500,
                               {{"Code128", "RR123456785NL", 60, 80, 780, 200}}, 0);
  WriteFileOrDie(tmp_.File("chat.json"), "{\"from\":\"buyer\"}");
  struct Case {
    std::vector<std::string> args;
    const char* schema;
  };
  std::vector<Case> cases = {
      {{"ingest", tmp_.File("label.png"), tmp_.File("chat.json"), "--json"}, "ingest.schema.json"},
      {{"show", "1001", "--json"}, "show.schema.json"},
      {{"log", "--json"}, "custody-log.schema.json"},
      {{"fsck", "--json"}, "fsck.schema.json"},
      {{"orders", "import", tmp_.File("orders.json"), "--json"}, "store-info.schema.json"},
  };
  for (const Case& c : cases) {
    CliRun r = Run(c.args);
    ASSERT_EQ(r.exit_code, 0) << c.schema << ": " << r.err;
    WriteFileOrDie(tmp_.File("out.json"), r.out);
    CliRun v = testing::ValidateAgainstSchema(c.schema, tmp_.File("out.json"));
    EXPECT_EQ(v.exit_code, 0) << c.schema << ":\n" << v.err << "\n" << r.out;
  }
}

}  // namespace
}  // namespace parcelproof
