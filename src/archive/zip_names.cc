// Entry-name safety and the duplicate key (Unicode case folding, NFKC).
#include "archive/zip_names.h"

#include <cstdint>

#include "text/normalize.h"

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

}  // namespace

std::string NameFoldKey(const std::string& name) { return FoldCaseCompat(name); }

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
