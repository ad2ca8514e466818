// Test helpers for packages: a temp folder, a small PackageInput with real
// files, zip entries in memory, and a raw (unchecked) zip writer that can
// produce hostile archives.
#ifndef PARCELPROOF_TESTS_PACKAGE_FIXTURE_H_
#define PARCELPROOF_TESTS_PACKAGE_FIXTURE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "parcelproof/clock.h"
#include "parcelproof/package.h"

namespace parcelproof::testing {

void WriteBytes(const std::string& path, const std::string& bytes);
std::string ReadBytes(const std::string& path);

// A PackageInput for order "ORD-1001" (reason "damaged") whose originals
// (two photos, a video, a chat, a document) are written into dir. The key is
// generated once per process; the clock is fixed at 2026-03-05T12:00:00Z.
struct SampleInput {
  PackageInput input;
  std::string private_pem, public_pem;
  std::unique_ptr<Clock> clock;
};
std::unique_ptr<SampleInput> MakeSampleInput(const std::string& dir);

// Runs a shell command, returning its exit status (-1 when it did not exit).
int Run(const std::string& command);

struct RawEntry {
  std::string name;
  std::string data;
  uint16_t method = 0;  // 0 stored; 8 claims deflate (data must be deflated)
  uint32_t unix_mode = 0100644;
  uint64_t declared_size = UINT64_MAX;  // UINT64_MAX -> data.size()
  bool utf8_flag = true;
};

// Writes a simple zip (no Zip64) exactly as told, for hostile cases.
std::string RawZip(const std::vector<RawEntry>& entries);

// The entries of a zip (name -> bytes), read with the strict reader.
std::map<std::string, std::string> ReadEntries(const std::string& zip_path);
// Rebuilds a zip from entries with the raw writer (stored, sorted by name).
void WriteEntries(const std::string& zip_path, const std::map<std::string, std::string>& entries);

// True when the report has a failure with this code.
bool HasFailure(const VerifyReport& report, const std::string& code);
std::string FailureList(const VerifyReport& report);

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_PACKAGE_FIXTURE_H_
