#include "text/normalize.h"

#include <unicase.h>
#include <uninorm.h>

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

std::string FoldCaseCompat(const std::string& s) { return CaseFold(s, UNINORM_NFKC); }

}  // namespace parcelproof
