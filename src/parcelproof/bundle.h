// Building a dispute package from the evidence store: the one call that
// `parcelproof bundle`, `upload-set`, the report and any later front end (a
// station page, a server) use to turn an order in the store into a package.
#ifndef PARCELPROOF_BUNDLE_H_
#define PARCELPROOF_BUNDLE_H_

#include <string>
#include <vector>

#include "parcelproof/package.h"
#include "parcelproof/status.h"

namespace parcelproof {

struct BundleRequest {
  std::string order;                          // order id or one of its tracking numbers
  std::string reason;                         // one of DisputeReasons()
  std::string store_dir;                      // "" -> $PARCELPROOF_STORE, else ./parcelproof-store
  std::string station;                        // station named in the custody log
  std::string note;                           // the seller's statement, may be empty
  std::string dispute_opened;                 // RFC 3339 or empty
  std::string checklists;                     // "" -> DefaultChecklistsPath()
  std::string out_path;                       // "" -> dispute-<order>-<reason>.zip
  std::string key_pem;                        // Ed25519 private key (keygen's NAME.key)
  std::vector<std::string> include, exclude;  // item hashes
};

// Opens the store, gathers the order's items (plus include, minus exclude),
// their blobs and thumbnails, the custody entries about them (earlier
// "bundle" entries left out so a rebuild is byte-identical) and the
// timeline with its findings, builds the signed package, then logs "bundle"
// in the store. The clock is SOURCE_DATE_EPOCH when set (MakeDefaultClock).
// kInvalidArgument for a bad dispute_opened or SOURCE_DATE_EPOCH.
Result<PackageSummary> BundleOrder(const BundleRequest& request);

// The default package file name: dispute-<order id, unsafe characters as
// '-'>-<reason>.zip.
std::string DefaultPackageName(const std::string& order_id, const std::string& reason);

}  // namespace parcelproof

#endif  // PARCELPROOF_BUNDLE_H_
