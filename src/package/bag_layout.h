// BagIt (RFC 8493) text files and payload names of a dispute package.
#ifndef PARCELPROOF_PACKAGE_BAG_LAYOUT_H_
#define PARCELPROOF_PACKAGE_BAG_LAYOUT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parcelproof/package.h"

namespace parcelproof::package {

extern const char kBagitTxt[];       // "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
extern const char kSignatureFile[];  // "signature/tagmanifest-sha256.txt.sig"
extern const char kPublicKeyFile[];  // "signature/public.pem"
// The tag files the tag manifest must cover, sorted.
const std::vector<std::string>& SignedTagFiles();

// data/<role>/<UTC capture time>_<role>_<hash prefix>.<ext> for each item,
// unique: the hash prefix grows to the full hash when two names collide.
std::vector<std::string> PayloadPaths(const std::vector<PackageItem>& items);

// thumbnails/<role>/<stem>.<jpg|png|webp> for the payload path of an item
// with a thumbnail; "" without one.
std::string ThumbnailPath(const std::string& payload_path, const PackageItem& item);

// "<sha256>  <path>\n" lines sorted by path.
std::string ManifestText(std::vector<std::pair<std::string, std::string>> path_hash);

// "1.9 GB", "512 KB", "42 bytes".
std::string HumanSize(uint64_t bytes);

// The top folder of the bag in the zip: dispute-<order id>-<reason>, safe characters only.
std::string BagName(const std::string& order_id, const std::string& reason);

struct BagInfo {
  std::string organization, bagging_date, order_id, reason, package_id, dispute_opened;
  std::string fingerprint;
  uint64_t payload_bytes = 0;
  size_t payload_files = 0;
};
std::string BagInfoText(const BagInfo& info);

// Parses "Label: value" lines (continuation lines start with whitespace).
std::vector<std::pair<std::string, std::string>> ParseBagInfo(const std::string& text);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_BAG_LAYOUT_H_
