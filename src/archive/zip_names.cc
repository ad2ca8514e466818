// Entry-name safety and the duplicate key (case and Unicode folding).
#include "archive/zip_names.h"

#include <cstdint>

namespace parcelproof::archive {
namespace {

// Decodes one UTF-8 sequence at s[*i]; -1 when invalid (overlong, surrogate, > U+10FFFF).
int32_t NextCodePoint(const std::string& s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) return -1;
  int32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc >> 6) != 2) return -1;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static const int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  *i += len;
  return cp;
}

void AppendUtf8(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

bool IsCombiningMark(int32_t cp) {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
         (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
         (cp >= 0xfe20 && cp <= 0xfe2f);
}

// Base letters of U+00C0..U+017F (lower case), one string per code point.
const char* LatinBase(int32_t cp) {
  static const char* kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  struct Range {
    int32_t first, last;
    const char* base;
  };
  static const Range kExtA[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10d, "c"},  {0x10e, 0x111, "d"}, {0x112, 0x11b, "e"},
      {0x11c, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
      {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14b, "n"},
      {0x14c, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15a, 0x161, "s"},
      {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17e, "z"}, {0x17f, 0x17f, "s"}};
  if (cp >= 0xc0 && cp <= 0xff) return kLatin1[cp - 0xc0];
  for (const Range& r : kExtA) {
    if (cp >= r.first && cp <= r.last) return r.base;
  }
  return nullptr;
}

int32_t SimpleLower(int32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0x391 && cp <= 0x3a9) return cp + 32;              // Greek
  if (cp >= 0x410 && cp <= 0x42f) return cp + 32;              // Cyrillic
  if (cp >= 0x400 && cp <= 0x40f) return cp + 80;              // Cyrillic with marks
  if (cp >= 0xff21 && cp <= 0xff3a) return cp - 0xff21 + 'a';  // full-width Latin
  if (cp >= 0xff41 && cp <= 0xff5a) return cp - 0xff41 + 'a';
  return cp;
}

}  // namespace

std::string NameFoldKey(const std::string& name) {
  std::string key;
  size_t i = 0;
  while (i < name.size()) {
    int32_t cp = NextCodePoint(name, &i);
    if (cp < 0) {
      key.push_back(name[i++]);
      continue;
    }
    if (IsCombiningMark(cp)) continue;
    if (const char* base = LatinBase(cp)) {
      key += base;
      continue;
    }
    AppendUtf8(SimpleLower(cp), &key);
  }
  return key;
}

std::string UnsafeNameReason(const std::string& name) {
  if (name.empty()) return "empty name";
  if (name.size() > 1024) return "name longer than 1024 bytes";
  if (name[0] == '/') return "absolute path";
  if (name.find('\\') != std::string::npos) return "backslash in name";
  if (name.find(':') != std::string::npos) return "colon in name (drive letter or stream)";
  size_t i = 0;
  while (i < name.size()) {
    int32_t cp = NextCodePoint(name, &i);
    if (cp < 0) return "name is not valid UTF-8";
    if (cp < 0x20 || cp == 0x7f) return "control character in name";
  }
  size_t start = 0;
  std::string body = name.back() == '/' ? name.substr(0, name.size() - 1) : name;
  while (start <= body.size()) {
    size_t end = body.find('/', start);
    if (end == std::string::npos) end = body.size();
    std::string part = body.substr(start, end - start);
    if (part == "..") return "path traversal (\"..\")";
    if (part.empty() || part == ".") return "empty or \".\" path component";
    start = end + 1;
  }
  return "";
}

}  // namespace parcelproof::archive
