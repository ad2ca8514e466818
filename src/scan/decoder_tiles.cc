// Wide photos (a 4K video frame saved as a picture, labels far away on a
// shelf): the Decoder locates codes on a copy of at most 1200 pixels, where
// a label a few hundred pixels wide in the full picture is too coarse to
// locate or read. When that copy gave no tracking number, the
// full-resolution picture is read again in overlapping tiles, each by a
// Decoder of its own (the way video frames are read, scan/video_frames.cc).
#include <algorithm>

#include "scan/decoder.h"

namespace parcelproof {
namespace {

constexpr int kTileSide = 2400;  // pictures with a longer side are read in tiles

}  // namespace

bool Decoder::WantsTiles(const ImageSource& source) const {
  return std::max(source.full_width(), source.full_height()) > kTileSide && !HasTracking();
}

void Decoder::ReadTiles(ImageSource* source) {
  if (!Step("full-resolution tiles")) return;
  const Picture* full = source->Full();
  if (!full) return;
  GrayView v = full->view();
  int nx = std::max((v.width + kTileSide - 1) / kTileSide, v.width > kTileSide ? 2 : 1);
  int ny = std::max((v.height + kTileSide - 1) / kTileSide, v.height > kTileSide ? 2 : 1);
  // Overlapping by an eighth of the picture, so that a label on a seam is
  // whole in one tile.
  int tw = std::min(v.width, v.width / nx + v.width / 8);
  int th = std::min(v.height, v.height / ny + v.height / 8);
  PipelineHooks hooks;
  hooks.skip_last_resorts = true;  // no whole-tile MaxiCode search, no tiles of tiles
  for (int ty = 0; ty < ny; ++ty) {
    for (int tx = 0; tx < nx; ++tx) {
      if (!Step("tile at full resolution")) continue;
      int x = nx == 1 ? 0 : (v.width - tw) * tx / (nx - 1);
      int y = ny == 1 ? 0 : (v.height - th) * ty / (ny - 1);
      ImageScan tile_scan;
      ImageSource tile("", ImageHeader{ImageKind::kPng, tw, th}, 1);
      tile.SetBaseForTesting(
          Picture::FromGray(v.data + static_cast<size_t>(y) * v.stride + x, tw, th, v.stride));
      Decoder(hooks, &tile_scan).Run(&tile);
      Affine tile_to_full;
      tile_to_full.m[2] = x;
      tile_to_full.m[5] = y;
      Affine to_upright = tile_to_full.Then(source->full_to_upright());
      for (Barcode& b : tile_scan.barcodes) {
        bool known =
            std::any_of(scan_->barcodes.begin(), scan_->barcodes.end(),
                        [&](const Barcode& o) { return o.format == b.format && o.text == b.text; });
        if (known) continue;
        b.corners = to_upright.Apply(b.corners);
        scan_->barcodes.push_back(std::move(b));
      }
    }
  }
}

}  // namespace parcelproof
