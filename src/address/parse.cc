// Splitting a ship-to block into fields. Lines are read bottom-up: the
// country is the last line (or the end of it), the postal code sits on the
// line of the city (or alone under it), the recipient is the first line and
// the street lines are those in between.
#include <algorithm>
#include <string>
#include <vector>

#include "address/address.h"
#include "text/normalize.h"

namespace parcelproof {
namespace {

const char* const kCues[] = {
    "ship to",
    "shipto",
    "deliver to",
    "delivery to",
    "to",
    "recipient",
    "consignee",
    "empfanger",
    "an",
    "destinataire",
    "a",
    "destinatario",
    "ontvanger",
    "odbiorca",
    "\xD0\xBF\xD0\xBE\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C",  // получатель
    "\xD0\xBA\xD0\xBE\xD0\xBC\xD1\x83",                                                  // кому
    "komy",  // "КОМУ" in capitals, read by English as its Latin look-alikes
    "\xE6\x94\xB6\xE4\xBB\xB6\xE4\xBA\xBA",  // 收件人
    "\xE5\xB1\x8A\xE3\x81\x91\xE5\x85\x88",  // 届け先
};

// OCR splits words where the print has a wide letter gap ("Empf anger :"),
// so a line that is a cue but for its spaces is one too.
std::string WithoutSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n,;");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n,;-");
  return s.substr(b, e - b + 1);
}

bool IsPhoneLine(const std::string& line) {
  std::string key = FoldForMatch(line);
  for (const char* p : {"tel", "phone", "mobile", "\xD1\x82\xD0\xB5\xD0\xBB", "telefon"}) {
    if (key.rfind(p, 0) == 0 && key.size() > 6) return true;
  }
  int digits = 0, letters = 0;
  for (unsigned char c : line) {
    if (c >= '0' && c <= '9') ++digits;
    if (std::isalpha(c) || c >= 0x80) ++letters;
  }
  return letters == 0 && digits >= 9;
}

bool IsRegionLine(const std::string& line) {
  std::string key = " " + FoldForMatch(line) + " ";
  for (const char* w : {" obl ", " oblast ", " kray ", " krai ", " resp ", " respublika ",
                        " \xD0\xBE\xD0\xB1\xD0\xBB ", u8" область ",
                        " \xD0\xBA\xD1\x80\xD0\xB0\xD0\xB9 ", " \xD1\x80\xD0\xB5\xD1\x81\xD0\xBF ",
                        " province ", " provincia ", " county ", " region ", " state "}) {
    if (key.find(w) != std::string::npos) return true;
  }
  return false;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool LooksLikeCue(const std::string& line) {
  if (line.empty()) return false;
  size_t n = CodePoints(line);
  // Colons misread: "TO." and "10?" or "TO;" ("TO:" in English's eyes).
  bool short_end = line.back() == '.' || line.back() == '?' || line.back() == ';';
  return (line.back() == ':' && n <= 16) || (short_end && n <= 3);
}

// "г. Москва" -> "Москва"; "CITY: X" is not expected on labels.
std::string CleanCity(std::string city) {
  city = Trim(city);
  for (const char* prefix : {"\xD0\xB3. ", "\xD0\xB3.", "\xD0\xB3 ", "\xD0\x93. ", "g. "}) {
    std::string p = prefix;
    if (city.rfind(p, 0) == 0 && city.size() > p.size() + 1) return Trim(city.substr(p.size()));
  }
  return city;
}

// The country: a whole line from the bottom, or the last words of the last line.
void FindCountry(std::vector<std::string>* lines, ParsedAddress* out) {
  if (lines->size() < 2) return;
  int last = static_cast<int>(lines->size()) - 1;
  std::string code = CountryFromText((*lines)[last]);
  if (!code.empty()) {
    out->country = {code, last};
    out->country_text = (*lines)[last];
    (*lines)[last].clear();
    return;
  }
  // "75008 PARIS FRANCE": up to three trailing words.
  std::string& line = (*lines)[last];
  size_t cut = line.size();
  for (int words = 0; words < 3; ++words) {
    cut = line.find_last_of(' ', cut == 0 ? 0 : cut - 1);
    if (cut == std::string::npos || cut == 0) break;
    std::string tail = line.substr(cut + 1);
    code = CountryFromText(tail);
    if (!code.empty() && tail.size() > 2) {
      out->country = {code, last};
      out->country_text = Trim(tail);
      line = Trim(line.substr(0, cut));
      return;
    }
  }
}

void SplitCityRegion(const std::string& rest, const std::string& country, ParsedAddress* out,
                     int line) {
  std::string s = Trim(rest);
  size_t sep = s.find(',');
  if (sep == std::string::npos) sep = s.find(" - ");
  if (sep != std::string::npos) {
    std::string a = Trim(s.substr(0, sep)), b = Trim(s.substr(sep + 1));
    if (!b.empty() && b[0] == '-') b = Trim(b.substr(1));
    bool b_region = IsRegionLine(b) || (b.size() <= 3 && !b.empty());
    if (IsRegionLine(a) && !b_region) std::swap(a, b);
    out->city = {CleanCity(a), line};
    if (!b.empty()) out->region = {b, line};
    return;
  }
  // "Sydney NSW", "Montreal QC", "New York NY": a trailing 2-3 letter capital word.
  size_t sp = s.find_last_of(' ');
  if (sp != std::string::npos &&
      (country == "US" || country == "CA" || country == "AU" || country == "BR" ||
       country == "MX" || country == "IT" || country.empty())) {
    std::string tail = s.substr(sp + 1);
    bool caps = tail.size() >= 2 && tail.size() <= 3;
    for (char c : tail) caps &= c >= 'A' && c <= 'Z';
    if (caps) {
      out->region = {tail, line};
      s = Trim(s.substr(0, sp));
    }
  }
  out->city = {CleanCity(s), line};
}

// The postal line, from the bottom; returns its index or -1.
int FindPostal(const std::vector<std::string>& lines, const std::string& country, bool repair,
               ParsedAddress* out) {
  for (int i = static_cast<int>(lines.size()) - 1; i >= 1; --i) {
    size_t b = 0, e = 0;
    std::string code;
    if (lines[i].empty()) continue;
    if (FindPostalCode(lines[i], country, &b, &e)) {
      code = lines[i].substr(b, e - b);
    } else if (!repair || !FindPostalCodeRepaired(lines[i], country, &b, &e, &code)) {
      continue;
    }
    if (code.rfind("\xE3\x80\x92", 0) == 0) code = Trim(code.substr(3));
    out->postal_code = {code, i};
    std::string rest = Trim(lines[i].substr(0, b) + " " + lines[i].substr(e));
    if (!rest.empty()) {
      SplitCityRegion(rest, country, out, i);
      return i;
    }
    // The code alone: the city is on a line above it (a region line may sit between).
    int j = i - 1;
    while (j >= 1 && lines[j].empty()) --j;
    if (j >= 2 && IsRegionLine(lines[j])) {
      out->region = {lines[j], j};
      --j;
    }
    if (j >= 1) SplitCityRegion(lines[j], country, out, j);
    return j >= 1 ? j : i;
  }
  return -1;
}

const char* const kSenderCues[] = {
    "from",
    "sender",
    "shipper",
    "return to",
    "return address",
    "absender",
    "expediteur",
    "remitente",
    "mittente",
    "afzender",
    "nadawca",
    u8"отправитель",
    "\xD0\xBE\xD1\x82 \xD0\xBA\xD0\xBE\xD0\xB3\xD0\xBE",  // от кого
    "\xE5\xAF\x84\xE4\xBB\xB6\xE4\xBA\xBA",               // 寄件人
};

}  // namespace

bool IsSenderCue(const std::string& line) {
  std::string key = FoldForMatch(line);
  for (const char* cue : kSenderCues) {
    std::string c = cue;
    if (key == c || key.rfind(c + " ", 0) == 0) return true;
  }
  return false;
}

bool MayBeginCue(const std::string& words) {
  std::string key = FoldForMatch(words);
  const std::string compact = WithoutSpaces(key);
  auto begins = [&key, &compact](const std::string& c) {
    return key == c || key.rfind(c + " ", 0) == 0 || c.rfind(key + " ", 0) == 0 ||
           compact == WithoutSpaces(c);
  };
  for (const char* cue : kCues) {
    if (begins(cue)) return true;
  }
  for (const char* cue : kSenderCues) {
    if (begins(cue)) return true;
  }
  return false;
}

bool StripShipToCue(const std::string& line, std::string* rest) {
  std::string key = FoldForMatch(line);
  const std::string compact = WithoutSpaces(key);
  for (const char* cue : kCues) {
    std::string c = cue;
    if (key == c || compact == WithoutSpaces(c)) {
      *rest = "";
      return true;
    }
    // A cue followed by more text needs its colon right after it ("TO: Anna").
    if (key.rfind(c + " ", 0) != 0) continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) colon = line.find("\xEF\xBC\x9A");  // full-width colon
    if (colon == std::string::npos || colon > c.size() + 4) continue;
    *rest = Trim(line.substr(colon + (line[colon] == ':' ? 1 : 3)));
    return true;
  }
  return false;
}

ParsedAddress ParseAddressLines(const std::vector<std::string>& input) {
  ParsedAddress out;
  for (size_t i = 0; i < input.size(); ++i) {
    std::string line = Trim(input[i]);
    std::string rest;
    if (out.lines.empty() && StripShipToCue(line, &rest)) line = rest;
    // A short first line ending in a colon is a cue OCR misspelt ("SHIP T0:",
    // "Destinataire :" read as Cyrillic); "TO.", "10?" and "TO;" too.
    if (out.lines.empty() && i + 2 < input.size() && LooksLikeCue(line)) line.clear();
    if (line.empty() || IsPhoneLine(line)) continue;
    out.lines.push_back(line);
    out.source_line.push_back(static_cast<int>(i));
  }
  std::vector<std::string> lines = out.lines;
  if (lines.empty()) return out;
  out.recipient = {lines[0], 0};
  FindCountry(&lines, &out);
  int city_line = FindPostal(lines, out.country.value, false, &out);
  // The country's format with OCR's look-alikes swapped ("MSV 2T6").
  if (city_line < 0 && !out.country.value.empty())
    city_line = FindPostal(lines, out.country.value, true, &out);
  // A code of another country's format (the label's country may be the wrong one).
  if (city_line < 0 && !out.country.value.empty()) city_line = FindPostal(lines, "", false, &out);
  if (city_line < 0) {
    // No postal code: the city is the last line left above the country.
    int j = static_cast<int>(lines.size()) - 1;
    while (j >= 1 && lines[j].empty()) --j;
    if (j >= 2) SplitCityRegion(lines[j], out.country.value, &out, j);
    city_line = j >= 2 ? j : static_cast<int>(lines.size());
  }
  int street_end =
      out.region.line >= 1 && out.region.line < city_line ? out.region.line : city_line;
  for (int i = 1; i < street_end; ++i) {
    if (!lines[i].empty()) out.street.push_back({lines[i], i});
  }
  auto to_input = [&out](AddressField* f) {
    if (f->line >= 0) f->line = out.source_line[static_cast<size_t>(f->line)];
  };
  for (AddressField* f : {&out.recipient, &out.city, &out.region, &out.postal_code, &out.country})
    to_input(f);
  for (AddressField& f : out.street) to_input(&f);
  return out;
}

}  // namespace parcelproof
