// UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF), std-only, for text read from files we did not write.
#ifndef PARCELPROOF_CORE_UTF8_H_
#define PARCELPROOF_CORE_UTF8_H_

#include <cstddef>
#include <string>

namespace parcelproof {

// The offset of the first byte that does not start a valid UTF-8 sequence,
// or std::string::npos when all of s is valid.
size_t FindInvalidUtf8(const std::string& s);

// "invalid UTF-8 (byte 0xB9 at offset 3)", or "" when s is valid.
std::string DescribeInvalidUtf8(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_UTF8_H_
