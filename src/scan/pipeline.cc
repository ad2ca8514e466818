#include "scan/pipeline.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "barcode/reader.h"
#include "core/file.h"
#include "core/image_header.h"
#include "core/sha256.h"
#include "exif/exif_reader.h"
#include "image/picture.h"
#include "label/interpret.h"

namespace parcelproof {
namespace {

constexpr uint64_t kMaxFileBytes = 512ull << 20;
constexpr int kMinSide = 16;
constexpr int kDetectSide = 1600;  // detection runs on a copy this size at most
constexpr int kMaxSymbolsPerPass = 8;

class Decoder {
 public:
  Decoder(const PipelineHooks& hooks, ImageScan* scan) : hooks_(hooks), scan_(scan) {}

  void Run(const Picture& full) {
    Affine to_full;
    Picture small = full.Downscaled(kDetectSide, &to_full);
    Picture masked = small;
    MatrixPass(&masked, to_full);
    LinearCrops(full, small, to_full, &masked);
    ProposedRegions(full, small, to_full, &masked);
    LinearWholeImage(&masked, to_full);
    if (scan_->barcodes.empty()) RetryEqualized(small, to_full);
  }

 private:
  // Returns false when the step is to be skipped.
  bool Step(const std::string& what) {
    int step = ++step_;
    if (hooks_.skip_steps.count(step)) return false;
    if (hooks_.on_step) hooks_.on_step(step, what);
    return true;
  }

  bool Add(const RawCode& raw, const Affine& to_full) {
    for (const Barcode& b : scan_->barcodes) {
      if (b.format == raw.format && b.text == raw.text) return false;
    }
    Barcode b;
    b.format = raw.format;
    b.text = raw.text;
    b.corners = to_full.Apply(raw.corners);
    InterpretBarcode(raw.gs1, &b);
    scan_->barcodes.push_back(std::move(b));
    return true;
  }

  // Reads symbols of a family one at a time, masking each before the next read.
  void MaskedPasses(CodeFamily family, Picture* pic, const Affine& to_full,
                    const std::string& name) {
    for (int i = 0; i < kMaxSymbolsPerPass; ++i) {
      if (!Step(name)) return;
      std::optional<RawCode> raw = ReadOne(pic->view(), family, {});
      if (!raw) return;
      pic->Mask(raw->corners, family == CodeFamily::kMatrix ? 0.08 : 0.0);
      if (family == CodeFamily::kLinear) MaskLinear(raw->corners, pic);
      if (!Add(*raw, to_full) && family == CodeFamily::kMatrix) continue;
    }
  }

  // ZXing reports a linear symbol as the scan lines it read: mask a band as
  // tall as a fifth of its length so the same symbol is not read again.
  static void MaskLinear(const Quad& q, Picture* pic) {
    double len = std::hypot(q[1].x - q[0].x, q[1].y - q[0].y);
    double ux = (q[1].x - q[0].x) / std::max(len, 1.0), uy = (q[1].y - q[0].y) / std::max(len, 1.0);
    double h = len * 0.12;
    Quad band = {PointF{q[0].x + uy * h, q[0].y - ux * h}, PointF{q[1].x + uy * h, q[1].y - ux * h},
                 PointF{q[1].x - uy * h, q[1].y + ux * h},
                 PointF{q[0].x - uy * h, q[0].y + ux * h}};
    pic->Mask(band, 0.04);
  }

  void MatrixPass(Picture* masked, const Affine& to_full) {
    MaskedPasses(CodeFamily::kMatrix, masked, to_full, "2-D codes");
  }

  // Reads one symbol from an upright crop; thin blurred bars get a second
  // try enlarged and sharpened. Corners come back in full-image coordinates.
  static std::optional<RawCode> ReadCrop(const Picture& crop, const Affine& crop_to_full,
                                         CodeFamily family) {
    std::optional<RawCode> raw = ReadOne(crop.view(), family, {});
    double factor = 1;
    if (!raw && family == CodeFamily::kLinear && crop.width() <= 1400) {
      factor = 2;
      raw = ReadOne(crop.Sharpened(factor).view(), family, {});
    }
    if (!raw) return raw;
    Affine unscale;
    unscale.m[0] = unscale.m[4] = 1 / factor;
    raw->corners = crop_to_full.Apply(unscale.Apply(raw->corners));
    return raw;
  }

  void LinearCrops(const Picture& full, const Picture& small, const Affine& to_full,
                   Picture* masked) {
    if (!Step("locate 1-D codes")) return;
    for (const Quad& q_small : DetectLinearBarcodes(small)) {
      if (!Step("1-D code in located region")) continue;
      Affine crop_to_full;
      Picture crop = full.CropUpright(to_full.Apply(q_small), 0.12, 0.25, 1400, &crop_to_full);
      std::optional<RawCode> raw = ReadCrop(crop, crop_to_full, CodeFamily::kLinear);
      if (!raw) continue;
      Add(*raw, Affine());
      masked->Mask(q_small, 0.1);
    }
  }

  bool InsideFound(PointF p) const {
    for (const Barcode& b : scan_->barcodes) {
      const Quad& q = b.corners;
      bool inside = true;
      for (int i = 0; i < 4 && inside; ++i) {
        const PointF& a = q[i];
        const PointF& c = q[(i + 1) % 4];
        double cross = (c.x - a.x) * (p.y - a.y) - (c.y - a.y) * (p.x - a.x);
        inside = cross >= 0;
      }
      bool inside_ccw = true;
      for (int i = 0; i < 4 && inside_ccw; ++i) {
        const PointF& a = q[i];
        const PointF& c = q[(i + 1) % 4];
        inside_ccw = (c.x - a.x) * (p.y - a.y) - (c.y - a.y) * (p.x - a.x) <= 0;
      }
      if (inside || inside_ccw) return true;
    }
    return false;
  }

  // 2-D symbols that ZXing misses at an angle or in perspective: read them
  // from upright crops of dense-texture regions.
  void ProposedRegions(const Picture& full, const Picture& small, const Affine& to_full,
                       Picture* masked) {
    if (!Step("propose symbol regions")) return;
    for (const Quad& q_small : ProposeSymbolRegions(small)) {
      Quad q = to_full.Apply(q_small);
      PointF centre{(q[0].x + q[2].x) / 2, (q[0].y + q[2].y) / 2};
      if (InsideFound(centre)) continue;
      if (!Step("2-D code in proposed region")) continue;
      Affine crop_to_full;
      Picture crop = full.CropUpright(q, 0.15, 0.15, 1000, &crop_to_full);
      std::optional<RawCode> raw = ReadCrop(crop, crop_to_full, CodeFamily::kMatrix);
      if (!raw) continue;
      Add(*raw, Affine());
      masked->Mask(q_small, 0.05);
    }
  }

  void LinearWholeImage(Picture* masked, const Affine& to_full) {
    MaskedPasses(CodeFamily::kLinear, masked, to_full, "1-D codes, whole image");
  }

  void RetryEqualized(const Picture& small, const Affine& to_full) {
    if (!Step("contrast-enhanced retry")) return;
    Picture eq = small.Equalized();
    MaskedPasses(CodeFamily::kMatrix, &eq, to_full, "2-D codes, enhanced");
    MaskedPasses(CodeFamily::kLinear, &eq, to_full, "1-D codes, enhanced");
  }

  const PipelineHooks& hooks_;
  ImageScan* scan_;
  int step_ = 0;
};

Status LoadAndCheck(const std::string& path, const ScanOptions& options, ImageScan* scan,
                    std::string* bytes, ImageHeader* header) {
  Result<std::string> data = ReadFileLimited(path, kMaxFileBytes);
  if (!data.ok()) return data.status();
  *bytes = std::move(*data);
  scan->sha256 = Sha256Hex(*bytes);  // hash before any parsing
  Result<ImageHeader> h = ReadImageHeader(*bytes, options.max_pixels);
  if (!h.ok()) return h.status().WithContext(path);
  if (h->kind == ImageKind::kHeif) {
    return Status::Unsupported(path + ": HEIF/HEIC photos are not decoded yet; export as JPEG");
  }
  if (h->width < kMinSide || h->height < kMinSide) {
    return Status::Unsupported(path + ": image is " + std::to_string(h->width) + "x" +
                               std::to_string(h->height) + ", too small to hold a barcode");
  }
  *header = *h;
  return Status::Ok();
}

int Orientation(const std::string& bytes, ImageScan* scan) {
  Result<ExifFields> exif = ReadExif(bytes);
  if (!exif.ok()) {
    scan->problems.push_back("EXIF unreadable: " + exif.status().message());
    return 1;
  }
  for (const std::string& p : exif->problems) scan->problems.push_back("EXIF: " + p);
  return exif->orientation >= 1 && exif->orientation <= 8 ? exif->orientation : 1;
}

}  // namespace

ImageScan RunPipeline(const std::string& path, const ScanOptions& options,
                      const PipelineHooks& hooks) {
  ImageScan scan;
  scan.file = path;
  std::string bytes;
  ImageHeader header;
  scan.status = LoadAndCheck(path, options, &scan, &bytes, &header);
  if (!scan.status.ok()) return scan;
  scan.orientation = Orientation(bytes, &scan);
  Result<Picture> picture = Picture::Decode(bytes, scan.orientation);
  if (!picture.ok()) {
    scan.status = picture.status().WithContext(path);
    return scan;
  }
  bytes = std::string();  // release the file before decoding symbols
  scan.width = picture->width();
  scan.height = picture->height();
  Decoder(hooks, &scan).Run(*picture);
  if (scan.barcodes.empty()) scan.problems.push_back("no barcode found");
  return scan;
}

void WarmUpPipeline() {
  std::vector<uint8_t> blank(64 * 64, 255);
  Picture p = Picture::FromGray(blank.data(), 64, 64, 64);
  ImageScan scan;
  Decoder(PipelineHooks(), &scan).Run(p);
}

ImageScan ScanImageInProcess(const std::string& path, const ScanOptions& options) {
  return RunPipeline(path, options, {});
}

}  // namespace parcelproof
