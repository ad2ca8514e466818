#include "scan/address_step.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "address/address.h"
#include "image/text_lines.h"
#include "ocr/ocr.h"
#include "scan/accent_reread.h"
#include "scan/ship_to_locate.h"

namespace parcelproof {
namespace {

// A word read with this confidence or more needs no second reading (English
// reads "Griin" and "Miinchen" at 0.93 at most, most sure words at 0.95-0.97).
constexpr double kSureWord = 0.95;

bool IsLinear(const std::string& format) {
  return format != "QRCode" && format != "DataMatrix" && format != "Aztec" && format != "PDF417" &&
         format != "MaxiCode" && format != "MicroQRCode";
}

// The widest 1-D barcode holding a tracking number; nullptr when none.
const Barcode* Anchor(const ImageScan& scan) {
  const Barcode* best = nullptr;
  double best_w = 0;
  for (const Barcode& b : scan.barcodes) {
    if (b.tracking.empty() || !IsLinear(b.format)) continue;
    double w = std::hypot(b.corners[1].x - b.corners[0].x, b.corners[1].y - b.corners[0].y);
    if (w > best_w) {
      best = &b;
      best_w = w;
    }
  }
  return best;
}

// The destination country a barcode names (ISO alpha-2), empty when none
// does: GS1 421, MH10.8.3, or a "country" key in a 2-D code's payload.
std::string BarcodeCountry(const ImageScan& scan) {
  for (const Barcode& b : scan.barcodes) {
    for (const auto& [key, value] : b.fields) {
      if (key == "country" && value.size() == 2) return value;
    }
  }
  return "";
}

// A field's confidence is that of the least sure word it was read from, so
// that one doubtful word ("Miinchen") is not taken for a confident reading.
void AddField(const char* name, const AddressField& f, const std::string& printed,
              const std::vector<OcrLine>& lines, ShipToRead* out) {
  if (f.value.empty() || f.line < 0 || f.line >= static_cast<int>(lines.size())) return;
  const OcrLine& line = lines[static_cast<size_t>(f.line)];
  size_t at = line.text.find(printed);
  double confidence = at == std::string::npos
                          ? line.confidence
                          : WordsConfidence(line, at, at + std::max<size_t>(printed.size(), 1));
  out->fields.push_back({name, f.value, confidence});
}

void AddField(const char* name, const AddressField& f, const std::vector<OcrLine>& lines,
              ShipToRead* out) {
  AddField(name, f, f.value, lines, out);
}

// The part of `line` that holds `code`: the box of the words it was read
// from, or the whole line when those are not known.
OcrLine CodeWords(const OcrLine& line, const std::string& code) {
  size_t at = line.text.find(code);
  if (at == std::string::npos) return line;
  OcrLine part = line;
  int x0 = 1 << 30, x1 = -1;
  for (const OcrWord& w : line.words) {
    if (w.begin >= at + code.size() || w.end <= at) continue;
    if (w.w <= 0) return line;
    x0 = std::min(x0, w.x);
    x1 = std::max(x1, w.x + w.w);
  }
  if (x1 <= x0) return line;
  part.x = x0;
  part.w = x1 - x0;
  return part;
}

// A postal code read by the Russian model is read again by the English one:
// when that reading finds another code on the line, neither is sure enough
// for a verdict (Russian reads 101000 as 191000 at 0.95). The other way
// round the second opinion only cost time: on the 200 bench photos the
// Russian model contradicted an English reading twice, both times wrongly
// (00-026 read 90-026), and never rightly.
void SecondOpinion(const AddressField& code, const std::string& country, const OcrText& text,
                   const GrayPixels& crop, ShipToRead* out) {
  if (text.language != "rus" || code.value.empty() || code.line < 0 ||
      code.line >= static_cast<int>(text.lines.size()) || out->fields.empty() ||
      out->fields.back().name != "postal_code") {
    return;
  }
  // Digits only: the models share them, not each other's letters.
  for (char c : code.value) {
    if (std::isalpha(static_cast<unsigned char>(c))) return;
  }
  // Only the code's words are read again (the OCR time grows with the
  // line's length), the whole line when their boxes are unknown.
  const OcrLine& line = text.lines[static_cast<size_t>(code.line)];
  GrayPixels sub = SubPicture(crop, CodeWords(line, code.value));
  if (sub.width == 0) return;
  OcrLine again = ReadTextLine(sub, "eng");
  size_t b = 0, e = 0;
  if (!FindPostalCode(again.text, country, &b, &e)) return;
  std::string other = again.text.substr(b, e - b);
  if (!SamePostalCode(other, code.value)) {
    out->fields.back().confidence = std::min(out->fields.back().confidence, 0.5);
    out->fields.back().second_reading = other;
  }
}

// The picture of line `l` for the Latin model: its LatinSpan, bytes
// [*begin, *end), or the whole line when the words' boxes are unknown.
GrayPixels LatinPicture(const GrayPixels& crop, const OcrLine& l, const std::string& country,
                        size_t* begin, size_t* end) {
  LatinSpan(l, country, kSureWord, begin, end);
  if (*begin > 0 || *end < l.text.size()) {
    GrayPixels span = SpanPicture(crop, l, *begin, *end);
    if (span.width > 0) return span;
  }
  *begin = 0;
  *end = l.text.size();
  return SubPicture(crop, l);
}

std::vector<std::string> Texts(const OcrText& text) {
  std::vector<std::string> lines;
  for (const OcrLine& l : text.lines) lines.push_back(l.text);
  return lines;
}

// The English model lacks the accented letters of names and places and reads
// look-alikes ("Griin", "Miinchen", "Krakéw"): a recipient or city line with
// a word it is unsure of is read again with the Latin-script model, which has
// them, and that reading kept when it is as sure. Unsure words that cannot
// hide such a letter (a postal code that fits, "ON", digits) are no reason:
// on the 200 bench photos that spares 20 of 94 re-reads, none of which
// changed the text. The Latin model reads the line's words of letters, not
// a postal code that fits beside them ("80331 Munchen": "Munchen"), as its
// time follows the characters read (about 3.5 ms a call and 3.5 ms per line
// height of width): a line with a broken code is read whole, the code's
// digits with it ("1015 C) Amsterdam" keeps its "CJ" so).
void RereadAccents(const GrayPixels& crop, OcrText* text) {
  if (text->language != "eng" || !HasOcrModel("Latin")) return;
  ParsedAddress a = ParseAddressLines(Texts(*text));
  for (int index : {a.recipient.line, a.city.line}) {
    if (index < 0 || index >= static_cast<int>(text->lines.size())) continue;
    OcrLine& l = text->lines[static_cast<size_t>(index)];
    double low = WordsConfidence(l, 0, l.text.size());
    if (low >= kSureWord || !WorthLatinReread(l, a.country.value, kSureWord)) continue;
    size_t b = 0, e = 0;
    GrayPixels sub = LatinPicture(crop, l, a.country.value, &b, &e);
    if (sub.width == 0) continue;
    OcrLine again = ReadTextLine(sub, "Latin");
    // The second model brings letters only: numbers stay as first read
    // (a postal code on the city's line split "2 80 1 4" is not taken).
    if (again.text.empty() || again.confidence < low ||
        !SameNumbers(again.text, l.text.substr(b, e - b))) {
      continue;
    }
    // Numbers keep the confidence English read them with.
    double conf = again.confidence;
    for (const OcrWord& w : l.words) {
      std::string word = l.text.substr(w.begin, w.end - w.begin);
      if (word.find_first_of("0123456789") != std::string::npos)
        conf = std::min(conf, w.confidence);
    }
    l.text = l.text.substr(0, b) + again.text + l.text.substr(e);
    l.confidence = conf;
    l.words = {OcrWord{0, l.text.size(), conf}};
  }
}

void FillFields(OcrText text, const GrayPixels& crop, ShipToRead* out) {
  RereadAccents(crop, &text);
  std::vector<std::string> lines = Texts(text);
  out->lines = lines;
  for (const std::string& l : lines) out->text += (out->text.empty() ? "" : "\n") + l;
  out->confidence = text.confidence;
  ParsedAddress a = ParseAddressLines(lines);
  AddField("recipient", a.recipient, text.lines, out);
  if (!a.street.empty()) {
    AddressField street = a.street[0];
    for (size_t i = 1; i < a.street.size(); ++i) street.value += ", " + a.street[i].value;
    AddField("street", street, text.lines, out);
  }
  AddField("city", a.city, text.lines, out);
  AddField("region", a.region, text.lines, out);
  AddField("postal_code", a.postal_code, text.lines, out);
  SecondOpinion(a.postal_code, a.country.value, text, crop, out);
  AddField("country", a.country, a.country_text, text.lines, out);
}

// A debugging aid for bench/ocr_bench.py --dump: when PP_OCR_DUMP names a
// folder, the block OCR read is written there as <photo name>.pgm.
void DumpCrop(const std::string& file, const GrayPixels& crop) {
  const char* dir = std::getenv("PP_OCR_DUMP");
  if (!dir || !*dir || crop.width <= 0 || crop.height <= 0) return;
  std::string name = file.substr(file.find_last_of('/') + 1);
  std::FILE* f = std::fopen((std::string(dir) + "/" + name + ".pgm").c_str(), "wb");
  if (!f) return;
  std::fprintf(f, "P5\n%d %d\n255\n", crop.width, crop.height);
  std::fwrite(crop.data.data(), 1, crop.data.size(), f);
  std::fclose(f);
}

}  // namespace

void WarmUpShipTo(size_t photos) {
  // Photos after the first wait for the Latin model anyway: it loads beside
  // the others, before the workers fork and share it.
  if (photos >= 2)
    InitOcrWithLatin();
  else
    InitOcr();
}

void ReadShipTo(ImageSource* source, const PipelineHooks& hooks, ImageScan* scan) {
  ShipToRead& out = scan->address;
  out.attempted = true;
  Status ocr = InitOcr();
  if (!ocr.ok()) {
    out.notes.push_back("address not read: " + ocr.message());
    return;
  }
  const Barcode* anchor = Anchor(*scan);
  if (!anchor) {
    out.notes.push_back("address not read: no tracking barcode to find the ship-to block by");
    return;
  }
  if (hooks.skip_steps.count(kShipToStep)) {
    out.notes.push_back("address not read: OCR crashed on this photo");
    return;
  }
  if (hooks.on_step) hooks.on_step(kShipToStep, "ship-to OCR");
  LocatedBlock block = LocateShipTo(source, anchor->corners, BarcodeCountry(*scan));
  out.script = block.script;  // also the foreign script seen when no block was chosen
  if (!block.found) {
    out.notes.push_back("address not read: " + block.why);
    return;
  }
  DumpCrop(scan->file, block.crop);
  out.corners = block.corners;
  out.script = block.script;
  if (!block.readable) {
    out.notes.push_back("address not read: " + block.why);
    return;
  }
  FillFields(block.text, block.crop, &out);
  if (!block.why.empty()) out.notes.push_back(block.why);
}

}  // namespace parcelproof
