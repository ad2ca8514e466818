// BagIt tag files as verify reads them: manifests and bag-info.txt.
#include <cstddef>
#include <cstdint>
#include <string>

#include "package/bag_layout.h"
#include "package/manifest_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)parcelproof::package::ParseManifest(text, "manifest-sha256.txt");
  (void)parcelproof::package::ParseBagInfo(text);
  return 0;
}
