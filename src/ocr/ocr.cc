#include "ocr/ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "ocr/line_images.h"

// Tesseract runs parts of its LSTM in OpenMP teams of four threads. The scan
// parallelises across worker processes instead: with two workers on two
// cores, those teams double the CPU time. The OpenMP runtime reads
// OMP_THREAD_LIMIT only when it loads, so the limit is set through its API
// (present whenever Tesseract was built with OpenMP; weak otherwise).
extern "C" void omp_set_dynamic(int) __attribute__((weak));
extern "C" void omp_set_num_threads(int) __attribute__((weak));
extern "C" void omp_set_max_active_levels(int) __attribute__((weak));

namespace parcelproof {
namespace {

// With no active parallel level allowed, every team is the calling thread
// alone, and libgomp asks nothing of the system. (The older way, dynamic
// teams of one thread wanted, made libgomp read the load average through
// sysinfo() at every LSTM team: about a tenth of a line read's CPU time.)
void OneOcrThread() {
  if (omp_set_max_active_levels) {
    omp_set_max_active_levels(0);
    return;
  }
  if (omp_set_dynamic) omp_set_dynamic(1);
  if (omp_set_num_threads) omp_set_num_threads(1);
}

struct Engines {
  Status status;
  std::unique_ptr<tesseract::TessBaseAPI> eng, rus, latin, osd;
  bool osd_tried = false, latin_tried = false;
};

Engines& Get() {
  static Engines* e = new Engines();
  return *e;
}

// Tesseract's messages go to /dev/null: a global setting, made once before
// any model loads (models may load on two threads at once). The call to
// LineImagesStayRaw links in the replacements that keep Tesseract's line
// images raw (line_images.h); OcrTest.LineImagesStayRaw checks they work.
void QuietTesseract() {
  LineImagesStayRaw();
  tesseract::TessBaseAPI api;
  api.SetVariable("debug_file", "/dev/null");
}

std::unique_ptr<tesseract::TessBaseAPI> Load(const char* language, tesseract::OcrEngineMode mode,
                                             Status* status) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // The LSTM models' word lists are loaded whatever the settings say
  // (Tesseract gives its LSTM recogniser a dictionary of its own with default
  // settings), and they are needed: without them confidences drop, and on the
  // bench corpus city accuracy fell from 98.5 to 97.0% and two deliberate
  // mismatches went unnoticed.
  if (api->Init(nullptr, language, mode) != 0) {
    *status = Status::NotFound(std::string("Tesseract data for '") + language +
                               "' not found (Debian package tesseract-ocr-" + language + ")");
    return nullptr;
  }
  api->SetVariable("user_defined_dpi", "300");
  // Tesseract 5 reads every unsure word a second time inverted (light on
  // dark); label print is dark on light, so that second reading only costs.
  api->SetVariable("tessedit_do_invert", "0");
  api->SetVariable("textord_all_prop", "1");
  return api;
}

// The English and Russian engines, or the error naming the missing one.
void LoadMain(Engines* e) {
  e->eng = Load("eng", tesseract::OEM_LSTM_ONLY, &e->status);
  if (e->status.ok()) e->rus = Load("rus", tesseract::OEM_LSTM_ONLY, &e->status);
  if (!e->status.ok()) e->eng.reset();
}

tesseract::TessBaseAPI* Engine(const std::string& language) {
  Engines& e = Get();
  if (language == "rus") return e.rus.get();
  if (language == "Latin") return e.latin.get();
  return e.eng.get();
}

void SetPicture(tesseract::TessBaseAPI* api, const GrayPixels& p) {
  api->SetImage(p.data.data(), p.width, p.height, 1, p.width);
  api->SetSourceResolution(300);
}

std::string TakeText(char* text) {
  std::string s = text ? text : "";
  delete[] text;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The line at the iterator, its text the words joined by single spaces, so
// that each word's bytes are known; the iterator stays on the line's last word.
OcrLine LineAt(tesseract::ResultIterator* it) {
  OcrLine line;
  line.confidence = it->Confidence(tesseract::RIL_TEXTLINE) / 100.0;
  int l = 0, t = 0, r = 0, b = 0;
  it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b);
  line.x = l;
  line.y = t;
  line.w = r - l;
  line.h = b - t;
  do {
    std::string word = TakeText(it->GetUTF8Text(tesseract::RIL_WORD));
    if (word.empty()) continue;
    if (!line.text.empty()) line.text += ' ';
    OcrWord w{line.text.size(), line.text.size() + word.size(),
              it->Confidence(tesseract::RIL_WORD) / 100.0};
    if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) {
      w.x = l;
      w.y = t;
      w.w = r - l;
      w.h = b - t;
    }
    line.text += word;
    line.words.push_back(w);
  } while (!it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD) &&
           it->Next(tesseract::RIL_WORD));
  return line;
}

// The words of the line recognised last, with their confidences, found in
// line->text in order (their boxes are not needed from a single line).
void AddWords(tesseract::TessBaseAPI* api, OcrLine* line) {
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return;
  size_t from = 0;
  do {
    std::string word = TakeText(it->GetUTF8Text(tesseract::RIL_WORD));
    size_t at = word.empty() ? std::string::npos : line->text.find(word, from);
    if (at == std::string::npos) continue;
    line->words.push_back({at, at + word.size(), it->Confidence(tesseract::RIL_WORD) / 100.0});
    from = at + word.size();
  } while (it->Next(tesseract::RIL_WORD));
}

}  // namespace

Status InitOcr() {
  Engines& e = Get();
  if (e.eng || !e.status.ok()) return e.status;
  OneOcrThread();
  QuietTesseract();
  LoadMain(&e);
  return e.status;
}

Status InitOcrWithLatin() {
  Engines& e = Get();
  if (e.eng || !e.status.ok()) {
    LoadLatinModel();
    return e.status;
  }
  OneOcrThread();
  QuietTesseract();
  // The Latin model takes about three times as long as the other two
  // together (its unicharset makes Tesseract's table of look-alikes large):
  // it loads on a thread of its own, each model into its own engine.
  std::unique_ptr<tesseract::TessBaseAPI> latin;
  std::thread other([&latin] {
    Status missing;  // optional: stays null
    latin = Load("Latin", tesseract::OEM_LSTM_ONLY, &missing);
  });
  LoadMain(&e);
  other.join();
  e.latin_tried = true;
  if (e.eng) e.latin = std::move(latin);
  return e.status;
}

OcrText ReadTextBlock(const GrayPixels& picture, const std::string& language) {
  OcrText out;
  out.language = language;
  tesseract::TessBaseAPI* api = Engine(language);
  if (!api || picture.width < 4 || picture.height < 4) return out;
  api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  SetPicture(api, picture);
  if (api->Recognize(nullptr) != 0) return out;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  double weight = 0;
  if (it) {
    do {
      OcrLine line = LineAt(it.get());
      if (line.text.empty()) continue;
      out.confidence += line.confidence * static_cast<double>(line.text.size());
      weight += static_cast<double>(line.text.size());
      out.lines.push_back(line);
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  if (weight > 0) out.confidence /= weight;
  api->Clear();
  return out;
}

double WordsConfidence(const OcrLine& line, size_t begin, size_t end) {
  double low = 2;
  for (const OcrWord& w : line.words) {
    if (w.begin < end && w.end > begin) low = std::min(low, w.confidence);
  }
  return low > 1 ? line.confidence : low;
}

OcrLine ReadTextLine(const GrayPixels& picture, const std::string& language) {
  OcrLine line;
  tesseract::TessBaseAPI* api = Engine(language);
  if (!api || picture.width < 4 || picture.height < 4) return line;
  api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  SetPicture(api, picture);
  line.text = TakeText(api->GetUTF8Text());
  line.confidence = api->MeanTextConf() / 100.0;
  line.w = picture.width;
  line.h = picture.height;
  AddWords(api, &line);
  api->Clear();
  return line;
}

void LoadLatinModel() {
  Engines& e = Get();
  if (e.latin_tried || !e.eng) return;
  e.latin_tried = true;
  Status missing;  // optional: the model stays null
  e.latin = Load("Latin", tesseract::OEM_LSTM_ONLY, &missing);
}

bool HasOcrModel(const std::string& language) {
  if (language == "Latin") LoadLatinModel();
  return Engine(language) != nullptr;
}

std::string DetectScript(const GrayPixels& picture, double* confidence) {
  Engines& e = Get();
  *confidence = 0;
  if (!e.osd_tried) {
    e.osd_tried = true;
    Status ignored;
    e.osd = Load("osd", tesseract::OEM_TESSERACT_ONLY, &ignored);
    // A ship-to block holds a few dozen characters, under OSD's default of 50.
    if (e.osd) e.osd->SetVariable("min_characters_to_try", "8");
  }
  if (!e.osd || picture.width < 4 || picture.height < 4) return "";
  e.osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  SetPicture(e.osd.get(), picture);
  int orient = 0;
  float orient_conf = 0, script_conf = 0;
  const char* script = nullptr;
  bool ok = e.osd->DetectOrientationScript(&orient, &orient_conf, &script, &script_conf);
  std::string name = ok && script ? script : "";
  *confidence = script_conf;
  e.osd->Clear();
  return name;
}

}  // namespace parcelproof
