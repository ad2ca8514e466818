// parcelproof scan IMAGE... [--json] [--jobs N] [--timeout SECONDS] [--no-ocr]
#include <cstdio>
#include <cstdlib>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/scan.h"
#include "printable.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof scan IMAGE... [--json] [--jobs N] [--timeout SECONDS] [--no-ocr]";

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
  Result<int> jobs = args->GetInt("--jobs", 0, 0, 256);
  Result<int> timeout = args->GetInt("--timeout", 60, 1, 86400);
  if (!jobs.ok()) return Usage("scan", jobs.status().message(), kSynopsis);
  if (!timeout.ok()) return Usage("scan", timeout.status().message(), kSynopsis);
  options.jobs = *jobs;
  options.timeout_seconds = *timeout;
  options.read_address = !args->Has("--no-ocr");
  std::vector<ImageScan> scans = ScanImages(args->positionals(), options);
  int exit_code = kExitOk;
  for (const ImageScan& s : scans) {
    if (!s.status.ok()) {
      std::fprintf(stderr, "parcelproof: %s\n", s.status.ToString().c_str());
      exit_code = ExitCodeFor(s.status) > exit_code ? ExitCodeFor(s.status) : exit_code;
    }
  }
  if (args->Has("--json")) {
    PrintJsonDocument(ScanReportJson(scans));
  } else {
    PrintText(scans);
  }
  return exit_code;
}

}  // namespace parcelproof::cli
