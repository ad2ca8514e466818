// What ingest thinks a file is, from its first bytes and name.
#include <cstddef>
#include <cstdint>
#include <string>

#include "store/media_sniff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string head(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"f.jpg", "f.csv", "f.txt", "f"}) {
    (void)parcelproof::store::SniffMedia(head, name);
  }
  return 0;
}
