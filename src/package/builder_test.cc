#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "archive/zip_reader.h"
#include "package_fixture.h"
#include "parcelproof/package.h"

namespace parcelproof {
namespace {

using testing::MakeSampleInput;
using testing::ReadBytes;
using testing::TempDir;

const char kBag[] = "dispute-ord-1001-damaged/";

TEST(PackageBuilder, BuildsAPackageThatVerifies) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->payload_files, 5u);
  EXPECT_EQ(s->bag_name, "dispute-ord-1001-damaged");
  Result<VerifyReport> r = VerifyPackage(dir.File("p.zip"), {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok()) << testing::FailureList(*r);
  EXPECT_EQ(r->order_id, "ORD-1001");
  EXPECT_EQ(r->reason, "damaged");
  EXPECT_EQ(r->package_id, s->package_id);
  EXPECT_EQ(r->fingerprint, s->fingerprint);
}

TEST(PackageBuilder, SameInputClockAndKeyGiveTheSameBytesInAnyTimeZone) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  ASSERT_TRUE(BuildPackage(sample->input, dir.File("a.zip")).ok());
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz ? old_tz : "";
  ::setenv("TZ", "America/New_York", 1);
  ::tzset();
  Result<PackageSummary> b = BuildPackage(sample->input, dir.File("b.zip"));
  if (old_tz)
    ::setenv("TZ", saved.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(ReadBytes(dir.File("a.zip")), ReadBytes(dir.File("b.zip")));
}

TEST(PackageBuilder, LaysOutTheBagSortedWithReadableNamesAndNoExtraFields) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  ASSERT_TRUE(BuildPackage(sample->input, dir.File("p.zip")).ok());
  archive::ZipLayout layout = archive::InspectZip(dir.File("p.zip"));
  ASSERT_TRUE(layout.problems.empty());
  std::vector<std::string> names;
  for (const auto& e : layout.entries) names.push_back(e.name);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  std::string label = std::string(kBag) + "data/label/2026-03-01T02-22-05Z_label_" +
                      sample->input.items[0].sha256.substr(0, 8) + ".jpg";
  EXPECT_NE(std::find(names.begin(), names.end(), label), names.end()) << label;
  for (const char* tag : {"bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                          "tagmanifest-sha256.txt", "evidence.json", "report.html",
                          "signature/tagmanifest-sha256.txt.sig", "signature/public.pem"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), std::string(kBag) + tag), names.end()) << tag;
  }
  std::string bytes = ReadBytes(dir.File("p.zip"));
  for (const auto& e : layout.entries) {
    size_t off = e.local_offset;
    int extra = static_cast<unsigned char>(bytes[off + 28]) |
                static_cast<unsigned char>(bytes[off + 29]) << 8;
    EXPECT_EQ(extra, 0) << e.name;
    bool media =
        e.name.find(".jpg") != std::string::npos || e.name.find(".mp4") != std::string::npos;
    if (media) {
      EXPECT_EQ(e.method, 0) << e.name << " must be stored";
    }
    if (e.name.find("report.html") != std::string::npos) {
      EXPECT_EQ(e.method, 8);
    }
  }
}

TEST(PackageBuilder, TagFilesSayWhatTheArbitratorNeeds) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  ASSERT_TRUE(BuildPackage(sample->input, dir.File("p.zip")).ok());
  auto entries = testing::ReadEntries(dir.File("p.zip"));
  std::string info = entries[std::string(kBag) + "bag-info.txt"];
  EXPECT_NE(info.find("External-Identifier: ORD-1001\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Bagging-Date: 2026-03-05\n"), std::string::npos);
  EXPECT_NE(info.find("Parcelproof-Dispute-Reason: damaged\n"), std::string::npos);
  EXPECT_NE(info.find("Source-Organization: "), std::string::npos);
  EXPECT_NE(info.find("Bag-Size: "), std::string::npos);
  std::string html = entries[std::string(kBag) + "report.html"];
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("<polygon points=\"100.0,100.0 400.0,110.0"), std::string::npos);
  EXPECT_NE(html.find("<b>Code128</b>, this order&#39;s tracking number: <code>RR123456785CN"),
            std::string::npos);
  EXPECT_NE(html.find("stroke=\"#1a7f37\""), std::string::npos);
  EXPECT_NE(html.find("openssl pkeyutl -verify -pubin -inkey signature/public.pem -rawin -in "
                      "tagmanifest-sha256.txt -sigfile signature/tagmanifest-sha256.txt.sig"),
            std::string::npos);
  EXPECT_NE(html.find("seller: shipped 1 March"), std::string::npos);
  std::string thumb = "thumbnails/label/2026-03-01T02-22-05Z_label_" +
                      sample->input.items[0].sha256.substr(0, 8) + ".jpg";
  EXPECT_NE(html.find("src=\"" + thumb + "\""), std::string::npos);
  EXPECT_EQ(entries[std::string(kBag) + thumb], "\xff\xd8thumbnail of the label");
  EXPECT_NE(entries[std::string(kBag) + "tagmanifest-sha256.txt"].find("  " + thumb + "\n"),
            std::string::npos);
  EXPECT_NE(html.find("Ana &lt;Buyer&gt;"), std::string::npos);
  EXPECT_NE(html.find("missing"), std::string::npos);  // no buyer photos for "damaged"
  auto ev = nlohmann::json::parse(entries[std::string(kBag) + "evidence.json"]);
  EXPECT_EQ(ev["order"]["id"], "ORD-1001");
  EXPECT_EQ(ev["items"].size(), 5u);
  EXPECT_EQ(ev["custody_log"].size(), 1u);
  bool buyer_missing = false;
  for (const auto& l : ev["checklist"]) {
    if (l["id"] == "buyer-photos") buyer_missing = !l["present"].get<bool>();
  }
  EXPECT_TRUE(buyer_missing);
}

TEST(PackageBuilder, RefusesAnOriginalThatNoLongerMatchesItsHash) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  std::string path = sample->input.items[1].source_path;
  std::string bytes = ReadBytes(path);
  bytes[5] ^= 1;
  testing::WriteBytes(path, bytes);
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorrupt) << s.status().ToString();
  EXPECT_NE(s.status().message().find("does not match its hash"), std::string::npos);
  EXPECT_TRUE(ReadBytes(dir.File("p.zip")).empty());
}

TEST(PackageBuilder, RefusesToOverwriteAndUnknownReasons) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  testing::WriteBytes(dir.File("p.zip"), "keep");
  EXPECT_FALSE(BuildPackage(sample->input, dir.File("p.zip")).ok());
  EXPECT_EQ(ReadBytes(dir.File("p.zip")), "keep");
  sample->input.items.clear();
  EXPECT_EQ(BuildPackage(sample->input, dir.File("e.zip")).status().code(),
            Status::Code::kNotFound);
  sample->input.reason = "bored";
  EXPECT_EQ(BuildPackage(sample->input, dir.File("q.zip")).status().code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace parcelproof
