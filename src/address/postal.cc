// Postal-code formats per country and their comparison.
#include <algorithm>
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

// A format made tolerant of OCR's look-alikes: letters where digits belong
// and the other way round, and spaces around a hyphen ("80010 -000").
std::string Loosen(const std::string& pattern) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (in_class) {
      in_class = pattern[i] != ']';
      out += pattern[i];
    } else if (pattern.compare(i, 5, "[0-9]") == 0) {
      out += "[0-9OQDILSBZG|!]";
      i += 4;
    } else if (pattern.compare(i, 5, "[A-Z]") == 0) {
      out += "[A-Z0-9]";
      i += 4;
    } else if (pattern[i] == '[') {
      in_class = true;
      out += pattern[i];
    } else if (pattern[i] == '-') {
      out += " ?- ?";
    } else {
      out += pattern[i];
    }
  }
  return out;
}

char AsDigit(char c) {
  const char* from = "OQDILSBZG|!";
  const char* to = "00011582611";
  for (int k = 0; from[k]; ++k) {
    if (c == from[k]) return to[k];
  }
  return c;
}

char AsLetter(char c) {
  const char* from = "015826";
  const char* to = "OISBZG";
  for (int k = 0; from[k]; ++k) {
    if (c == from[k]) return to[k];
  }
  return c;
}

// A word is not made a code: at least half the code's digits were read as digits.
bool MostlyDigits(const std::string& read, const std::string& code) {
  int read_digits = 0, code_digits = 0;
  for (char c : read) read_digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
  for (char c : code) code_digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
  return 2 * read_digits >= code_digits;
}

// The variant of `m` (look-alikes swapped at some positions) that matches
// `strict` with the fewest swaps; empty when none does.
std::string Repair(std::string m, const std::regex& strict) {
  std::string clean;
  for (size_t i = 0; i < m.size(); ++i) {
    bool hyphen_space =
        m[i] == ' ' && ((i + 1 < m.size() && m[i + 1] == '-') || (i > 0 && m[i - 1] == '-'));
    if (!hyphen_space) clean.push_back(m[i]);
  }
  std::vector<size_t> swappable;
  for (size_t i = 0; i < clean.size(); ++i) {
    if (AsDigit(clean[i]) != clean[i] || AsLetter(clean[i]) != clean[i]) swappable.push_back(i);
  }
  if (swappable.size() > 8) return "";
  std::string best;
  int best_swaps = 99;
  for (unsigned mask = 0; mask < (1u << swappable.size()); ++mask) {
    std::string v = clean;
    int swaps = 0;
    for (size_t k = 0; k < swappable.size(); ++k) {
      if (!(mask & (1u << k))) continue;
      char& c = v[swappable[k]];
      c = std::isdigit(static_cast<unsigned char>(c)) ? AsLetter(c) : AsDigit(c);
      ++swaps;
    }
    if (swaps < best_swaps && std::regex_match(v, strict) && MostlyDigits(clean, v)) {
      best = v;
      best_swaps = swaps;
    }
  }
  return best;
}

std::string Upper(const std::string& text) {
  std::string upper = text;
  for (char& c : upper) {
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::toupper(c));
  }
  return upper;
}

// `upper` with OCR's look-alikes of a zero that are not ASCII ("©8002
// Barcelona") made an O, which the repair then takes for a 0; at[i] is the
// byte of `upper` that byte i of the result came from (at[size] its end).
std::string AsciiLookAlikes(const std::string& upper, std::vector<size_t>* at) {
  std::string out;
  at->clear();
  for (size_t i = 0; i < upper.size(); ++i) {
    at->push_back(i);
    if (upper.compare(i, 2, "\xC2\xA9") == 0 || upper.compare(i, 2, "\xC2\xAE") == 0) {  // © ®
      out.push_back('O');
      ++i;
    } else {
      out.push_back(upper[i]);
    }
  }
  at->push_back(upper.size());
  return out;
}

}  // namespace

bool FindPostalCodeRepaired(const std::string& text, const std::string& country, size_t* begin,
                            size_t* end, std::string* code) {
  if (country.empty()) return false;
  std::vector<size_t> at;
  std::string upper = AsciiLookAlikes(Upper(text), &at);
  const std::vector<std::regex>& compiled = Compiled();
  for (size_t i = 0; i < compiled.size(); ++i) {
    if (!CoversCountry(kFormats[i], country)) continue;
    std::regex loose(Loosen(kFormats[i].pattern));
    size_t from = 0;
    size_t b = 0, e = 0;
    while (from < upper.size() && Search(upper.substr(from), loose, &b, &e)) {
      std::string fixed = Repair(upper.substr(from + b, e - b), compiled[i]);
      if (!fixed.empty()) {
        *begin = at[from + b];
        *end = at[from + e];
        *code = fixed;
        return true;
      }
      from += e;
    }
  }
  return false;
}

bool FindPostalCode(const std::string& text, const std::string& country, size_t* begin,
                    size_t* end) {
  std::string upper = Upper(text);
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

namespace {

// `read` with OCR's look-alikes taken for what `expected` has at the same place.
std::string AsExpected(const std::string& read, const std::string& expected) {
  std::string out;
  for (size_t i = 0; i < read.size(); ++i) {
    bool digit = i < expected.size() && std::isdigit(static_cast<unsigned char>(expected[i]));
    out.push_back(digit ? AsDigit(read[i]) : AsLetter(read[i]));
  }
  return out;
}

}  // namespace

bool SamePostalCode(const std::string& read, const std::string& expected) {
  std::string a = Compact(read);
  std::string b = Compact(expected);
  return a.size() == b.size() && AsExpected(a, b) == b;
}

bool PostalCodeFarFrom(const std::string& read, const std::string& expected) {
  std::string b = Compact(expected);
  std::string a = AsExpected(Compact(read), b);
  size_t n = std::max(a.size(), b.size());
  return !a.empty() && !b.empty() && EditDistance(a, b) >= std::max<size_t>(2, (n + 1) / 2);
}

}  // namespace parcelproof
