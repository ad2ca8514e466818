#include "scan/decoder.h"

#include <algorithm>
#include <cmath>

#include "barcode/maxicode_read.h"
#include "image/maxicode_grid.h"
#include "label/interpret.h"

namespace parcelproof {
namespace {

constexpr int kDetectSide = 1200;  // detection runs on a copy this size at most
// Mean bar/space run (pixels of the reduced picture) under which a failed 1-D
// region is retried at full resolution: about two pixels a module.
constexpr double kThinRun = 4.0;
// Longest region side (fraction of the detection picture's) under which a
// photo counts as a wide frame of small, far labels.
constexpr double kWideFrameSide = 0.2;
constexpr double kShortRegion = 400;  // pixels of the reduced picture, padding included

// outer(inner(p)).
Affine Compose(const Affine& outer, const Affine& inner) { return inner.Then(outer); }

Affine Scale(double f) {
  Affine a;
  a.m[0] = a.m[4] = f;
  return a;
}

// ZXing reports a linear symbol as the scan lines it read: mask a band about
// a quarter of its length tall so that the same symbol is not read again.
void MaskLinear(const Quad& q, Picture* pic) {
  double len = std::hypot(q[1].x - q[0].x, q[1].y - q[0].y);
  double ux = (q[1].x - q[0].x) / std::max(len, 1.0), uy = (q[1].y - q[0].y) / std::max(len, 1.0);
  double h = len * 0.12;
  Quad band = {PointF{q[0].x + uy * h, q[0].y - ux * h}, PointF{q[1].x + uy * h, q[1].y - ux * h},
               PointF{q[1].x - uy * h, q[1].y + ux * h}, PointF{q[0].x - uy * h, q[0].y + ux * h}};
  pic->Mask(band, 0.04);
}

bool InsideQuad(const Quad& q, PointF p) {
  int sign = 0;
  for (int i = 0; i < 4; ++i) {
    const PointF& a = q[i];
    const PointF& b = q[(i + 1) % 4];
    double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
    if (s != 0 && sign != 0 && s != sign) return false;
    if (s != 0) sign = s;
  }
  return true;
}

double QuadSide(const Quad& q) {
  return std::max(std::hypot(q[1].x - q[0].x, q[1].y - q[0].y),
                  std::hypot(q[2].x - q[1].x, q[2].y - q[1].y));
}

// A MaxiCode is about as tall as wide (with a little of its label around it).
bool Squarish(const Quad& q) {
  double a = std::hypot(q[1].x - q[0].x, q[1].y - q[0].y);
  double b = std::hypot(q[2].x - q[1].x, q[2].y - q[1].y);
  return std::max(a, b) <= 1.6 * std::min(a, b);
}

// The upright box around q grown on every side by half its longest side and
// a few pixels: more than ReadRegion's crops reach (CropUpright pads by at
// most a quarter of a side and 4 pixels).
Quad GrownBox(const Quad& q) {
  double x0 = q[0].x, x1 = q[0].x, y0 = q[0].y, y1 = q[0].y;
  for (const PointF& p : q) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  double g = QuadSide(q) / 2 + 16;
  return {PointF{x0 - g, y0 - g}, PointF{x1 + g, y0 - g}, PointF{x1 + g, y1 + g},
          PointF{x0 - g, y1 + g}};
}

}  // namespace

void Decoder::Run(ImageSource* source) {
  base_to_full_ = source->base_to_full();
  Picture small = source->base().Downscaled(kDetectSide, &small_to_base_);
  small_width_ = small.width();
  small_height_ = small.height();
  small_to_full_ = Compose(base_to_full_, small_to_base_);
  Picture masked = small;
  // One whole-image 2-D read: further 2-D codes come from the region crops.
  MaskedPasses(CodeFamily::kMatrix, &masked, "2-D codes", 1);
  LocatedLinear(source->base(), &masked);
  ProposedRegions(source->base(), &masked);
  MaskedPasses(CodeFamily::kLinear, &masked, "1-D codes, whole image");
  if (source->reduced() && !failed_.empty()) RetryAtFullResolution(source);
  if (hooks_.skip_last_resorts) return;
  if (scan_->barcodes.empty() && Step("MaxiCode, whole picture"))
    ReadMaxiCodes(small, small_to_full_, nullptr);
  if (scan_->barcodes.empty()) RetryEqualized(small);
  if (WantsTiles(*source)) ReadTiles(source);
}

bool Decoder::Step(const std::string& what) {
  int step = ++step_;
  if (hooks_.skip_steps.count(step) || Enough()) return false;
  if (hooks_.on_step) hooks_.on_step(step, what);
  return true;
}

bool Decoder::Add(const RawCode& raw, const Affine& to_full) {
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

bool Decoder::HasTracking() const {
  for (const Barcode& b : scan_->barcodes) {
    if (!b.tracking.empty()) return true;
  }
  return false;
}

bool Decoder::Enough() const {
  if (hooks_.enough.empty()) return false;
  size_t read = 0;
  for (const Barcode& b : scan_->barcodes) read += hooks_.enough.count(b.format + '\n' + b.text);
  return read >= hooks_.enough.size();
}

bool Decoder::InsideFound(PointF p) const {
  for (const Barcode& b : scan_->barcodes) {
    if (InsideQuad(b.corners, p)) return true;
  }
  return false;
}

void Decoder::MaskedPasses(CodeFamily family, Picture* pic, const std::string& name,
                           int max_symbols) {
  for (int i = 0; i < max_symbols; ++i) {
    if (!Step(name)) return;
    std::optional<RawCode> raw = ReadOne(pic->view(), family, {});
    if (!raw) return;
    if (family == CodeFamily::kLinear)
      MaskLinear(raw->corners, pic);
    else
      pic->Mask(raw->corners, 0.08);
    Add(*raw, small_to_full_);
  }
}

// Reads one symbol from an upright crop of `from` (whose points map to full
// resolution by from_to_full); thin blurred bars get a second try enlarged
// and sharpened. A failed 1-D region notes whether its bars were thin.
bool Decoder::ReadRegion(const Picture& from, const Affine& from_to_full, Region* region,
                         bool full_res) {
  Affine small_to_from = Compose(from_to_full.Inverse(), small_to_full_);
  bool linear = region->family == CodeFamily::kLinear;
  Affine crop_to_from;
  Picture crop = from.CropUpright(small_to_from.Apply(region->quad), linear ? 0.12 : 0.15,
                                  linear ? 0.25 : 0.15, linear ? 1400 : 1000, &crop_to_from);
  std::optional<RawCode> raw = ReadOne(crop.view(), region->family, {});
  if (!raw && (Enough() || lean_)) return false;
  double factor = 1;
  Picture sharp;  // the crop enlarged and sharpened, once made
  if (!raw && linear && crop.width() <= 1400) {
    factor = 2;
    sharp = crop.Sharpened(factor);
    raw = ReadOne(sharp.view(), region->family, {});
    // Sharpening can turn blur into bars that pass Code 128's checksum: a
    // read stands only when a 3x enlargement reads the same.
    std::optional<RawCode> again;
    if (raw) again = ReadOne(crop.Sharpened(3).view(), region->family, {});
    if (raw && (!again || again->text != raw->text)) raw.reset();
  }
  if (!raw && !linear && crop.DarkSurround()) {
    factor = 1;  // light modules on a dark ground: ZXing 1.4 reads only dark-on-light
    raw = ReadOne(crop.Inverted().view(), region->family, {});
  }
  Picture fixed;  // the crop with contrast restored, once made
  if (!raw) {
    // Dim light and glare bands: contrast restored locally, on this crop only.
    factor = 1;
    fixed = linear ? crop.RowNormalized(std::max(9, crop.width() / 15)) : crop.Equalized();
    raw = ReadOne(fixed.view(), region->family, {});
  }
  if (!raw && !linear && full_res && crop.width() <= 1000) {
    factor = 2;  // modules of about two pixels even at full resolution
    raw = ReadOne(crop.Sharpened(factor).view(), region->family, {});
  }
  if (!raw) {
    // (No later retry asks whether bars were thin at full resolution.)
    if (linear && !full_res) {
      // Thin: bar runs of few pixels, or a short region (a small label far
      // away: blur merges its runs, so they cannot be measured).
      double px = std::hypot(crop_to_from.m[0], crop_to_from.m[3]);
      double run = crop.MeanRunLength();
      if (run == 0) run = fixed.MeanRunLength();  // the row-normalised crop
      run *= px;  // dim light: too little contrast to measure before normalising
      bool is_short = crop.width() * px < kShortRegion;
      region->thin = is_short || (run > 0 && run < kThinRun);
    }
    return false;
  }
  Affine to_full = Compose(from_to_full, Compose(crop_to_from, Scale(1 / factor)));
  Add(*raw, to_full);
  // A 1-D read at factor 2 came from the sharpened crop.
  if (linear) MoreInRow(factor == 1 ? crop : sharp, *raw, to_full);
  return true;
}

// Codes side by side in a row (a sheet of labels) make one located region:
// while the symbol read is much shorter than the crop, mask it and read on.
void Decoder::MoreInRow(Picture rest, RawCode raw, const Affine& to_full) {
  for (int i = 0; i < kMaxSymbolsPerPass; ++i) {
    double len =
        std::hypot(raw.corners[1].x - raw.corners[0].x, raw.corners[1].y - raw.corners[0].y);
    if (len > 0.55 * rest.width() || !Step("1-D code beside it")) return;
    MaskLinear(raw.corners, &rest);
    std::optional<RawCode> next = ReadOne(rest.view(), CodeFamily::kLinear, {});
    if (!next) return;
    raw = *next;
    Add(raw, to_full);
  }
}

bool Decoder::ReadMaxiCodes(const Picture& from, const Affine& from_to_full, const Quad* quad) {
  Affine crop_to_from;
  Picture crop = from;
  if (quad) {
    Affine small_to_from = Compose(from_to_full.Inverse(), small_to_full_);
    crop = from.CropUpright(small_to_from.Apply(*quad), 0.15, 0.15, 800, &crop_to_from);
  }
  bool found = false;
  for (const MaxiCandidate& c : LocateMaxiCodes(crop)) {
    for (size_t i = 0; i < c.grids.size(); ++i) {
      std::optional<RawCode> raw = ReadMaxiGrid(c.grids[i]);
      if (!raw) continue;
      raw->corners = c.corners[i];
      found |= Add(*raw, Compose(from_to_full, crop_to_from));
      break;
    }
  }
  return found;
}

void Decoder::LocatedLinear(const Picture& base, Picture* masked) {
  if (!Step("locate 1-D codes")) return;
  Picture small = *masked;  // detection on the picture as masked by the 2-D pass
  for (const Quad& q : DetectLinearBarcodes(small)) {
    if (!Step(kLocatedLinearStep)) continue;
    ++located_;
    Region r{q, CodeFamily::kLinear};
    if (ReadRegion(base, base_to_full_, &r))
      masked->Mask(q, 0.1);
    else
      failed_.push_back(r);
  }
}

void Decoder::ProposedRegions(const Picture& base, Picture* masked) {
  if (!Step("propose symbol regions")) return;
  for (const Quad& q : ProposeSymbolRegions(*masked)) {
    lean_ = hooks_.lean_when_blank && located_ == 0 && scan_->barcodes.empty();
    PointF centre = small_to_full_.Apply(PointF{(q[0].x + q[2].x) / 2, (q[0].y + q[2].y) / 2});
    if (InsideFound(centre)) continue;
    if (!Step("2-D code in proposed region")) continue;
    Region r{q, CodeFamily::kMatrix};
    if (ReadRegion(base, base_to_full_, &r) ||
        (!lean_ && Squarish(q) && Step("MaxiCode in proposed region") &&
         ReadMaxiCodes(base, base_to_full_, &q)))
      masked->Mask(q, 0.05);
    else
      failed_.push_back(r);
  }
  lean_ = false;
}

// Regions that failed on the reduced picture: located 1-D codes get a
// full-resolution try when their bars were thin there; every region while
// no tracking number is read (small labels far away, dim light).
void Decoder::RetryAtFullResolution(ImageSource* source) {
  bool has_tracking = HasTracking();
  std::vector<Region> todo;
  // A wide frame (every region small: labels far away on a shelf): texture
  // regions that failed may be 1-D codes too thin to locate as bars.
  double largest = 0;
  for (const Region& r : failed_) largest = std::max(largest, QuadSide(r.quad));
  for (const Barcode& b : scan_->barcodes) {
    Quad q = small_to_full_.Inverse().Apply(b.corners);
    largest = std::max(largest, QuadSide(q));
  }
  bool wide_frame = largest < kWideFrameSide * std::max(small_width_, small_height_);
  for (const Region& r : failed_) {
    // A region a later pass read (the whole-image 1-D pass, a code beside
    // another) needs no retry, nor the full-resolution decode it costs.
    PointF centre = small_to_full_.Apply(
        PointF{(r.quad[0].x + r.quad[2].x) / 2, (r.quad[0].y + r.quad[2].y) / 2});
    if (InsideFound(centre)) continue;
    if (!has_tracking || (r.family == CodeFamily::kLinear && r.thin)) todo.push_back(r);
    if (wide_frame && r.family == CodeFamily::kMatrix)
      todo.push_back({r.quad, CodeFamily::kLinear});
  }
  if (todo.empty() || !Step("decode full resolution")) return;
  // Only the rows these regions cover are decoded (the rest on demand).
  std::vector<Quad> areas;
  for (const Region& r : todo) areas.push_back(GrownBox(small_to_full_.Apply(r.quad)));
  if (later_areas_) {
    for (const Quad& q : later_areas_(*scan_)) areas.push_back(q);
  }
  const Picture* full = source->FullAround(areas);
  if (!full) return;
  for (Region& r : todo) {
    if (!Step("region at full resolution")) continue;
    ReadRegion(*full, source->full_to_upright(), &r, true);
  }
}

void Decoder::RetryEqualized(const Picture& small) {
  if (!Step("contrast-enhanced retry")) return;
  Picture eq = small.Equalized();
  MaskedPasses(CodeFamily::kMatrix, &eq, "2-D codes, enhanced");
  MaskedPasses(CodeFamily::kLinear, &eq, "1-D codes, enhanced");
}

}  // namespace parcelproof
