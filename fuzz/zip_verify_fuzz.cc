// A whole file handed to `verify`: the zip structure checks (EOCD, Zip64,
// central directory, local headers, names, limits) and then everything verify
// reads from a zip that passes them. The bytes go to a temporary file, as
// verify reads files.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "archive/zip_reader.h"
#include "parcelproof/package.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/pp-zip-fuzz-" + std::to_string(getpid()) + ".zip";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  (void)parcelproof::archive::InspectZip(path);
  (void)parcelproof::VerifyPackage(path, parcelproof::VerifyOptions{});
  return 0;
}
