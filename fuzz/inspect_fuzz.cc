// `inspect` on any bytes: every time source, structure check and the JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parcelproof/inspect.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parcelproof::FileInspection f = parcelproof::InspectBytes("fuzz.bin", bytes);
  (void)parcelproof::InspectReportJson({f});
  return 0;
}
