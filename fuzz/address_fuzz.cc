// The OCR'd ship-to block: the field parser and the comparisons on whatever
// text Tesseract might hand over (any bytes, any number of lines).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "address/address.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size() && lines.size() < 64) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  parcelproof::ParsedAddress a = parcelproof::ParseAddressLines(lines);
  const std::string& first = lines.front();
  (void)parcelproof::SamePostalCode(a.postal_code.value, first);
  (void)parcelproof::PostalCodeFarFrom(a.postal_code.value, first);
  (void)parcelproof::PostalCodeFarFrom(first, text);
  (void)parcelproof::SameNumbers(first, text);
  (void)parcelproof::SameCity(a.city.value, first);
  (void)parcelproof::SameRecipient(a.recipient.value, first);
  (void)parcelproof::SameStreet(first, text);
  (void)parcelproof::CountryFromText(first);
  (void)parcelproof::MayBeginCue(first);
  return 0;
}
