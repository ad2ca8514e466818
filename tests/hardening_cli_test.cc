// End-to-end regressions of the defects issue 14 found by fuzzing and by
// trying the CLI as a new user: each through the parcelproof binary.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.h"
#include "package_fixture.h"
#include "parcelproof/package.h"

namespace parcelproof {
namespace {

using testing::RunCli;

// The fuzzer's 21 bytes: a CSV order whose id is the byte 0xB9.
const char kBadCsv[] = "country,order_id\nDE,\xB9";

TEST(HardeningCliTest, InvalidUtf8CsvIsAnInputErrorForImport) {
  testing::TempDir dir;
  testing::WriteFileOrDie(dir.File("orders.csv"), kBadCsv);
  const std::string store = dir.File("store");
  ASSERT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
  for (bool json : {false, true}) {
    std::vector<std::string> args = {"orders", "import", dir.File("orders.csv"), "--store", store};
    if (json) args.push_back("--json");
    auto r = RunCli(args);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("orders.csv: line 2: field order_id: invalid UTF-8 (byte 0xB9 at offset "
                         "0)"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  auto log = RunCli({"log", "--store", store, "--json"});
  EXPECT_EQ(log.out.find("order-import"), std::string::npos) << "nothing was imported";
}

TEST(HardeningCliTest, InvalidUtf8CsvIsAnInputErrorForCheck) {
  testing::TempDir dir;
  testing::WriteFileOrDie(dir.File("orders.csv"), kBadCsv);
  testing::WriteFileOrDie(dir.File("x.jpg"), "not an image");
  for (bool json : {false, true}) {
    std::vector<std::string> args = {"check", dir.File("x.jpg"), "--order", dir.File("orders.csv")};
    if (json) args.push_back("--json");
    auto r = RunCli(args);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find('\xB9'), std::string::npos) << "the raw byte is never printed";
  }
}

// A package rewritten entry for entry by Python's zipfile (same names, same
// bytes; entries get mode 0600 without file-type bits, or 0 with a ZipInfo)
// still verifies: the signature covers every byte that matters.
TEST(HardeningCliTest, PackageRewrittenByPythonZipfileVerifies) {
  if (!testing::HaveProgram("python3")) GTEST_SKIP() << "python3 not installed";
  testing::TempDir dir;
  auto sample = testing::MakeSampleInput(dir.path());
  ASSERT_TRUE(BuildPackage(sample->input, dir.File("p.zip")).ok());
  testing::WriteFileOrDie(dir.File("pub.pem"), sample->public_pem);
  const char kRewrite[] =
      "import sys, zipfile\n"
      "src, dst, how = sys.argv[1:4]\n"
      "with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:\n"
      "    for info in zin.infolist():\n"
      "        data = zin.read(info)\n"
      "        if how == 'name':\n"
      "            zout.writestr(info.filename, data)\n"
      "        else:\n"
      "            z = zipfile.ZipInfo(info.filename, info.date_time)\n"
      "            z.create_system = 0 if how == 'dos' else 3\n"
      "            zout.writestr(z, data, zipfile.ZIP_DEFLATED)\n";
  testing::WriteFileOrDie(dir.File("rewrite.py"), kRewrite);
  for (const char* how : {"name", "zipinfo", "dos"}) {
    const std::string out = dir.File(std::string("r-") + how + ".zip");
    auto py = testing::RunProgram("python3", {dir.File("rewrite.py"), dir.File("p.zip"), out, how});
    ASSERT_EQ(py.exit_code, 0) << py.err;
    auto r = RunCli({"verify", out, "--pubkey", dir.File("pub.pem")});
    EXPECT_EQ(r.exit_code, 0) << how << ":\n" << r.out << r.err;
  }
}

}  // namespace
}  // namespace parcelproof
