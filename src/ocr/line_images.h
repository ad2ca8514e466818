// Tesseract 5.3 keeps every text line it recognises as a PNG in memory
// (ImageData::SetPixInternal writes it through Leptonica's pixWriteMem) and
// decodes it again straight away (pixReadMem) before scaling it for the LSTM:
// deflate and inflate took about a tenth of the CPU of a block read. This
// module, part of the module that owns Tesseract and Leptonica, replaces
// those two Leptonica functions in the process (ELF symbol interposition: the
// executable's definitions come first) with a raw copy of the pixels in a
// format that never leaves the process. Every other image, and every call
// that does not ask for PNG, goes on to Leptonica's own functions.
#ifndef PARCELPROOF_OCR_LINE_IMAGES_H_
#define PARCELPROOF_OCR_LINE_IMAGES_H_

#include <cstddef>
#include <cstdint>

struct Pix;

namespace parcelproof {

// True when Tesseract's calls reach the replacements (the dynamic symbols
// resolve to them). InitOcr calls it, which also links this file into every
// binary that reads text.
bool LineImagesStayRaw();

// The raw format's reader: the picture, or nullptr when `data` is not a
// complete raw image (then pixReadMem hands it to Leptonica).
Pix* ReadRawLineImage(const uint8_t* data, size_t size);

}  // namespace parcelproof

#endif  // PARCELPROOF_OCR_LINE_IMAGES_H_
