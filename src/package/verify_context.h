// State shared by the steps of VerifyPackage.
#ifndef PARCELPROOF_PACKAGE_VERIFY_CONTEXT_H_
#define PARCELPROOF_PACKAGE_VERIFY_CONTEXT_H_

#include <map>
#include <memory>
#include <string>

#include "archive/zip_reader.h"
#include "parcelproof/package.h"

namespace parcelproof::package {

struct VerifyContext {
  VerifyReport* report = nullptr;
  std::unique_ptr<archive::ZipReader> reader;
  std::string root;                                    // "dispute-.../"
  std::map<std::string, archive::ZipEntryInfo> files;  // bag-relative path -> entry

  void Fail(const std::string& code, const std::string& message) {
    report->failures.push_back({code, message});
  }
  // Reads a small tag file; records `missing_code` when absent and returns false.
  bool ReadTag(const std::string& rel, uint64_t max_bytes, const std::string& missing_code,
               std::string* out);
  // Streams an entry through SHA-256; records a zip-crc failure and returns "" on error.
  std::string HashEntry(const std::string& rel);
};

// The steps, in order; each records its failures in ctx.
void CheckBagit(VerifyContext& ctx);
void CheckPayload(VerifyContext& ctx);      // manifest-sha256.txt, data/, Payload-Oxum
void CheckTagManifest(VerifyContext& ctx);  // tagmanifest-sha256.txt and unlisted files
void CheckSignature(VerifyContext& ctx, const std::string& expected_public_pem);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_VERIFY_CONTEXT_H_
