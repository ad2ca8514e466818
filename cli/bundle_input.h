// The store -> PackageInput glue of `parcelproof bundle`.
#ifndef PARCELPROOF_CLI_BUNDLE_INPUT_H_
#define PARCELPROOF_CLI_BUNDLE_INPUT_H_

#include <string>
#include <vector>

#include "parcelproof/package.h"

namespace parcelproof::cli {

struct BundleRequest {
  std::string order;  // id or tracking number
  std::string reason, store_dir, station, note, dispute_opened, checklists, out_path, key_pem;
  std::vector<std::string> include, exclude;  // item hashes
};

// Opens the store, gathers the order's items (plus --include, minus
// --exclude), their blobs, the custody entries about them (earlier
// "bundle" entries left out so a rebuild is byte-identical) and a timeline,
// builds the package, then logs "bundle" in the store.
Result<PackageSummary> RunBundleRequest(const BundleRequest& req);

// A JSON string literal.
std::string JsonQuote(const std::string& s);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_BUNDLE_INPUT_H_
