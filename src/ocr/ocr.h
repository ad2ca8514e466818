// Reading printed text with Tesseract 5 (LSTM engine). The only module that
// includes Tesseract. Engines are loaded once per process (before the scan
// workers fork, so that they share the model pages) and are not thread-safe.
#ifndef PARCELPROOF_OCR_OCR_H_
#define PARCELPROOF_OCR_OCR_H_

#include <string>
#include <vector>

#include "core/gray_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

// A word of a line: its bytes in OcrLine::text and Tesseract's confidence.
struct OcrWord {
  size_t begin = 0, end = 0;
  double confidence = 0;           // 0..1
  int x = 0, y = 0, w = 0, h = 0;  // in the picture given (ReadTextBlock); 0 when unknown
};

struct OcrLine {
  std::string text;                // UTF-8, without the trailing newline
  double confidence = 0;           // 0..1
  int x = 0, y = 0, w = 0, h = 0;  // in the picture given
  std::vector<OcrWord> words;      // ReadTextBlock: with boxes; ReadTextLine: without
};

// The lowest confidence of the words of `line` that overlap bytes
// [begin, end); the line's confidence when no word does.
double WordsConfidence(const OcrLine& line, size_t begin, size_t end);

struct OcrText {
  std::vector<OcrLine> lines;
  double confidence = 0;  // mean over the lines, weighted by length
  std::string language;   // "eng" or "rus"
};

// Loads the English and Russian models (NotFound naming the data folder when
// one is missing). Later calls return the first result.
Status InitOcr();

// InitOcr, and the optional Latin-script model at the same time on a second
// thread (returns with no thread left running, so that workers may fork).
Status InitOcrWithLatin();

// Loads the optional Latin-script model (Debian tesseract-ocr-script-latn,
// 89 MB: about 0.6 s of CPU for its 88 MB word list and Tesseract's table of
// look-alike characters, large for its many letters) when installed, after
// InitOcr; HasOcrModel("Latin") does so on first use.
void LoadLatinModel();

// True when `language` is loaded ("Latin" is optional, loaded on first ask).
bool HasOcrModel(const std::string& language);

// Recognises a block of lines (one column) in `language` ("eng", "rus",
// "Latin" when HasOcrModel says so).
OcrText ReadTextBlock(const GrayPixels& picture, const std::string& language);
// Recognises a single line; its words get their confidences (no boxes).
OcrLine ReadTextLine(const GrayPixels& picture, const std::string& language);

// The script Tesseract's OSD sees in the picture ("Latin", "Cyrillic", "Han",
// "Arabic", ...); empty when it cannot tell. *confidence gets OSD's score.
std::string DetectScript(const GrayPixels& picture, double* confidence);

}  // namespace parcelproof

#endif  // PARCELPROOF_OCR_OCR_H_
