// report.html of real packages (store -> bundle): the summary argues the
// case, times are local with UTC, photos follow the story, overlays mean
// something, hostile text stays inert.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.h"
#include "dispute_fixture.h"
#include "package_fixture.h"

namespace parcelproof {
namespace {

using nlohmann::json;

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const testing::DisputeFixture& f = testing::GetDisputeFixture();
    ASSERT_TRUE(f.error.empty()) << f.error;
    auto pass = testing::ReadEntries(f.pass_zip);
    auto mismatch = testing::ReadEntries(f.mismatch_zip);
    html_ = pass["dispute-a-1001-wrong-address/report.html"];
    evidence_ = json::parse(pass["dispute-a-1001-wrong-address/evidence.json"]);
    mismatch_html_ = mismatch["dispute-c-3003-wrong-address/report.html"];
    mismatch_evidence_ = json::parse(mismatch["dispute-c-3003-wrong-address/evidence.json"]);
    ASSERT_FALSE(html_.empty());
  }
  // The text between the start of section id and the next section.
  static std::string Section(const std::string& html, const std::string& id) {
    size_t a = html.find("<section id=\"" + id + "\"");
    if (a == std::string::npos) return "";
    return html.substr(a, html.find("</section>", a) - a);
  }
  std::string html_, mismatch_html_;
  json evidence_, mismatch_evidence_;
};

TEST_F(ReportTest, TheSummaryComesFirstAndSaysThisOrdersLabelVerdict) {
  size_t summary = html_.find("<section id=\"summary\"");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(summary, html_.find("<section id=\"checklist\""));
  std::string s = Section(html_, "summary");
  EXPECT_NE(s.find("<span class=\"verdict v-pass\">PASS</span> tracking <span class=\"trk "
                   "t-pass\">RR123456785CN</span>"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("Shipped to the &lt;address&gt; on the order."), std::string::npos);
  EXPECT_NE(s.find("2026-03-02 10:00:00 +08:00 (02:00:00 UTC)"), std::string::npos) << s;
  EXPECT_NE(s.find(evidence_["package_id"].get<std::string>()), std::string::npos);
  EXPECT_NE(s.find(evidence_["signature"]["public_key_fingerprint_sha256"].get<std::string>()),
            std::string::npos);
  EXPECT_NE(s.find("4 photos"), std::string::npos) << s;
  std::string m = Section(mismatch_html_, "summary");
  EXPECT_NE(m.find("<span class=\"verdict v-mismatch\">MISMATCH</span> tracking <span "
                   "class=\"trk t-mismatch\">LZ309182649CN</span>"),
            std::string::npos)
      << m;
}

TEST_F(ReportTest, TheChecklistCountsOnlyThisOrdersItemsAndVerdicts) {
  for (const json& l : mismatch_evidence_["checklist"]) {
    if (l["id"] != "label-match") continue;
    EXPECT_EQ(l["status"], "missing") << l.dump();
    EXPECT_NE(l["caveats"].dump().find("this order's label check is MISMATCH"), std::string::npos);
  }
  for (const json& l : evidence_["checklist"]) {
    if (l["id"] != "label-photo") continue;
    EXPECT_EQ(l["status"], "present");
    EXPECT_EQ(l["evidence"].size(), 1u) << l.dump();  // B-2002's label does not count
    EXPECT_NE(l["caveats"].dump().find("linked to order B-2002, not to this order"),
              std::string::npos)
        << l.dump();
  }
  std::string c = Section(mismatch_html_, "checklist");
  EXPECT_NE(c.find("this order&#39;s label check is MISMATCH"), std::string::npos) << c;
  EXPECT_NE(Section(html_, "checklist").find("<a class=\"chip\" href=\"data/label/"),
            std::string::npos);
}

TEST_F(ReportTest, TimesAreLocalWithUtcAndItemsWithoutTimeStandApart) {
  std::string t = Section(html_, "timeline");
  EXPECT_NE(t.find("2026-03-01 10:22:05 +08:00 (02:22:05 UTC)"), std::string::npos) << t;
  size_t apart = t.find("<h3>No capture time</h3>");
  ASSERT_NE(apart, std::string::npos) << t;
  size_t nodate = t.find("nodate.jpg");
  EXPECT_GT(nodate, apart) << "an item without capture time is listed apart, not in the story";
  EXPECT_EQ(html_.find(".000Z"), std::string::npos) << "one format: no raw milliseconds";
}

// A finding names its item once: the report links the item's title and
// then says the rest of the sentence, not "contents photo nodate.jpg:
// contents nodate.jpg: no capture time".
TEST_F(ReportTest, EachFindingNamesItsItemOnce) {
  std::string text = std::regex_replace(html_, std::regex("<[^>]*>"), "");
  EXPECT_NE(text.find("contents photo nodate.jpg: no capture time"), std::string::npos) << text;
  EXPECT_EQ(text.find("nodate.jpg: contents nodate.jpg"), std::string::npos) << text;
  std::string findings = std::regex_replace(Section(html_, "findings"), std::regex("<[^>]*>"), "");
  size_t names = 0;
  for (size_t at = findings.find("nodate.jpg"); at != std::string::npos;
       at = findings.find("nodate.jpg", at + 1))
    ++names;
  EXPECT_EQ(names, 1u) << findings;
}

// A parsed conversation has no capture time: the files table shows its
// messages' count and first and last times in the order's zone instead.
TEST_F(ReportTest, TheFilesTableShowsAConversationsMessageTimes) {
  std::string files = std::regex_replace(Section(html_, "files"), std::regex("<[^>]*>"), "");
  size_t chat = files.find("chat export chat.txt");
  ASSERT_NE(chat, std::string::npos) << files;
  EXPECT_EQ(files.find("no capture time", chat), std::string::npos) << files;
  EXPECT_NE(files.find("18 messages, from 2026-02-27 09:10:00 +08:00 (01:10:00 UTC)", chat),
            std::string::npos)
      << files;
  EXPECT_NE(files.find(" to 2026-03-05 09:00:00 +08:00 (01:00:00 UTC)", chat), std::string::npos)
      << files;
}

// One format everywhere: the page's visible text (findings' sentences,
// conversation, custody, order) and evidence.json's sentences show no RFC
// 3339 time and no fraction of a second; chat messages read in the order's
// zone like the timeline.
TEST_F(ReportTest, EveryTimeShownUsesTheOneFormatFindingsAndMessagesIncluded) {
  std::string text = std::regex_replace(html_, std::regex("<[^>]*>"), " ");
  std::regex raw("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d");
  std::smatch m;
  EXPECT_FALSE(std::regex_search(text, m, raw)) << "raw time in report.html: " << m.str();
  for (const json& f : evidence_["findings"]) {
    std::string e = f["explanation"];
    EXPECT_FALSE(std::regex_search(e, m, raw)) << "raw time in a finding: " << e;
  }
  bool ingest = false;
  for (const json& f : evidence_["findings"]) {
    std::string e = f["explanation"];
    ingest |= std::regex_search(
        e, std::regex("ingest time \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+08:00 \\("));
  }
  EXPECT_TRUE(ingest) << evidence_["findings"].dump();
  std::string chat = Section(html_, "conversation");
  EXPECT_NE(chat.find("2026-03-03 08:00:00 +08:00 (00:00:00 UTC)"), std::string::npos) << chat;
}

TEST_F(ReportTest, PhotosFollowTheStoryAndOverlaysMeanSomething) {
  std::string p = Section(html_, "photos");
  size_t label = p.find("label photo label.jpg");
  size_t contents = p.find("contents photo nodate.jpg");
  size_t packing = p.find("packing photo packing.jpg");
  ASSERT_NE(label, std::string::npos) << p;
  EXPECT_LT(label, contents);
  EXPECT_LT(contents, packing);
  // One outline per decoded barcode, coloured by meaning, with a legend.
  size_t codes = 0;
  for (const json& it : evidence_["items"]) codes += it["barcodes"].size();
  size_t drawn = 0;
  for (size_t at = p.find("<g class=\"code\">"); at != std::string::npos;
       at = p.find("<g class=\"code\">", at + 1))
    ++drawn;
  EXPECT_EQ(drawn, codes);
  EXPECT_GE(codes, 3u);
  EXPECT_NE(p.find("stroke=\"#1a7f37\""), std::string::npos) << "this order's number: green";
  EXPECT_NE(p.find("another parcel&#39;s tracking number: <code>UA284703196CN"), std::string::npos);
  EXPECT_NE(p.find("class=\"legend\""), std::string::npos);
  EXPECT_NE(p.find("</span>another parcel&#39;s tracking number, <span"), std::string::npos)
      << "legend entries separated by commas";
  EXPECT_NE(p.find("</span>other code. Control characters"), std::string::npos);
  // MH10.8.3 separators as visible symbols, key=value payloads as fields.
  EXPECT_NE(p.find("[)&gt;\xe2\x90\x9e"
                   "01\xe2\x90\x9d"
                   "02"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("<th>postal_code</th><td>10115</td>"), std::string::npos);
  EXPECT_EQ(html_.find('\x1d'), std::string::npos);
  EXPECT_EQ(html_.find('\x1e'), std::string::npos);
}

TEST_F(ReportTest, HostileNamesStayInert) {
  EXPECT_NE(html_.find("Ana &lt;b&gt;Lima&lt;/b&gt; [U+202E]evil"), std::string::npos);
  EXPECT_EQ(html_.find("\xe2\x80\xae"), std::string::npos) << "no raw right-to-left override";
  EXPECT_EQ(html_.find("<b>Lima"), std::string::npos);
}

}  // namespace
}  // namespace parcelproof
