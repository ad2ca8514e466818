#include "ocr/ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include <memory>

// Tesseract runs parts of its LSTM in OpenMP teams of four threads. The scan
// parallelises across worker processes instead: with two workers on two
// cores, those teams double the CPU time. The OpenMP runtime reads
// OMP_THREAD_LIMIT only when it loads, so the limit is set through its API
// (present whenever Tesseract was built with OpenMP; weak otherwise).
extern "C" void omp_set_dynamic(int) __attribute__((weak));
extern "C" void omp_set_num_threads(int) __attribute__((weak));

namespace parcelproof {
namespace {

// With dynamic teams and one thread wanted, libgomp gives every team one thread.
void OneOcrThread() {
  if (omp_set_dynamic) omp_set_dynamic(1);
  if (omp_set_num_threads) omp_set_num_threads(1);
}

struct Engines {
  Status status;
  std::unique_ptr<tesseract::TessBaseAPI> eng, rus, osd;
  bool osd_tried = false;
};

Engines& Get() {
  static Engines* e = new Engines();
  return *e;
}

std::unique_ptr<tesseract::TessBaseAPI> Load(const char* language, tesseract::OcrEngineMode mode,
                                             Status* status) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, language, mode) != 0) {
    *status = Status::NotFound(std::string("Tesseract data for '") + language +
                               "' not found (Debian package tesseract-ocr-" + language + ")");
    return nullptr;
  }
  api->SetVariable("user_defined_dpi", "300");
  return api;
}

tesseract::TessBaseAPI* Engine(const std::string& language) {
  Engines& e = Get();
  if (language == "rus") return e.rus.get();
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

}  // namespace

Status InitOcr() {
  Engines& e = Get();
  if (e.eng || !e.status.ok()) return e.status;
  OneOcrThread();
  e.eng = Load("eng", tesseract::OEM_LSTM_ONLY, &e.status);
  if (e.status.ok()) e.rus = Load("rus", tesseract::OEM_LSTM_ONLY, &e.status);
  if (!e.status.ok()) e.eng.reset();
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
      OcrLine line;
      line.text = TakeText(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      if (line.text.empty()) continue;
      line.confidence = it->Confidence(tesseract::RIL_TEXTLINE) / 100.0;
      int l = 0, t = 0, r = 0, b = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b);
      line = {line.text, line.confidence, l, t, r - l, b - t};
      out.confidence += line.confidence * static_cast<double>(line.text.size());
      weight += static_cast<double>(line.text.size());
      out.lines.push_back(line);
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  if (weight > 0) out.confidence /= weight;
  api->Clear();
  return out;
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
  api->Clear();
  return line;
}

std::string DetectScript(const GrayPixels& picture, double* confidence) {
  Engines& e = Get();
  *confidence = 0;
  if (!e.osd_tried) {
    e.osd_tried = true;
    Status ignored;
    e.osd = Load("osd", tesseract::OEM_TESSERACT_ONLY, &ignored);
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
