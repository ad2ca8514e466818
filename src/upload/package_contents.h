// Reading a verified package: evidence.json and entries by their path in the bag.
#ifndef PARCELPROOF_UPLOAD_PACKAGE_CONTENTS_H_
#define PARCELPROOF_UPLOAD_PACKAGE_CONTENTS_H_

#include <map>
#include <memory>
#include <string>

#include "archive/zip_reader.h"
#include "parcelproof/status.h"

namespace parcelproof::upload {

class PackageContents {
 public:
  // Opens the zip; bag_name is the package's top folder (VerifyReport).
  static Result<std::unique_ptr<PackageContents>> Open(const std::string& zip_path,
                                                       const std::string& bag_name);
  // The bytes of bag_name/path; kNotFound when absent, kUnsupported beyond max_bytes.
  Result<std::string> Read(const std::string& path, uint64_t max_bytes) const;
  bool Has(const std::string& path) const { return entries_.count(path) > 0; }

 private:
  std::unique_ptr<archive::ZipReader> reader_;
  std::map<std::string, archive::ZipEntryInfo> entries_;  // by path inside the bag
};

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_PACKAGE_CONTENTS_H_
