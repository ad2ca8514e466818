// Upload sets: from a signed dispute package, the few files one payment
// platform or marketplace accepts as evidence (a summary PDF or PNG pages,
// the label photo and key photos as JPEGs) within its limits
// (data/platforms.json), with upload-set.json listing every file, its
// SHA-256 and the original it derives from.
#ifndef PARCELPROOF_UPLOAD_H_
#define PARCELPROOF_UPLOAD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/clock.h"
#include "parcelproof/package.h"
#include "parcelproof/status.h"

namespace parcelproof {

struct UploadSetRequest {
  std::string package_path;      // the dispute package zip
  std::string platform;          // a key of data/platforms.json: "stripe", "shopify", ...
  std::string out_dir;           // created when missing; must not hold an upload set
  std::string paper = "a4";      // "a4" or "letter"
  std::string platforms_path;    // "" -> DefaultPlatformsPath()
  const Clock* clock = nullptr;  // required: the PDF's dates (SOURCE_DATE_EPOCH)
};

struct UploadFile {
  std::string name;        // file name inside out_dir
  std::string kind;        // "summary", "summary-page", "photo", "upload-set"
  std::string media_type;  // "application/pdf", "image/jpeg", "image/png"
  uint64_t size = 0;
  std::string sha256;
  std::string source_sha256;  // the original it derives from; "" for the summary
  std::string source_path;    // its data/ path in the package; "" for the summary
};

struct LeftOut {
  std::string what;  // "data/packing/..._packing_1a2b3c4d.jpg"
  std::string why;   // "the total limit of 4000000 bytes (source ...) would be exceeded"
};

// One of the platform's limits with the source of the number.
struct UploadLimit {
  std::string name;  // "max_file_bytes", "max_total_bytes", "max_files", ...
  uint64_t value = 0;
  std::string source;
};

struct UploadSet {
  std::string platform, platform_name;
  std::vector<UploadLimit> limits;  // the published ones
  std::string package_path, package_sha256, package_id, fingerprint;
  std::vector<UploadFile> files;  // in upload order; upload-set.json last
  std::vector<LeftOut> left_out;
  uint64_t total_bytes = 0;   // of the files an uploader sends (upload-set.json excluded)
  std::string manifest_path;  // out_dir/upload-set.json
};

// The profiles file installed with the sources (data/platforms.json).
std::string DefaultPlatformsPath();
// The platform keys of a profiles file, sorted; an error when unreadable.
Result<std::vector<std::string>> PlatformNames(const std::string& platforms_path);

// Verifies the package first: kVerifyFailed naming each failure when it
// does not verify (nothing written). kNotFound for an unknown platform;
// kUnsupported when the profile cannot take even the summary. Writes the
// files and out_dir/upload-set.json (schemas/upload-set.schema.json).
Result<UploadSet> BuildUploadSet(const UploadSetRequest& request);

// upload-set.json's text, "version" (Version()) first (also the --json output).
std::string UploadSetJson(const UploadSet& set);

}  // namespace parcelproof

#endif  // PARCELPROOF_UPLOAD_H_
