// SHA-256 through OpenSSL's EVP interface: streaming, hex output.
#ifndef PARCELPROOF_CORE_SHA256_H_
#define PARCELPROOF_CORE_SHA256_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "parcelproof/status.h"

namespace parcelproof {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, size_t size);
  void Update(std::string_view data) { Update(data.data(), data.size()); }
  // Lower-case hex of the digest; the object must not be updated afterwards.
  std::string FinalHex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string Sha256Hex(std::string_view data);
// Streams the file through SHA-256 without holding it in memory.
Result<std::string> Sha256File(const std::string& path);
// True when s is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view s);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_SHA256_H_
