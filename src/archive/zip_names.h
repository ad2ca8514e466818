// Entry-name rules of the strict reader.
#ifndef PARCELPROOF_ARCHIVE_ZIP_NAMES_H_
#define PARCELPROOF_ARCHIVE_ZIP_NAMES_H_

#include <string>

namespace parcelproof::archive {

// Why name is unsafe to extract ("path traversal"), or "" when it is safe:
// refuses empty, absolute, backslash, colon (drive letters), "..", "." and
// empty components, control characters and invalid UTF-8.
std::string UnsafeNameReason(const std::string& name);

// The key under which two names count as duplicates: full Unicode case
// folding and compatibility normalisation (NFKC), so that NFC and NFD
// spellings, case variants and full-width forms collide, while "é" and "e"
// stay distinct.
std::string NameFoldKey(const std::string& name);

}  // namespace parcelproof::archive

#endif  // PARCELPROOF_ARCHIVE_ZIP_NAMES_H_
