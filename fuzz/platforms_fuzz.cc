// Platform profile files (upload-set --platforms FILE): any bytes give a
// profile or a Status, never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "upload/profiles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* id : {"stripe", "x", "ebay"}) {
    auto profile = parcelproof::upload::ParseProfile(text, "fuzz", id);
    if (profile.ok()) (void)profile->Accepts("pdf");
  }
  return 0;
}
