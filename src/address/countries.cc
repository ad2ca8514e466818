// Country names as printed on labels, in the languages of the major
// destination markets, and ISO alpha-2 codes.
#include <set>
#include <string>
#include <unordered_map>

#include "address/address.h"
#include "text/normalize.h"

namespace parcelproof {
namespace {

struct Names {
  const char* code;
  const char* names;  // '|'-separated
};

// Names are folded with FoldForMatch before lookup, so case and accents do
// not matter here.
const Names kCountries[] = {
    {"DE",
     "germany|deutschland|allemagne|alemania|germania|duitsland|niemcy|alemanha|"
     "\xD0\x93\xD0\xB5\xD1\x80\xD0\xBC\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8F|"
     "\xE5\xBE\xB7\xE5\x9B\xBD|\xE3\x83\x89\xE3\x82\xA4\xE3\x83\x84|federal republic of germany"},
    {"RU",
     "russia|russian federation|russie|rusia|russland|russia federation|rossiya|"
     "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F|"
     "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB9\xD1\x81\xD0\xBA\xD0\xB0\xD1\x8F "
     "\xD0\xA4\xD0\xB5\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB0\xD1\x86\xD0\xB8\xD1\x8F|"
     "\xD0\xA0\xD0\xA4|\xE4\xBF\x84\xE7\xBD\x97\xE6\x96\xAF|rosja|"
     // РОССИЯ read by a Latin model.
     "poccua|poccuя|poccnя"},
    {"ES",
     "spain|espana|espagne|spanien|spagna|spanje|hiszpania|espanha|"
     "\xD0\x98\xD1\x81\xD0\xBF\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8F|"
     "\xE8\xA5\xBF\xE7\x8F\xAD\xE7\x89\x99"},
    {"FR",
     "france|frankreich|francia|frankrijk|francja|franca|"
     "\xD0\xA4\xD1\x80\xD0\xB0\xD0\xBD\xD1\x86\xD0\xB8\xD1\x8F|\xE6\xB3\x95\xE5\x9B\xBD"},
    {"IT",
     "italy|italia|italie|italien|italie|italie|wlochy|"
     "\xD0\x98\xD1\x82\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x8F|\xE6\x84\x8F\xE5\xA4\xA7\xE5\x88\xA9"},
    {"GB",
     "united kingdom|uk|great britain|england|scotland|wales|northern ireland|"
     "royaume uni|reino unido|vereinigtes konigreich|regno unito|grossbritannien|"
     "\xD0\x92\xD0\xB5\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB8\xD1\x82\xD0\xB0"
     "\xD0\xBD\xD0\xB8\xD1\x8F|\xE8\x8B\xB1\xE5\x9B\xBD"},
    {"US",
     "united states|united states of america|usa|us|u s a|etats unis|estados unidos|"
     "vereinigte staaten|stati uniti|\xD0\xA1\xD0\xA8\xD0\x90|\xE7\xBE\x8E\xE5\x9B\xBD"},
    {"NL",
     "netherlands|the netherlands|nederland|holland|pays bas|paises bajos|niederlande|"
     "paesi bassi|\xD0\x9D\xD0\xB8\xD0\xB4\xD0\xB5\xD1\x80\xD0\xBB\xD0\xB0\xD0\xBD\xD0\xB4\xD1\x8B|"
     "\xE8\x8D\xB7\xE5\x85\xB0"},
    {"PT",
     "portugal|\xD0\x9F\xD0\xBE\xD1\x80\xD1\x82\xD1\x83\xD0\xB3\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x8F|"
     "\xE8\x91\xA1\xE8\x90\x84\xE7\x89\x99"},
    {"BR",
     "brazil|brasil|bresil|brasilien|\xD0\x91\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB8\xD0\xBB\xD0\xB8"
     "\xD1\x8F|\xE5\xB7\xB4\xE8\xA5\xBF"},
    {"JP",
     "japan|japon|giappone|nippon|\xD0\xAF\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB8\xD1\x8F|"
     "\xE6\x97\xA5\xE6\x9C\xAC|\xE6\x97\xA5\xE6\x9C\xAC\xE5\x9B\xBD"},
    {"CN",
     "china|people s republic of china|pr china|p r china|chine|volksrepublik china|cina|"
     "\xD0\x9A\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9|\xE4\xB8\xAD\xE5\x9B\xBD|"
     "\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA\xE6\xB0\x91\xE5\x85\xB1\xE5\x92\x8C\xE5\x9B\xBD"},
    {"PL", "poland|polska|pologne|polonia|polen|\xD0\x9F\xD0\xBE\xD0\xBB\xD1\x8C\xD1\x88\xD0\xB0"},
    {"UA",
     "ukraine|ukraina|ucrania|ucraina|\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD0\xB8\xD0\xBD\xD0\xB0|"
     "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD0\xB0"},
    {"BY", "belarus|\xD0\x91\xD0\xB5\xD0\xBB\xD0\xB0\xD1\x80\xD1\x83\xD1\x81\xD1\x8C"},
    {"KZ", "kazakhstan|\xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD1\x85\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD"},
    {"CA", "canada|kanada|\xD0\x9A\xD0\xB0\xD0\xBD\xD0\xB0\xD0\xB4\xD0\xB0"},
    {"AU",
     "australia|australie|australien|\xD0\x90\xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB0\xD0\xBB"
     "\xD0\xB8\xD1\x8F"},
    {"SE",
     "sweden|sverige|suede|suecia|schweden|svezia|zweden|\xD0\xA8\xD0\xB2\xD0\xB5\xD1\x86"
     "\xD0\xB8\xD1\x8F"},
    {"AT", "austria|osterreich|autriche|oostenrijk"},
    {"CH", "switzerland|schweiz|suisse|svizzera|suiza|zwitserland"},
    {"BE", "belgium|belgique|belgie|belgien|belgica|belgio"},
    {"IE", "ireland|eire|irlande|irland|irlanda"},
    {"DK", "denmark|danmark|danemark|dinamarca"},
    {"NO", "norway|norge|norvege|noruega|norwegen"},
    {"FI", "finland|suomi|finlande|finnland|finlandia"},
    {"CZ", "czech republic|czechia|cesko|ceska republika|tschechien"},
    {"GR", "greece|hellas|ellada|grece|griechenland|grecia"},
    {"TR", "turkey|turkiye|turquie|turkei|turquia"},
    {"IL", "israel"},
    {"MX", "mexico|mexique|mexiko"},
    {"KR",
     "south korea|korea|republic of korea|\xED\x95\x9C\xEA\xB5\xAD|"
     "\xE9\x9F\xA9\xE5\x9B\xBD"},
    {"IN", "india|inde|indien"},
    {"NZ", "new zealand"},
    {"SA", "saudi arabia"},
    {"AE", "united arab emirates|uae"},
    {"CL", "chile|chili"},
    {"AR", "argentina|argentine|argentinien"},
    {"CO", "colombia"},
    {"RO", "romania|roumanie|rumanien"},
    {"HU", "hungary|magyarorszag|hongrie|ungarn"},
};

const std::unordered_map<std::string, std::string>& NameTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, std::string>();
    for (const Names& c : kCountries) {
      std::string names = c.names;
      size_t start = 0;
      while (start <= names.size()) {
        size_t bar = names.find('|', start);
        if (bar == std::string::npos) bar = names.size();
        (*t)[FoldForMatch(names.substr(start, bar - start))] = c.code;
        start = bar + 1;
      }
    }
    return t;
  }();
  return *table;
}

// Codes printed alone as the country line ("DE", "RU").
bool IsKnownCode(const std::string& upper) {
  for (const Names& c : kCountries) {
    if (upper == c.code) return true;
  }
  return false;
}

}  // namespace

bool WritesCyrillic(const std::string& iso2) {
  return iso2 == "RU" || iso2 == "BY" || iso2 == "UA" || iso2 == "KZ" || iso2 == "BG";
}

std::string CountryFromText(const std::string& text) {
  std::string key = FoldForMatch(text);
  if (key.empty()) return "";
  auto it = NameTable().find(key);
  if (it != NameTable().end()) return it->second;
  if (key.size() == 2 && key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' && key[1] <= 'z') {
    std::string upper = {static_cast<char>(key[0] - 32), static_cast<char>(key[1] - 32)};
    if (IsKnownCode(upper)) return upper;
  }
  return "";
}

}  // namespace parcelproof
