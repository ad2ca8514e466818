#include "text/normalize.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include <cctype>
#include <cstdlib>

namespace parcelproof {
namespace {

std::string CaseFold(const std::string& s, uninorm_t form) {
  size_t len = 0;
  uint8_t* folded = u8_casefold(reinterpret_cast<const uint8_t*>(s.data()), s.size(), nullptr, form,
                                nullptr, &len);
  if (!folded) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  std::string out(reinterpret_cast<char*>(folded), len);
  std::free(folded);
  return out;
}

}  // namespace

std::string FoldForCompare(const std::string& s) {
  std::string out;
  for (char c : CaseFold(s, UNINORM_NFC)) {
    if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '\t' || c == '\n' || c == '\r')
      continue;
    out.push_back(c);
  }
  return out;
}

std::string FoldForMatch(const std::string& s) {
  std::string folded = CaseFold(s, UNINORM_NFKD);
  const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
  size_t n = folded.size();
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < n;) {
    ucs4_t uc = 0;
    int len = u8_mbtouc(&uc, p + i, n - i);
    if (len <= 0) len = 1;
    if (uc_is_general_category(uc, UC_CATEGORY_M)) {
      i += len;
      continue;
    }
    bool word = uc != 0xFFFD && (uc_is_general_category(uc, UC_CATEGORY_L) ||
                                 uc_is_general_category(uc, UC_CATEGORY_N));
    if (word) {
      if (gap && !out.empty()) out.push_back(' ');
      out.append(folded, i, static_cast<size_t>(len));
      gap = false;
    } else {
      gap = true;
    }
    i += len;
  }
  return out;
}

std::string FoldCaseCompat(const std::string& s) { return CaseFold(s, UNINORM_NFKC); }

}  // namespace parcelproof
