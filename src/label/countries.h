// ISO 3166-1 numeric to alpha-2 country codes (as carried by GS1 AI 421 and
// ANSI MH10.8.3 messages).
#ifndef PARCELPROOF_LABEL_COUNTRIES_H_
#define PARCELPROOF_LABEL_COUNTRIES_H_

#include <string>

namespace parcelproof {

// "276" -> "DE"; empty when the code is not in our table.
std::string CountryAlpha2FromNumeric(const std::string& numeric);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_COUNTRIES_H_
