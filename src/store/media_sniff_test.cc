#include "store/media_sniff.h"

#include <gtest/gtest.h>

namespace parcelproof::store {
namespace {

struct Case {
  std::string head;
  std::string name;
  MediaClass media_class;
  std::string media_type;
};

TEST(MediaSniffTest, RecognisesByContentNotByName) {
  const std::vector<Case> cases = {
      {"", "x.jpg", MediaClass::kEmpty, ""},
      {"\xFF\xD8\xFF\xE0rest", "photo.txt", MediaClass::kImage, "image/jpeg"},
      {"\x89PNG\r\n\x1a\n....", "a", MediaClass::kImage, "image/png"},
      {std::string("\0\0\0\x18"
                   "ftypheic\0\0\0\0",
                   16),
       "a.mp4", MediaClass::kImage, "image/heif"},
      {std::string("\0\0\0\x18"
                   "ftypisom\0\0\0\0",
                   16),
       "a.jpg", MediaClass::kVideo, "video/mp4"},
      {std::string("\0\0\0\x14"
                   "ftypqt  \0\0\0\0",
                   16),
       "a", MediaClass::kVideo, "video/quicktime"},
      {std::string("RIFF\x10\0\0\0AVI LIST", 16), "a", MediaClass::kVideo, "video/x-msvideo"},
      {"\x1A\x45\xDF\xA3\x01webm", "a", MediaClass::kVideo, "video/webm"},
      {"%PDF-1.7\n", "a", MediaClass::kPdf, "application/pdf"},
      {"  {\"chat\": []}", "a.txt", MediaClass::kText, "application/json"},
      {"[1/3/26, 09:00:00] Anna: hi\n", "chat.txt", MediaClass::kText, "text/plain"},
      {"[1, 2", "a.json", MediaClass::kText, "text/plain"},
      {"{\"a\": [1, 2", "a.json", MediaClass::kText, "text/plain"},
      {"from,to,text\nme,you,hi\n", "export.CSV", MediaClass::kText, "text/csv"},
      {"hello \xC3\xA9t\xC3\xA9\n", "a", MediaClass::kText, "text/plain"},
      {std::string("bin\0ary", 7), "a.txt", MediaClass::kUnknown, ""},
      {"\xC3\x28 not utf-8", "a.txt", MediaClass::kUnknown, ""},
  };
  for (const Case& c : cases) {
    Sniffed s = SniffMedia(c.head, c.name);
    EXPECT_EQ(s.media_class, c.media_class) << c.name << " " << c.head;
    EXPECT_EQ(s.media_type, c.media_type) << c.name << " " << c.head;
  }
}

}  // namespace
}  // namespace parcelproof::store
