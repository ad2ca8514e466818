// parcelproof scan IMAGE_OR_VIDEO... [--json] [--jobs N] [--timeout SECONDS] [--no-ocr]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/scan.h"
#include "parcelproof/video.h"
#include "printable.h"
#include "scan_options.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof scan IMAGE_OR_VIDEO... [--json] [--jobs N] [--timeout SECONDS] [--no-ocr]";

void PrintBarcode(const Barcode& b) {
  std::printf("  %-10s %s\n", b.format.c_str(), Printable(b.text).c_str());
  for (const TrackingCandidate& t : b.tracking) {
    const char* check = !t.check_digit_known  ? "no check digit"
                        : t.check_digit_valid ? "check digit valid"
                                              : "CHECK DIGIT INVALID";
    std::printf("             tracking %s (%s, %s)\n", t.number.c_str(), t.scheme.c_str(), check);
  }
  for (const auto& [ai, value] : b.gs1)
    std::printf("             GS1 (%s) %s\n", ai.c_str(), value.c_str());
  for (const auto& [k, v] : b.fields) std::printf("             %s: %s\n", k.c_str(), v.c_str());
}

void PrintAddress(const ShipToRead& a) {
  if (!a.attempted) return;
  if (!a.fields.empty()) {
    std::printf("  address (OCR, %s, confidence %.2f)\n", a.script.c_str(), a.confidence);
  }
  for (const AddressFieldRead& f : a.fields) {
    std::printf("             %-11s %s (%.2f)\n", (f.name + ":").c_str(), f.value.c_str(),
                f.confidence);
  }
  for (const std::string& n : a.notes) std::printf("  address: %s\n", n.c_str());
}

void PrintText(const std::vector<ImageScan>& scans) {
  for (const ImageScan& s : scans) {
    if (!s.status.ok()) {
      std::printf("%s: ERROR %s\n", s.file.c_str(), s.status.ToString().c_str());
      continue;
    }
    std::printf("%s: %zu barcode(s), %dx%d, sha256 %s\n", s.file.c_str(), s.barcodes.size(),
                s.width, s.height, s.sha256.c_str());
    for (const Barcode& b : s.barcodes) PrintBarcode(b);
    for (const std::string& p : s.problems) std::printf("  problem: %s\n", p.c_str());
    PrintAddress(s.address);
  }
}

void PrintVideos(const std::vector<VideoScan>& videos) {
  for (const VideoScan& v : videos) {
    if (!v.status.ok()) {
      std::printf("%s: ERROR %s\n", v.file.c_str(), v.status.ToString().c_str());
      continue;
    }
    std::printf(
        "%s: video %s %dx%d (rotation %d), %.3f s, %lld frames (%lld scanned), %zu "
        "barcode(s), sha256 %s\n",
        v.file.c_str(), v.codec.c_str(), v.width, v.height, v.rotation, v.duration_s,
        static_cast<long long>(v.frames_total), static_cast<long long>(v.frames_scanned),
        v.barcodes.size(), v.sha256.c_str());
    for (const VideoBarcode& b : v.barcodes) {
      PrintBarcode(b.barcode);
      std::printf("             seen %.3f-%.3f s in %d frame(s); best frame %lld at %.3f s\n",
                  b.first_seen_s, b.last_seen_s, b.frames_seen,
                  static_cast<long long>(b.best_frame), b.best_time_s);
    }
    for (const ContinuityFinding& c : v.continuity)
      std::printf("  %-8s %s: %s\n", c.severity.c_str(), c.code.c_str(), c.explanation.c_str());
    for (const std::string& p : v.problems) std::printf("  problem: %s\n", p.c_str());
  }
}

}  // namespace

int RunScan(int argc, char** argv) {
  Result<Args> args =
      Args::Parse(argc, argv, 2, {{"--json", "--help", "--no-ocr"}, {"--jobs", "--timeout"}, {}});
  if (!args.ok()) return Usage("scan", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().empty()) return Usage("scan", "no image given", kSynopsis);
  ScanOptions options;
  if (Status s = ReadScanOptions(*args, &options); !s.ok()) {
    return Usage("scan", s.message(), kSynopsis);
  }
  std::vector<std::string> image_paths, video_paths;
  SplitPhotosAndVideos(args->positionals(), &image_paths, &video_paths);
  std::vector<ImageScan> scans = ScanImages(image_paths, options);
  VideoScanOptions video_options;
  video_options.jobs = options.jobs;
  video_options.timeout_seconds = options.timeout_seconds;
  video_options.progress = !args->Has("--json") && ::isatty(2);
  std::vector<VideoScan> videos = ScanVideos(video_paths, video_options);
  int exit_code = kExitOk;
  auto note = [&exit_code](const Status& status) {
    if (status.ok()) return;
    std::fprintf(stderr, "parcelproof: %s\n", status.ToString().c_str());
    exit_code = ExitCodeFor(status) > exit_code ? ExitCodeFor(status) : exit_code;
  };
  for (const ImageScan& s : scans) note(s.status);
  for (const VideoScan& v : videos) note(v.status);
  if (args->Has("--json")) {
    PrintJsonDocument(ScanReportJson(scans, videos));
  } else {
    PrintText(scans);
    PrintVideos(videos);
  }
  return exit_code;
}

}  // namespace parcelproof::cli
