// Comparing address fields read from a label with the order's.
#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "address/address.h"
#include "text/normalize.h"

namespace parcelproof {
namespace {

// Lower-case Cyrillic (U+0430..U+044F, ё U+0451) to Latin (GOST-like, as
// Russian Post prints transliterations).
const char* const kCyrillic[] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                 "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                 "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};

std::string Transliterate(const std::string& folded) {
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if ((c == 0xD0 || c == 0xD1) && i + 1 < folded.size()) {
      int cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(folded[i + 1]) & 0x3F);
      if (cp >= 0x430 && cp <= 0x44F) {
        out += kCyrillic[cp - 0x430];
        ++i;
        continue;
      }
      if (cp == 0x451) {
        out += "e";
        ++i;
        continue;
      }
    }
    out.push_back(folded[i]);
  }
  return out;
}

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(key);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Abbreviations on labels -> the long form, after MatchKey.
const std::map<std::string, std::string>& Abbreviations() {
  static const auto* m = new std::map<std::string, std::string>{
      {"st", "street"},     {"str", "strasse"},    {"rd", "road"},      {"ave", "avenue"},
      {"av", "avenue"},     {"blvd", "boulevard"}, {"dr", "drive"},     {"ln", "lane"},
      {"ct", "court"},      {"pl", "place"},       {"sq", "square"},    {"hwy", "highway"},
      {"apt", "apartment"}, {"ste", "suite"},      {"fl", "floor"},     {"ul", "ulitsa"},
      {"pr", "prospekt"},   {"prosp", "prospekt"}, {"per", "pereulok"}, {"d", "dom"},
      {"kv", "kvartira"},   {"pl", "place"},       {"c", "calle"},      {"r", "rue"},
      {"bd", "boulevard"},  {"n", "north"},        {"s", "south"},      {"e", "east"},
      {"w", "west"},        {"o", "ouest"},        {"mt", "mount"},     {"ft", "fort"},
      {"sta", "santa"},     {"sto", "santo"},      {"g", "gorod"},
  };
  return *m;
}

// Words with the long form of abbreviations; "hauptstrasse" stays one word,
// "haupt str" becomes "haupt strasse" and both compare equal once joined.
std::string Expanded(const std::string& s) {
  std::string out;
  for (std::string w : Words(MatchKey(s))) {
    // "Hauptstr" is "Hauptstrasse".
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "str") == 0) w += "asse";
    auto it = Abbreviations().find(w);
    out += it == Abbreviations().end() ? w : it->second;
  }
  return out;
}

// Equal, or one OCR slip per 8 characters in longer texts.
bool CloseEnough(const std::string& a, const std::string& b) {
  if (a == b) return true;
  size_t n = std::max(a.size(), b.size());
  if (n < 5) return false;
  // OCR reads "ü" as "ii", "rn" for "m": two slips in a word of 6 letters or more.
  return EditDistance(a, b) <= (n < 6 ? 1 : std::max<size_t>(2, n / 5));
}

std::string Joined(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

int Script(const std::string& s) {  // 0 none, 1 Latin, 2 Cyrillic, 3 other
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalpha(c)) return 1;
    if (c == 0xD0 || c == 0xD1) return 2;
    if (c >= 0xC3 && c <= 0xC5) return 1;
    if (c >= 0xE0) return 3;
  }
  return 0;
}

}  // namespace

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

std::vector<std::string> DigitRuns(const std::string& s) {
  std::vector<std::string> runs;
  bool in_run = false;
  for (char c : s) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_run) runs.emplace_back();
    if (digit) runs.back().push_back(c);
    in_run = digit;
  }
  return runs;
}

}  // namespace

bool SameNumbers(const std::string& a, const std::string& b) {
  return DigitRuns(a) == DigitRuns(b);
}

std::string MatchKey(const std::string& s) { return Transliterate(FoldForMatch(s)); }

bool DifferentScripts(const std::string& a, const std::string& b) {
  int x = Script(a), y = Script(b);
  return x != 0 && y != 0 && x != y;
}

bool SameCity(const std::string& read, const std::string& expected) {
  std::string a = Joined(Expanded(read)), b = Joined(Expanded(expected));
  if (a.rfind("gorod", 0) == 0 && a.size() > 7) a = a.substr(5);
  if (b.rfind("gorod", 0) == 0 && b.size() > 7) b = b.substr(5);
  if (CloseEnough(a, b)) return true;
  // The region or a misread postal code left on the city's line ("Toronto ON MSV 2T6").
  std::string key = MatchKey(read), want = MatchKey(expected);
  return !want.empty() && key.rfind(want + " ", 0) == 0;
}

bool SameStreet(const std::string& read, const std::string& expected) {
  return CloseEnough(Joined(Expanded(read)), Joined(Expanded(expected)));
}

bool SameRecipient(const std::string& read, const std::string& expected) {
  std::vector<std::string> a = Words(MatchKey(read)), b = Words(MatchKey(expected));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::string x, y;
  for (const std::string& w : a) x += w;
  for (const std::string& w : b) y += w;
  return CloseEnough(x, y) || CloseEnough(Joined(MatchKey(read)), Joined(MatchKey(expected)));
}

}  // namespace parcelproof
