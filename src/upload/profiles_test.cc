// Platform profiles: the installed file has every platform the issue names,
// each number with a source; malformed files are errors, never crashes.
#include "upload/profiles.h"

#include <gtest/gtest.h>

#include "parcelproof/upload.h"

namespace parcelproof::upload {
namespace {

TEST(Profiles, TheInstalledFileHasEveryPlatformWithSourcedLimits) {
  for (const char* id :
       {"stripe", "shopify", "paypal", "ebay", "amex", "mastercom", "aliexpress"}) {
    Result<Profile> p = LoadProfile(DefaultPlatformsPath(), id);
    ASSERT_TRUE(p.ok()) << id << ": " << p.status().ToString();
    EXPECT_FALSE(p->formats.empty()) << id;
    for (const Limit* l : {&p->max_file_bytes, &p->max_total_bytes, &p->max_files,
                           &p->max_pdf_pages, &p->max_name_chars}) {
      if (l->value) {
        EXPECT_FALSE(l->source.empty()) << id;
      }
    }
  }
  Result<Profile> shopify = LoadProfile(DefaultPlatformsPath(), "shopify");
  EXPECT_EQ(shopify->max_total_bytes.value, 4000000u);
  EXPECT_EQ(LoadProfile(DefaultPlatformsPath(), "amex")->max_files.value, 5u);
  EXPECT_FALSE(LoadProfile(DefaultPlatformsPath(), "ebay")->Accepts("pdf"));
  Result<Profile> unknown = LoadProfile(DefaultPlatformsPath(), "myspace");
  EXPECT_EQ(unknown.status().code(), Status::Code::kNotFound);
  EXPECT_NE(unknown.status().message().find("stripe"), std::string::npos);
}

TEST(Profiles, MalformedFilesAreErrorsNotCrashes) {
  for (const char* text :
       {"", "[]", "null", "{\"platforms\":[]}", "{\"platforms\":{\"x\":[]}}",
        "{\"platforms\":{\"x\":{\"name\":1,\"formats\":\"pdf\"}}}",
        "{\"platforms\":{\"x\":{\"formats\":[1,null]}}}", "{\"platforms\":{\"x\":7}}",
        "{\"platforms\":{\"x\":{\"formats\":[\"pdf\"],\"max_files\":{\"value\":-1}}}}",
        "{\"platforms\":{\"x\":{\"formats\":[\"pdf\"],\"max_files\":{\"value\":1e400}}}}"}) {
    Result<Profile> p = ParseProfile(text, "f.json", "x");
    if (p.ok()) {
      EXPECT_EQ(p->max_files.value, 0u) << text;  // a negative or absurd limit is not read
    }
  }
  Result<Profile> p = ParseProfile(
      "{\"platforms\":{\"x\":{\"name\":\"X\",\"formats\":[\"pdf\"],\"max_files\":"
      "{\"value\":3,\"source\":\"s\"}}}}",
      "f.json", "x");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->max_files.value, 3u);
  EXPECT_EQ(p->max_files.source, "s");
}

}  // namespace
}  // namespace parcelproof::upload
