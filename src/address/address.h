// The printed ship-to block of a label as text: splitting OCR'd lines into
// recipient, street lines, city, region, postal code and country, and
// comparing those fields with an order's address. Standard library only.
#ifndef PARCELPROOF_ADDRESS_ADDRESS_H_
#define PARCELPROOF_ADDRESS_ADDRESS_H_

#include <string>
#include <vector>

namespace parcelproof {

// One field of a parsed address and the input line it came from (-1: none).
struct AddressField {
  std::string value;
  int line = -1;
};

struct ParsedAddress {
  std::vector<std::string> lines;  // the input lines, trimmed, cue words and phones removed
  std::vector<int> source_line;    // for each of `lines`, its index in the input
  AddressField recipient;
  std::vector<AddressField> street;  // the lines between recipient and city
  AddressField city;
  AddressField region;
  AddressField postal_code;
  AddressField country;      // ISO 3166-1 alpha-2
  std::string country_text;  // as printed ("DEUTSCHLAND")
};

// Splits the lines of a ship-to block (top to bottom, UTF-8). A first line
// that is (or starts with) a cue such as "SHIP TO:", "Empfänger:" or
// "Получатель:" is not part of the address. Never fails: fields it cannot
// find stay empty.
ParsedAddress ParseAddressLines(const std::vector<std::string>& lines);

// "DEUTSCHLAND", "Germany", "РОССИЯ", "中国", "DE" -> ISO alpha-2; empty when
// the text is not a country name we know (case and accents ignored).
std::string CountryFromText(const std::string& text);

// True for the countries whose addresses are mostly printed in Cyrillic
// (Russia, Belarus, Ukraine, Kazakhstan, Bulgaria; ISO alpha-2 codes).
bool WritesCyrillic(const std::string& iso2);

// True when `line` starts with a ship-to cue; *rest gets what follows it.
bool StripShipToCue(const std::string& line, std::string* rest);

// True when `line` starts with a sender cue ("FROM", "Sender", "Absender",
// "Expéditeur", "Отправитель", "寄件人", ...): that block is not the ship-to.
bool IsSenderCue(const std::string& line);

// True when `words`, the leading words of a line read without the rest,
// could begin a ship-to or sender cue: they start with one ("TO Anna"), or
// they are the start of one ("SHIP" of "SHIP TO:", "Return" of "Return
// address"). Only the whole line tells whether it is a cue.
bool MayBeginCue(const std::string& words);

// Finds a postal code of `country` (any known format when empty) in `text`;
// *begin/*end get its byte range. The match must stand alone (no letters or
// digits glued to it).
bool FindPostalCode(const std::string& text, const std::string& country, size_t* begin,
                    size_t* end);

// As FindPostalCode for a known country, tolerant of OCR's look-alikes
// ("MSV 2T6" for "M5V 2T6", "Mi 1AE", "80010 -000"): *code gets the code with
// the fewest swaps (O/0, I/1, S/5, B/8, Z/2, G/6) that fits the format.
bool FindPostalCodeRepaired(const std::string& text, const std::string& country, size_t* begin,
                            size_t* end, std::string* code);

// Comparisons with an order, tolerant of case, accents, spacing,
// punctuation, abbreviations and, for names and places, one OCR error in
// longer words. Cyrillic is compared through a Latin transliteration.
bool SamePostalCode(const std::string& read, const std::string& expected);
// True when `read` differs from `expected` in more characters than OCR's
// slips explain: after look-alikes are taken for what the order has (O for
// 0, I for 1, ...), at least half of the longer code's characters (and two
// or more) would have to be inserted, removed or replaced. A misread digit
// or two is not that; another code (the sender's, another parcel's) is.
bool PostalCodeFarFrom(const std::string& read, const std::string& expected);
// True when `code` is, as a whole, a postal code in the format of `country`.
bool PostalCodeFits(const std::string& code, const std::string& country);
bool SameCity(const std::string& read, const std::string& expected);
bool SameRecipient(const std::string& read, const std::string& expected);
bool SameStreet(const std::string& read, const std::string& expected);
// True when the two texts are written in different scripts (Latin against
// Cyrillic, ...), so that a difference may be transliteration, not an error.
bool DifferentScripts(const std::string& a, const std::string& b);

// True when the two texts hold the same runs of digits ("80331 Miinchen" and
// "80331 München": yes; "28014 Barcelona" and "2 80 1 4 Barcelona": no).
bool SameNumbers(const std::string& a, const std::string& b);

// Levenshtein distance in bytes.
size_t EditDistance(const std::string& a, const std::string& b);

// Words of `s` for matching: NFKD, case-folded, accents removed, Cyrillic
// transliterated to Latin, every run of non-alphanumerics a single space.
std::string MatchKey(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_ADDRESS_ADDRESS_H_
