// Postal-code formats per country and their comparison.
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "address/address.h"

namespace parcelproof {
namespace {

struct Format {
  const char* countries;  // ' '-separated ISO codes
  const char* pattern;    // ECMAScript regex of the code alone
};

// Longer and more specific formats first: the first format that matches wins
// when the country is unknown.
const Format kFormats[] = {
    {"GB", "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"},
    {"CA", "[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]"},
    {"NL", "[1-9][0-9]{3} ?[A-Z]{2}"},
    {"US", "[0-9]{5}-[0-9]{4}"},
    {"BR", "[0-9]{5}-[0-9]{3}"},
    {"JP", "\xE3\x80\x92? ?[0-9]{3}-[0-9]{4}"},
    {"PT", "[0-9]{4}-[0-9]{3}"},
    {"PL", "[0-9]{2}-[0-9]{3}"},
    {"RU CN IN KZ BY SG VN", "[0-9]{6}"},
    {"DE FR ES IT US MX TR FI UA KR MY ID SA EG HR RS LT EE MA TH", "[0-9]{5}"},
    {"BR", "[0-9]{8}"},
    {"JP", "[0-9]{7}"},
    {"SE CZ SK GR", "[0-9]{3} ?[0-9]{2}"},
    {"AU AT BE CH DK NO HU ZA PH NZ BG LU AR SI", "[0-9]{4}"},
    {"IL", "[0-9]{7}"},
};

bool CoversCountry(const Format& f, const std::string& country) {
  if (country.empty()) return true;
  std::string list = std::string(" ") + f.countries + " ";
  return list.find(" " + country + " ") != std::string::npos;
}

bool IsAlnumByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80);
}

bool Search(const std::string& text, const std::regex& re, size_t* begin, size_t* end) {
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    size_t b = static_cast<size_t>(it->position(0));
    size_t e = b + static_cast<size_t>(it->length(0));
    // Standing alone: nothing alphanumeric (nor a non-ASCII letter) glued on.
    if (b > 0 && IsAlnumByte(text[b - 1]) && static_cast<unsigned char>(text[b]) < 0x80) continue;
    if (e < text.size() && IsAlnumByte(text[e])) continue;
    *begin = b;
    *end = e;
    return true;
  }
  return false;
}

const std::vector<std::regex>& Compiled() {
  static const auto* compiled = [] {
    auto* v = new std::vector<std::regex>();
    for (const Format& f : kFormats) v->emplace_back(f.pattern, std::regex::optimize);
    return v;
  }();
  return *compiled;
}

// Upper-case letters and digits only.
std::string Compact(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

bool FindPostalCode(const std::string& text, const std::string& country, size_t* begin,
                    size_t* end) {
  std::string upper = text;
  for (char& c : upper) {
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::toupper(c));
  }
  const std::vector<std::regex>& compiled = Compiled();
  for (size_t i = 0; i < compiled.size(); ++i) {
    if (!CoversCountry(kFormats[i], country)) continue;
    if (Search(upper, compiled[i], begin, end)) return true;
  }
  return false;
}

bool PostalCodeFits(const std::string& code, const std::string& country) {
  size_t b = 0, e = 0;
  return FindPostalCode(code, country, &b, &e) && b == 0 && e == code.size();
}

bool SamePostalCode(const std::string& read, const std::string& expected) {
  std::string a = Compact(read);
  std::string b = Compact(expected);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    // Where the order has a digit, OCR's look-alike letters count as that
    // digit, and the other way round ("MSV 2T6" for "M5V 2T6").
    if (std::isdigit(static_cast<unsigned char>(b[i]))) {
      const char* from = "OILSBZG";
      const char* to = "0115826";
      for (int k = 0; from[k]; ++k) {
        if (x == from[k]) x = to[k];
      }
    } else {
      const char* from = "015826";
      const char* to = "OISBZG";
      for (int k = 0; from[k]; ++k) {
        if (x == from[k]) x = to[k];
      }
    }
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace parcelproof
