// The checklist counts only what proves this order (issue 11's wrong statements).
#include "package/checklist.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sha256.h"
#include "package_fixture.h"

namespace parcelproof {
namespace {

using testing::MakeSampleInput;
using testing::TempDir;

const char kBag[] = "dispute-ord-1001-wrong-address/";

// "wrong-address" needs a label photo and this order's label PASS.
std::unique_ptr<testing::SampleInput> WrongAddressInput(const TempDir& dir) {
  auto sample = MakeSampleInput(dir.path());
  sample->input.reason = "wrong-address";
  return sample;
}

// Another parcel's label, added with --include: linked to order ORD-2002
// only, with a PASS for that order.
PackageItem ForeignLabel(const PackageItem& own) {
  PackageItem other = own;
  other.sha256 = std::string(64, 'b');
  other.order_ids = {"ORD-2002"};
  other.verdicts = {{"ORD-2002", "PASS", {"tracking number matches"}}};
  other.thumbnail_path.clear();
  return other;
}

nlohmann::json ChecklistOf(const std::string& zip, const std::string& bag) {
  auto entries = testing::ReadEntries(zip);
  return nlohmann::json::parse(entries[bag + "evidence.json"])["checklist"];
}

nlohmann::json Line(const nlohmann::json& checklist, const std::string& id) {
  for (const auto& l : checklist) {
    if (l["id"] == id) return l;
  }
  return nullptr;
}

TEST(Checklist, AnotherOrdersPassDoesNotMatchThisOrdersMismatchedLabel) {
  TempDir dir;
  auto sample = WrongAddressInput(dir);
  PackageItem& own = sample->input.items[0];
  own.verdicts = {{"ORD-1001", "MISMATCH", {"label tracking LZ1 is not the order's"}}};
  PackageItem other = ForeignLabel(own);
  testing::WriteBytes(dir.File("other.jpg"), "\xff\xd8other parcel");
  other.source_path = dir.File("other.jpg");
  other.size = 14;
  other.sha256 = Sha256Hex("\xff\xd8other parcel");
  sample->input.items.push_back(other);
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  nlohmann::json match = Line(ChecklistOf(dir.File("p.zip"), kBag), "label-match");
  ASSERT_FALSE(match.is_null());
  EXPECT_FALSE(match["present"].get<bool>()) << match.dump();
  EXPECT_EQ(match["status"], "missing");
  std::string caveats = match["caveats"].dump();
  EXPECT_NE(caveats.find("this order's label check is MISMATCH"), std::string::npos) << caveats;
  EXPECT_NE(caveats.find("linked to order ORD-2002, not to this order"), std::string::npos)
      << caveats;
  // The label photo requirement counts only this order's own label.
  nlohmann::json photo = Line(ChecklistOf(dir.File("p.zip"), kBag), "label-photo");
  EXPECT_EQ(photo["evidence"].size(), 1u) << photo.dump();
  for (const ChecklistLine& l : s->checklist) {
    if (l.id == "label-match") {
      EXPECT_FALSE(l.present);
    }
  }
}

TEST(Checklist, APhotoWithASeriousFindingIsPresentButNotPresent) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());                   // "damaged": needs packing photos
  sample->input.items.erase(sample->input.items.begin() + 2);  // the packing video
  const PackageItem& packing = sample->input.items[1];
  sample->input.findings.push_back(
      {"serious", "before-order-placed", packing.sha256,
       "captured 2026-02-20T10:00:00Z, before the order was placed: it cannot show this order"});
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  nlohmann::json line =
      Line(ChecklistOf(dir.File("p.zip"), "dispute-ord-1001-damaged/"), "packaging");
  ASSERT_FALSE(line.is_null());
  EXPECT_FALSE(line["present"].get<bool>());
  EXPECT_EQ(line["status"], "present-but");
  ASSERT_EQ(line["caveats"].size(), 1u);
  EXPECT_NE(line["caveats"][0].get<std::string>().find("before the order was placed"),
            std::string::npos);
  auto entries = testing::ReadEntries(dir.File("p.zip"));
  std::string html = entries["dispute-ord-1001-damaged/report.html"];
  EXPECT_NE(html.find("present, but"), std::string::npos);
}

// A finding's explanation starts with its item's "<role> <name>"; the
// caveat names the item by its data/ path, so it drops that name instead of
// naming the item twice.
TEST(Checklist, ACaveatNamesItsItemOnce) {
  TempDir dir;
  auto sample = MakeSampleInput(dir.path());
  sample->input.items.erase(sample->input.items.begin() + 2);
  const PackageItem& packing = sample->input.items[1];
  std::string name = packing.role + " " + packing.original_name;
  sample->input.findings.push_back(
      {"serious", "before-order-placed", packing.sha256,
       name + ": captured 2026-02-20 10:00:00 UTC, before the order was placed"});
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  nlohmann::json line =
      Line(ChecklistOf(dir.File("p.zip"), "dispute-ord-1001-damaged/"), "packaging");
  ASSERT_EQ(line["caveats"].size(), 1u) << line.dump();
  std::string caveat = line["caveats"][0].get<std::string>();
  EXPECT_EQ(caveat.find(name), std::string::npos) << caveat;
  EXPECT_EQ(caveat.rfind("data/packing/", 0), 0u) << caveat;
  EXPECT_NE(caveat.find(".jpg: captured 2026-02-20"), std::string::npos) << caveat;
  EXPECT_EQ(package::AfterItemName(packing, name + " was captured"), " was captured");
  EXPECT_EQ(package::AfterItemName(packing, name + "x: no"), "");
  EXPECT_EQ(package::AfterItemName(packing, "no capture time"), "");
}

TEST(Checklist, AVerdictForThisOrderAndALinkToItCountWhenClean) {
  TempDir dir;
  auto sample = WrongAddressInput(dir);
  Result<PackageSummary> s = BuildPackage(sample->input, dir.File("p.zip"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  nlohmann::json match = Line(ChecklistOf(dir.File("p.zip"), kBag), "label-match");
  EXPECT_TRUE(match["present"].get<bool>()) << match.dump();
  EXPECT_EQ(match["status"], "present");
  EXPECT_TRUE(match["caveats"].empty());
}

}  // namespace
}  // namespace parcelproof
