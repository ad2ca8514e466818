// Every JSON document a verb prints names the parcelproof version that wrote
// it: "version" is inserted as the document's first member.
#ifndef PARCELPROOF_CLI_JSON_OUT_H_
#define PARCELPROOF_CLI_JSON_OUT_H_

#include <string>

namespace parcelproof::cli {

// doc (a JSON object text, compact or pretty-printed) with
// "version":"<Version()>" as its first member.
std::string WithVersion(const std::string& doc);

// Prints WithVersion(doc) and a newline on stdout.
void PrintJsonDocument(const std::string& doc);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_JSON_OUT_H_
