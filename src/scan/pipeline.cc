#include "scan/pipeline.h"

#include <optional>

#include "core/file.h"
#include "core/image_header.h"
#include "core/sha256.h"
#include "exif/exif_reader.h"
#include "image/codecs.h"
#include "scan/address_step.h"
#include "scan/decoder.h"
#include "scan/image_source.h"
#include "scan/ship_to_locate.h"

namespace parcelproof {
namespace {

constexpr uint64_t kMaxFileBytes = 512ull << 20;
constexpr int kMinSide = 16;

Status LoadAndCheck(const std::string& path, const ScanOptions& options, ImageScan* scan,
                    std::string* bytes, ImageHeader* header) {
  Result<std::string> data = ReadFileLimited(path, kMaxFileBytes);
  if (!data.ok()) return data.status();
  *bytes = std::move(*data);
  scan->sha256 = Sha256Hex(*bytes);  // hash before any parsing
  Result<ImageHeader> h = ReadImageHeader(*bytes, options.max_pixels);
  if (!h.ok()) return h.status().WithContext(path);
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

// The rows the ship-to step decodes at full resolution, as far as the
// barcodes read so far tell: those around the anchor ReadShipTo takes.
std::vector<Quad> ShipToAreas(const ImageSource& source, const ImageScan& scan) {
  const Barcode* anchor = ShipToAnchor(scan);
  if (!anchor) return {};
  std::optional<Quad> area = ShipToFullArea(source, anchor->corners);
  if (!area) return {};
  return {*area};
}

}  // namespace

void WarmUpPipeline(const std::vector<std::string>& paths, bool read_address) {
  for (const std::string& path : paths) {
    Result<std::string> head = ReadFilePrefix(path, 64);
    if (!head.ok()) continue;
    ImageKind kind = SniffImageKind(*head);
    if (kind == ImageKind::kPng || kind == ImageKind::kWebp) {
      LoadImageCodecs();
      break;
    }
  }
  std::vector<uint8_t> blank(64 * 64, 255);
  ImageScan scan;
  ImageSource source("", ImageHeader{ImageKind::kPng, 64, 64}, 1);
  source.SetBaseForTesting(Picture::FromGray(blank.data(), 64, 64, 64));
  Decoder(PipelineHooks(), &scan).Run(&source);
  if (read_address) WarmUpShipTo(paths.size());
}

ImageScan RunPipeline(const std::string& path, const ScanOptions& options,
                      const PipelineHooks& hooks) {
  ImageScan scan;
  scan.file = path;
  std::string bytes;
  ImageHeader header;
  scan.status = LoadAndCheck(path, options, &scan, &bytes, &header);
  if (!scan.status.ok()) return scan;
  // HEIF carries its rotation in the container (libheif applies it).
  scan.orientation = header.kind == ImageKind::kHeif ? 1 : Orientation(bytes, &scan);
  ImageSource source(std::move(bytes), header, scan.orientation);
  scan.status = source.Init(options.max_pixels).WithContext(path);
  if (!scan.status.ok()) return scan;
  scan.width = source.full_width();
  scan.height = source.full_height();
  Decoder decoder(hooks, &scan);
  if (options.read_address) {
    decoder.DecodeAlsoForLater(
        [&source](const ImageScan& so_far) { return ShipToAreas(source, so_far); });
  }
  decoder.Run(&source);
  if (options.read_address) ReadShipTo(&source, hooks, &scan);
  if (scan.barcodes.empty()) scan.problems.push_back("no barcode found");
  return scan;
}

}  // namespace parcelproof
