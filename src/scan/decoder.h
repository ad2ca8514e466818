// Finds every symbol on one photo with single-symbol ZXing reads: 2-D codes
// on a detection-size copy (masking each before the next read), 1-D codes in
// regions located at any angle, 2-D codes in upright crops of dense-texture
// regions, a whole-image 1-D pass, and full-resolution retries of 1-D regions
// whose bars were too thin on the reduced picture (and of 2-D regions while
// no tracking number is read); a wide photo that gave no tracking number is
// read again in full-resolution tiles (decoder_tiles.cc).
#ifndef PARCELPROOF_SCAN_DECODER_H_
#define PARCELPROOF_SCAN_DECODER_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "barcode/reader.h"
#include "scan/image_source.h"
#include "scan/pipeline.h"

namespace parcelproof {

// The name of the decoder step (PipelineHooks::on_step) that tries one
// region located as 1-D bars: video sampling counts them.
inline constexpr char kLocatedLinearStep[] = "1-D code in located region";

class Decoder {
 public:
  // Barcodes found are appended to scan->barcodes, in full-resolution
  // coordinates. hooks number and may skip every decoder step.
  Decoder(const PipelineHooks& hooks, ImageScan* scan) : hooks_(hooks), scan_(scan) {}
  void Run(ImageSource* source);
  // Areas (upright full-resolution coordinates) a later step will decode at
  // full resolution, given the barcodes read so far: a full-resolution retry
  // decodes their rows too, in the same pass over the JPEG data (which a
  // later decode of rows would read again from the top).
  void DecodeAlsoForLater(std::function<std::vector<Quad>(const ImageScan&)> areas) {
    later_areas_ = std::move(areas);
  }

 private:
  struct Region {
    Quad quad;  // in detection-picture coordinates
    CodeFamily family;
    bool thin = true;  // bars may be too thin for the picture it failed on
  };

  bool Step(const std::string& what);
  bool Add(const RawCode& raw, const Affine& to_full);
  bool HasTracking() const;
  bool Enough() const;  // every symbol of hooks_.enough read
  bool InsideFound(PointF p) const;
  // Reads up to max_symbols symbols one at a time, masking each before the next read.
  void MaskedPasses(CodeFamily family, Picture* pic, const std::string& name,
                    int max_symbols = kMaxSymbolsPerPass);
  static constexpr int kMaxSymbolsPerPass = 8;
  bool ReadRegion(const Picture& from, const Affine& from_to_full, Region* region,
                  bool full_res = false);
  // MaxiCodes around bullseyes in the crop of `quad` (detection-picture
  // coordinates; the whole picture when null) of `from`.
  bool ReadMaxiCodes(const Picture& from, const Affine& from_to_full, const Quad* quad);
  void MoreInRow(Picture rest, RawCode raw, const Affine& to_full);
  void LocatedLinear(const Picture& base, Picture* masked);
  void ProposedRegions(const Picture& base, Picture* masked);
  void RetryAtFullResolution(ImageSource* source);
  void RetryEqualized(const Picture& small);
  bool WantsTiles(const ImageSource& source) const;
  void ReadTiles(ImageSource* source);

  const PipelineHooks& hooks_;
  std::function<std::vector<Quad>(const ImageScan&)> later_areas_;
  ImageScan* scan_;
  int step_ = 0;
  Affine small_to_base_;
  Affine small_to_full_;
  Affine base_to_full_;
  std::vector<Region> failed_;
  int located_ = 0;      // regions located as 1-D bars
  bool lean_ = false;    // proposed regions of a blank picture: one plain read each
  int small_width_ = 0;  // the detection picture
  int small_height_ = 0;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_DECODER_H_
