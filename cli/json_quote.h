// JSON string literals for the verbs that print --json by hand.
#ifndef PARCELPROOF_CLI_JSON_QUOTE_H_
#define PARCELPROOF_CLI_JSON_QUOTE_H_

#include <string>

namespace parcelproof::cli {

// A JSON string literal.
std::string JsonQuote(const std::string& s);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_JSON_QUOTE_H_
