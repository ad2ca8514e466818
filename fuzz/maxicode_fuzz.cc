// MaxiCode: the carrier-message interpretation of decoded text (MH10.8.3
// fields, tracking candidates) and the grid decoder (a pure symbol drawn from
// 990 module bits, read by ZXing), on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "barcode/maxicode_read.h"
#include "label/interpret.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const std::string& t : {text, std::string("[)>\x1E"
                                                 "01\x1D"
                                                 "96") +
                                         text}) {
    parcelproof::Barcode b;
    b.format = "MaxiCode";
    b.text = t;
    parcelproof::InterpretBarcode(false, &b);
  }
  // The first 124 bytes as 990 module bits (a short input repeats).
  if (size > 0) {
    parcelproof::MaxiGrid grid{};
    for (size_t i = 0; i < grid.size(); ++i) grid[i] = (data[(i / 8) % size] >> (i % 8)) & 1;
    std::optional<parcelproof::RawCode> raw = parcelproof::ReadMaxiGrid(grid);
    if (raw) {
      parcelproof::Barcode b;
      b.format = raw->format;
      b.text = raw->text;
      parcelproof::InterpretBarcode(raw->gs1, &b);
    }
  }
  return 0;
}
