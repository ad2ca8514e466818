// A set of sample photos to generate: the orders, and per photo the labels,
// the camera and the verdict a label check must reach.
#ifndef PARCELPROOF_SAMPLES_GEN_SAMPLE_SET_H_
#define PARCELPROOF_SAMPLES_GEN_SAMPLE_SET_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "content.h"
#include "encode.h"
#include "parcelproof/order.h"
#include "photo.h"

namespace samplegen {

struct PhotoJob {
  std::string file;         // "s01_pass_upu_qr_json.jpg"
  std::string description;  // one line for people
  std::string order_id;
  std::string verdict;               // "PASS", "MISMATCH" or "UNREADABLE"
  std::vector<LabelContent> labels;  // one, or two stacked (bottom first)
  double stack_dx = 0, stack_dy = 0, stack_angle = 0;
  double dpi = 300;
  PhotoParams photo;
  std::string format = "jpeg";  // "jpeg", "png" or "webp"
  int quality = 90;
  CameraExif exif;          // JPEG only
  bool unreadable = false;  // every barcode is blurred beyond reading
  // The ship-to block as printed (recipient, city, postal_code, country), when
  // the set prints one, and the field deliberately made to differ from the order.
  std::vector<std::pair<std::string, std::string>> printed;
  std::string address_mismatch;
};

struct SampleSet {
  std::string name;  // "samples" or "corpus"
  std::vector<parcelproof::Order> orders;
  std::vector<PhotoJob> jobs;
};

// The hand-made demo set: about a dozen 3-MP photos covering PASS, each kind
// of MISMATCH and UNREADABLE.
SampleSet DemoSet();

// `count` random single-label photos of about `megapixels` MP, all PASS.
SampleSet CorpusSet(int count, double megapixels, uint64_t seed);

// `count` photos of labels whose ship-to block is printed in TrueType fonts
// (Latin and Cyrillic); every fifth differs from its order in one field.
SampleSet OcrSet(int count, double megapixels, uint64_t seed);

// Labels whose ship-to block the OCR must not read as an address: Han, Greek
// and Arabic script, an invoice full of text, vertical print. All PASS.
SampleSet OcrBadSet(double megapixels, uint64_t seed);

// Renders every job into `dir` (created), with orders.json and expected.json;
// `threads` jobs at a time. With `flat_labels`, also writes each photo's
// un-warped label sheet to dir/labels/<stem>.png. Throws std::exception.
void WriteSet(const SampleSet& set, const std::string& dir, int threads, bool flat_labels);

// Helpers shared by the set definitions.
parcelproof::Order MakeOrder(const std::string& id, const std::string& platform,
                             const parcelproof::Address& to, const std::string& carrier,
                             const std::string& tracking, int64_t placed_unix, int items);
// "2026-03-02T06:05:33Z".
std::string Rfc3339Utc(int64_t unix_seconds);
// EXIF for a photo taken at `unix_seconds` UTC by a camera `offset_minutes` east of UTC.
CameraExif ExifAt(int64_t unix_seconds, int subsec_ms, int offset_minutes, int orientation,
                  int camera);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_SAMPLE_SET_H_
