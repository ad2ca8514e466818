// keygen, bundle and verify end to end, and the third-party check of a real
// package with stock tools: openssl, sha256sum and an independent BagIt
// validator (tests/tools/bagit_validate.py).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "cli_runner.h"
#include "package_fixture.h"
#include "parcelproof/package.h"

namespace parcelproof {
namespace {

using testing::CliRun;
using testing::RunCli;
using testing::RunProgram;

CliRun Shell(const std::string& dir, const std::string& command) {
  return RunProgram("/bin/sh", {"-c", "cd '" + dir + "' && " + command});
}

TEST(PackageCli, KeygenWritesAPrivateKeyOnlyTheOwnerReadsAndRefusesToOverwrite) {
  testing::TempDir dir;
  CliRun run = RunCli({"keygen", dir.File("seller")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  struct stat st;
  ASSERT_EQ(::stat(dir.File("seller.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(dir.File("seller.pub").c_str(), &st), 0);
  std::string pub = testing::ReadBytes(dir.File("seller.pub"));
  EXPECT_EQ(pub.rfind("-----BEGIN PUBLIC KEY-----", 0), 0u);
  if (testing::HaveProgram("openssl") && testing::HaveProgram("sha256sum")) {
    CliRun fp = Shell(dir.path(), "openssl pkey -pubin -in seller.pub -outform DER | sha256sum");
    ASSERT_EQ(fp.exit_code, 0);
    EXPECT_NE(run.out.find(fp.out.substr(0, 64)), std::string::npos) << run.out << fp.out;
  }
  std::string key = testing::ReadBytes(dir.File("seller.key"));
  CliRun again = RunCli({"keygen", dir.File("seller"), "--json"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("refusing to overwrite"), std::string::npos) << again.err;
  EXPECT_EQ(testing::ReadBytes(dir.File("seller.key")), key);
}

class PackageThirdParty : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"openssl", "sha256sum", "unzip"}) {
      if (!testing::HaveProgram(tool)) GTEST_SKIP() << tool << " is not installed";
    }
    sample_ = testing::MakeSampleInput(dir_.path());
    ASSERT_TRUE(BuildPackage(sample_->input, dir_.File("p.zip")).ok());
    CliRun unzip = RunProgram("unzip", {"-q", dir_.File("p.zip"), "-d", dir_.File("x")});
    ASSERT_EQ(unzip.exit_code, 0) << unzip.err;
    bag_ = dir_.File("x/dispute-ord-1001-damaged");
  }
  testing::TempDir dir_;
  std::unique_ptr<testing::SampleInput> sample_;
  std::string bag_;
};

TEST_F(PackageThirdParty, StockOpensslAndSha256sumVerifyTheUnzippedPackage) {
  CliRun sig = Shell(bag_,
                     "openssl pkeyutl -verify -pubin -inkey signature/public.pem -rawin -in "
                     "tagmanifest-sha256.txt -sigfile signature/tagmanifest-sha256.txt.sig");
  EXPECT_EQ(sig.exit_code, 0) << sig.out << sig.err;
  EXPECT_NE(sig.out.find("Signature Verified Successfully"), std::string::npos);
  CliRun tags = Shell(bag_, "sha256sum -c tagmanifest-sha256.txt");
  EXPECT_EQ(tags.exit_code, 0) << tags.out << tags.err;
  CliRun payload = Shell(bag_, "sha256sum -c manifest-sha256.txt");
  EXPECT_EQ(payload.exit_code, 0) << payload.out << payload.err;
  EXPECT_NE(payload.out.find("data/label/"), std::string::npos);
}

TEST_F(PackageThirdParty, StockToolsCatchTampering) {
  std::string manifest = testing::ReadBytes(bag_ + "/tagmanifest-sha256.txt");
  testing::WriteBytes(bag_ + "/tagmanifest-sha256.txt", manifest + "\n");
  CliRun sig = Shell(bag_,
                     "openssl pkeyutl -verify -pubin -inkey signature/public.pem -rawin -in "
                     "tagmanifest-sha256.txt -sigfile signature/tagmanifest-sha256.txt.sig");
  EXPECT_NE(sig.exit_code, 0);
  CliRun payload = Shell(
      bag_,
      "for f in data/chat/*.txt; do echo x >> \"$f\"; done; sha256sum -c manifest-sha256.txt");
  EXPECT_NE(payload.exit_code, 0);
}

TEST_F(PackageThirdParty, AnIndependentBagItValidatorAcceptsTheBagAndRejectsAChange) {
  if (!testing::HaveProgram("python3")) GTEST_SKIP() << "python3 is not installed";
  std::string tool = std::string(PP_SOURCE_DIR) + "/tests/tools/bagit_validate.py";
  CliRun ok = RunProgram("python3", {tool, bag_});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("VALID"), std::string::npos);
  testing::WriteBytes(bag_ + "/data/label/extra.jpg", "x");
  CliRun bad = RunProgram("python3", {tool, bag_});
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("data/label/extra.jpg is not listed"), std::string::npos) << bad.out;
}

TEST_F(PackageThirdParty, EvidenceJsonAndChecklistsFollowTheirSchemas) {
  if (testing::RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3 with jsonschema is not installed";
  }
  std::string src = PP_SOURCE_DIR;
  std::string script =
      "import json,sys,jsonschema\n"
      "for schema, doc in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):\n"
      "  jsonschema.Draft202012Validator(json.load(open(schema))).validate(json.load(open(doc)))\n"
      "print('valid')\n";
  CliRun run = RunProgram(
      "python3", {"-c", script, src + "/schemas/evidence.schema.json", bag_ + "/evidence.json",
                  src + "/schemas/checklists.schema.json", src + "/data/checklists.json"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST(PackageCli, VerifyExitCodesAndJson) {
  testing::TempDir dir;
  auto sample = testing::MakeSampleInput(dir.path());
  ASSERT_TRUE(BuildPackage(sample->input, dir.File("p.zip")).ok());
  testing::WriteBytes(dir.File("key.pub"), sample->public_pem);
  CliRun ok = RunCli({"verify", dir.File("p.zip"), "--pubkey", dir.File("key.pub")});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_EQ(ok.out.rfind("OK", 0), 0u) << ok.out;
  CliRun json = RunCli({"verify", dir.File("p.zip"), "--json"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_NE(json.out.find("\"ok\": true"), std::string::npos) << json.out;
  testing::WriteBytes(dir.File("bad.zip"), testing::ReadBytes(dir.File("p.zip")) + "junk");
  CliRun bad = RunCli({"verify", dir.File("bad.zip"), "--json"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("zip-trailing-garbage"), std::string::npos) << bad.out;
  EXPECT_EQ(RunCli({"verify", dir.File("missing.zip")}).exit_code, 3);
  EXPECT_EQ(RunCli({"verify"}).exit_code, 2);
  testing::WriteBytes(dir.File("junk.pem"), "not a key");
  EXPECT_EQ(RunCli({"verify", dir.File("p.zip"), "--pubkey", dir.File("junk.pem")}).exit_code, 3);
}

// The store glue: import, ingest, bundle twice (same bytes), verify, logged.
TEST(PackageCli, BundleFromTheStoreIsReproducibleVerifiedAndLogged) {
  testing::TempDir dir;
  std::string store = dir.File("store");
  ASSERT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
  testing::WriteBytes(dir.File("orders.json"),
                      R"({"id":"ORD-7","recipient":{"name":"Ana","postal_code":"10115",)"
                      R"("country":"DE"},"tracking":[{"carrier":"UPU","number":"RR123456785CN"}],)"
                      R"("times":{"placed":"2026-02-27T09:00:00Z"}})");
  ASSERT_EQ(RunCli({"orders", "import", dir.File("orders.json"), "--store", store}).exit_code, 0);
  testing::WriteBytes(dir.File("chat.txt"), "buyer: where is it?\nseller: shipped\n");
  CliRun ingest = RunCli(
      {"ingest", dir.File("chat.txt"), "--role", "chat", "--order", "ORD-7", "--store", store});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out << ingest.err;
  ASSERT_EQ(RunCli({"keygen", dir.File("k")}).exit_code, 0);
  std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1772712000"};
  CliRun a = RunCli({"bundle", "ORD-7", "--reason", "not-received", "--key", dir.File("k.key"),
                     "-o", dir.File("a.zip"), "--store", store, "--json"},
                    env);
  ASSERT_EQ(a.exit_code, 0) << a.out << a.err;
  EXPECT_NE(a.out.find("\"package_id\":\"PP-"), std::string::npos) << a.out;
  CliRun b = RunCli({"bundle", "RR123456785CN", "--reason", "not-received", "--key",
                     dir.File("k.key"), "-o", dir.File("b.zip"), "--store", store},
                    env);
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  EXPECT_EQ(testing::ReadBytes(dir.File("a.zip")), testing::ReadBytes(dir.File("b.zip")));
  CliRun v = RunCli({"verify", dir.File("a.zip"), "--pubkey", dir.File("k.pub")});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  CliRun log = RunCli({"log", "--store", store});
  EXPECT_NE(log.out.find("bundle"), std::string::npos) << log.out;
  CliRun usage = RunCli(
      {"bundle", "ORD-7", "--reason", "bored", "--key", dir.File("k.key"), "--store", store});
  EXPECT_EQ(usage.exit_code, 2);
  CliRun missing = RunCli(
      {"bundle", "NOPE", "--reason", "damaged", "--key", dir.File("k.key"), "--store", store});
  EXPECT_EQ(missing.exit_code, 3);
}

}  // namespace
}  // namespace parcelproof
