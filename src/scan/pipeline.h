// The per-image decoding pipeline: load with limits, orient, find every
// symbol. Steps are numbered so that a worker that crashed in step k can be
// re-run without it.
#ifndef PARCELPROOF_SCAN_PIPELINE_H_
#define PARCELPROOF_SCAN_PIPELINE_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "parcelproof/scan.h"

namespace parcelproof {

struct PipelineHooks {
  std::set<int> skip_steps;                                        // decoder steps not to run
  std::function<void(int step, const std::string& what)> on_step;  // before each decoder step
  // No whole-picture MaxiCode search and no contrast-enhanced retry when
  // nothing is found (video frames: the neighbouring frames are other chances).
  bool skip_last_resorts = false;
};

// Runs every decoder once on a tiny blank picture, so that their lazy
// initialisation happens before worker processes are forked; loads OpenCV's
// image codecs too when some of `paths` are PNG or WebP (JPEG and HEIF have
// decoders of their own, and the codecs cost about 80 ms to load). With
// read_address, Tesseract's models are loaded too (about 30 MB that every
// worker then holds; not loaded for --no-ocr).
void WarmUpPipeline(const std::vector<std::string>& paths, bool read_address);

// Scans the file at path. Input problems land in scan.status; findings in
// scan.problems. Runs decoders in this process.
ImageScan RunPipeline(const std::string& path, const ScanOptions& options,
                      const PipelineHooks& hooks);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_PIPELINE_H_
