// parcelproof check IMAGE... (--order FILE [--order-id ID] | --tracking T
//   [--postal-code P] [--country CC] [--recipient NAME] [--city CITY]) [--json]
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/check.h"
#include "parcelproof/video.h"
#include "scan_options.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof check IMAGE_OR_VIDEO... (--order FILE [--order-id ID] | --tracking T "
    "[--postal-code P] [--country CC] [--recipient NAME] [--city CITY]) [--json] [--jobs N] "
    "[--no-ocr]";

// What the photos are checked against: one expectation, or (an order file
// with several orders and no --order-id) each photo against the order whose
// tracking number is on its label.
struct Target {
  std::optional<Expectation> expectation;
  std::vector<Order> orders;
};

Result<Target> TargetFromArgs(const Args& args) {
  if (args.Has("--order") == args.Has("--tracking")) {
    return Status::InvalidArgument("give either --order FILE or --tracking NUMBER");
  }
  Target target;
  if (args.Has("--tracking")) {
    Expectation e;
    e.tracking_numbers = args.GetAll("--tracking");
    e.postal_code = args.Get("--postal-code");
    e.country = args.Get("--country");
    e.recipient = args.Get("--recipient");
    e.city = args.Get("--city");
    target.expectation = e;
    return target;
  }
  Result<std::vector<Order>> orders = LoadOrdersFile(args.Get("--order"));
  if (!orders.ok()) return orders.status();
  std::string id = args.Get("--order-id");
  if (id.empty()) {
    if (orders->size() == 1) target.expectation = ExpectationFromOrder(orders->front());
    target.orders = std::move(*orders);
    return target;
  }
  for (const Order& o : *orders) {
    if (o.id == id) {
      target.expectation = ExpectationFromOrder(o);
      return target;
    }
  }
  return Status::NotFound(args.Get("--order") + ": no order with id " + id);
}

void PrintText(const std::vector<LabelCheck>& checks) {
  for (const LabelCheck& c : checks) {
    std::printf("%-10s %s%s%s\n", VerdictName(c.verdict), c.file.c_str(),
                c.order_id.empty() ? "" : "  order ", c.order_id.c_str());
    for (const std::string& r : c.reasons) std::printf("           %s\n", r.c_str());
    for (const std::string& w : c.warnings) std::printf("           warning: %s\n", w.c_str());
    for (const std::string& n : c.notes) std::printf("           note: %s\n", n.c_str());
  }
}

int ExitCodeForChecks(const std::vector<LabelCheck>& checks) {
  bool mismatch = false, unreadable = false;
  for (const LabelCheck& c : checks) {
    mismatch |= c.verdict == Verdict::kMismatch;
    unreadable |= c.verdict == Verdict::kUnreadable;
  }
  return mismatch ? kExitFailed : unreadable ? kExitInput : kExitOk;
}

}  // namespace

int RunCheck(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help", "--no-ocr"},
               {"--order", "--order-id", "--tracking", "--postal-code", "--country", "--recipient",
                "--city", "--jobs", "--timeout"},
               {}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("check", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().empty()) return Usage("check", "no image given", kSynopsis);
  Result<Target> target = TargetFromArgs(*args);
  if (!target.ok()) {
    if (target.status().code() == Status::Code::kInvalidArgument) {
      return Usage("check", target.status().message(), kSynopsis);
    }
    return Fail(target.status());
  }
  ScanOptions options;
  if (Status s = ReadScanOptions(*args, &options); !s.ok()) {
    return Usage("check", s.message(), kSynopsis);
  }
  std::vector<std::string> image_paths, video_paths;
  SplitPhotosAndVideos(args->positionals(), &image_paths, &video_paths);
  std::vector<LabelCheck> checks;
  for (const ImageScan& scan : ScanImages(image_paths, options)) {
    if (!scan.status.ok())
      std::fprintf(stderr, "parcelproof: %s\n", scan.status.ToString().c_str());
    checks.push_back(target->expectation ? CheckLabel(scan, *target->expectation)
                                         : CheckLabelAgainstOrders(scan, target->orders));
  }
  VideoScanOptions video_options;
  video_options.jobs = options.jobs;
  video_options.timeout_seconds = options.timeout_seconds;
  for (const VideoScan& scan : ScanVideos(video_paths, video_options)) {
    if (!scan.status.ok())
      std::fprintf(stderr, "parcelproof: %s\n", scan.status.ToString().c_str());
    checks.push_back(target->expectation ? CheckVideo(scan, *target->expectation)
                                         : CheckVideoAgainstOrders(scan, target->orders));
  }
  if (args->Has("--json")) {
    PrintJsonDocument(CheckReportJson(checks));
  } else {
    PrintText(checks);
  }
  return ExitCodeForChecks(checks);
}

}  // namespace parcelproof::cli
