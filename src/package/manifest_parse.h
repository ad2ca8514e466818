// Parsing BagIt manifests strictly, naming each bad line.
#ifndef PARCELPROOF_PACKAGE_MANIFEST_PARSE_H_
#define PARCELPROOF_PACKAGE_MANIFEST_PARSE_H_

#include <map>
#include <string>
#include <vector>

#include "parcelproof/package.h"

namespace parcelproof::package {

struct ParsedManifest {
  std::map<std::string, std::string> hashes;  // path -> lower-case hex
  std::vector<VerifyFailure> failures;        // malformed / duplicated lines
};

// Parses "<64 hex> <spaces> <path>" lines (LF or CRLF, %0A %0D %25 decoded).
// `file` names the manifest in failure messages.
ParsedManifest ParseManifest(const std::string& text, const std::string& file);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_MANIFEST_PARSE_H_
