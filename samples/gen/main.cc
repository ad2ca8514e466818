// pp-samplegen: renders deterministic label photos, their orders and the
// expected scan/check results.
//   pp-samplegen --out DIR [--flat-labels] [--only NAME]   the demo set (12 photos, 3 MP)
//   pp-samplegen --out DIR --corpus [N] [--megapixels M] [--threads T] [--seed S]
//   pp-samplegen --out DIR --hard [N] [--only CONDITION]...   hard conditions (hard_set.h)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "hard_set.h"
#include "sample_set.h"

namespace {

const char kUsage[] =
    "usage: pp-samplegen --out DIR [--flat-labels] [--threads T] [--only NAME]...\n"
    "       pp-samplegen --out DIR --corpus [N] [--megapixels M] [--threads T] [--seed S]\n"
    "       pp-samplegen --out DIR --ocr-corpus [N] [--megapixels M] [--threads T] [--seed S]\n"
    "--corpus makes N photos (default 200) of M megapixels (default 12).\n"
    "       pp-samplegen --out DIR --hard [N] [--only CONDITION]... [--seed S]\n"
    "--ocr-corpus makes N photos whose ship-to block is printed in TrueType fonts (Latin and\n"
    "Cyrillic); every fifth differs from its order (postal code, city, country, recipient).\n"
    "       pp-samplegen --out DIR --ocr-bad [--megapixels M]\n"
    "--ocr-bad makes the address-OCR bad input: ship-to blocks in Han, Greek and Arabic\n"
    "script, an invoice full of text, vertical print (all PASS; the address is a note).\n"
    "--only NAME keeps the photos whose file name contains NAME (repeatable).\n"
    "--hard writes N photos (default 20) per hard condition into DIR/<condition>/.\n"
    "Writes label photos, orders.json and expected.json into DIR. Same arguments, same bytes.\n";

struct Options {
  std::string out;
  int corpus = 0;
  int hard = 0;          // photos per hard condition
  bool ocr = false;      // --ocr-corpus: the corpus is the address-OCR set
  bool ocr_bad = false;  // --ocr-bad: the address-OCR bad-input set
  double megapixels = 12;
  int threads = 2;
  unsigned long long seed = 20260301;
  bool flat_labels = false;
  std::vector<std::string> only;  // keep photos whose file name contains one of these
};

// Drops the jobs that no --only pattern names (all kept when none is given).
void Filter(const std::vector<std::string>& only, samplegen::SampleSet* set) {
  if (only.empty()) return;
  std::vector<samplegen::PhotoJob> kept;
  for (const samplegen::PhotoJob& j : set->jobs) {
    for (const std::string& pattern : only) {
      if (j.file.find(pattern) != std::string::npos) {
        kept.push_back(j);
        break;
      }
    }
  }
  set->jobs = kept;
}

bool Parse(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--flat-labels") {
      o->flat_labels = true;
    } else if (a == "--only" && has_value) {
      o->only.push_back(argv[++i]);
    } else if (a == "--out" && has_value) {
      o->out = argv[++i];
    } else if (a == "--corpus" || a == "--ocr-corpus") {  // N is optional: 200 by default
      o->ocr = a == "--ocr-corpus";
      o->corpus = 200;
      if (has_value && std::strncmp(argv[i + 1], "--", 2) != 0) o->corpus = std::atoi(argv[++i]);
      if (o->corpus <= 0) return false;
    } else if (a == "--ocr-bad") {
      o->ocr_bad = true;
    } else if (a == "--hard") {
      o->hard = 20;
      if (has_value && std::strncmp(argv[i + 1], "--", 2) != 0) o->hard = std::atoi(argv[++i]);
      if (o->hard <= 0) return false;
    } else if (a == "--megapixels" && has_value) {
      o->megapixels = std::atof(argv[++i]);
      if (o->megapixels < 0.3 || o->megapixels > 60) return false;
    } else if (a == "--threads" && has_value) {
      o->threads = std::atoi(argv[++i]);
      if (o->threads < 1 || o->threads > 64) return false;
    } else if (a == "--seed" && has_value) {
      o->seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      return false;
    }
  }
  return !o->out.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!Parse(argc, argv, &o)) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  try {
    cv::setNumThreads(o.threads > 1 ? 1 : 0);  // parallel over photos, not inside one
    if (o.hard > 0) {
      samplegen::WriteHardSets(o.out, o.hard, o.seed, o.threads, o.only);
      std::printf("pp-samplegen: wrote the hard-condition sets to %s\n", o.out.c_str());
      return 0;
    }
    samplegen::SampleSet set = o.ocr_bad      ? samplegen::OcrBadSet(o.megapixels, o.seed)
                               : o.ocr        ? samplegen::OcrSet(o.corpus, o.megapixels, o.seed)
                               : o.corpus > 0 ? samplegen::CorpusSet(o.corpus, o.megapixels, o.seed)
                                              : samplegen::DemoSet();
    Filter(o.only, &set);
    samplegen::WriteSet(set, o.out, o.threads, o.flat_labels);
    std::printf("pp-samplegen: wrote %zu photos, orders.json and expected.json to %s\n",
                set.jobs.size(), o.out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pp-samplegen: %s\n", e.what());
    return 3;
  }
  return 0;
}
