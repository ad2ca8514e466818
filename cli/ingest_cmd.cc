// parcelproof ingest PATH... [--order ID] [--role ROLE] [--station NAME]
//                   [--store DIR] [--jobs N] [--no-thumbnails] [--zone +08:00]
//                   [--me NAME...] [--stills N] [--timeout S] [--json]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/chat.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof ingest PATH... [--order ID] "
    "[--role packing|label|contents|weight|unboxing|delivery-note|buyer-photo|chat|document|other]"
    " [--station NAME] [--store DIR] [--jobs N] [--no-thumbnails] [--zone +08:00] [--me NAME...]"
    " [--stills N] [--timeout S] [--json]";

std::string Short(const std::string& sha) { return sha.substr(0, 12); }

void PrintLine(const IngestLine& l) {
  if (l.outcome == "refused") {
    std::printf("refused    %s: %s\n", l.path.c_str(), l.reason.c_str());
    return;
  }
  std::printf("%-10s %s %s (%s, %s", l.outcome.c_str(), Short(l.sha256).c_str(), l.path.c_str(),
              ItemKindName(l.kind), l.role.c_str());
  for (const std::string& id : l.order_ids) std::printf(", order %s", id.c_str());
  for (const LabelVerdict& v : l.verdicts) std::printf(", label %s", v.verdict.c_str());
  if (!l.capture_time.empty()) std::printf(", taken %s", l.capture_time.c_str());
  std::printf(")%s%s\n", l.reason.empty() ? "" : "; ", l.reason.c_str());
}

// "items, items/s, ETA" on stderr when it is a terminal.
class Progress {
 public:
  Progress() : on_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
  void Clear() {
    if (on_) std::fprintf(stderr, "\r\033[K");
  }
  void Show(int done, int total) {
    if (!on_) return;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = secs > 0 ? done / secs : 0;
    int eta = rate > 0 ? static_cast<int>((total - done) / rate) : 0;
    std::fprintf(stderr, "\r\033[K%d/%d items, %.1f items/s, ETA %d:%02d", done, total, rate,
                 eta / 60, eta % 60);
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

int RunIngest(int argc, char** argv) {
  Result<Args> args = Args::Parse(
      argc, argv, 2,
      {{"--json", "--help", "--no-thumbnails"},
       {"--store", "--station", "--order", "--role", "--jobs", "--zone", "--stills", "--timeout"},
       {"--me"}});
  if (!args.ok()) return Usage("ingest", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (args->positionals().empty()) return Usage("ingest", "no file or folder given", kSynopsis);
  IngestOptions options;
  options.order_id = args->Get("--order");
  options.role = args->Get("--role");
  Result<int> jobs = args->GetInt("--jobs", 0, 0, 256);
  if (!jobs.ok()) return Usage("ingest", jobs.status().message(), kSynopsis);
  options.jobs = *jobs;
  options.thumbnails = !args->Has("--no-thumbnails");
  Result<int> stills = args->GetInt("--stills", 6, 0, 100);
  if (!stills.ok()) return Usage("ingest", stills.status().message(), kSynopsis);
  options.stills = *stills;
  Result<int> timeout = args->GetInt("--timeout", 60, 1, 86400);
  if (!timeout.ok()) return Usage("ingest", timeout.status().message(), kSynopsis);
  options.video_timeout_seconds = *timeout;
  options.seller_names = args->GetAll("--me");
  if (args->Has("--zone")) {
    Result<int> zone = ParseZoneOffset(args->Get("--zone"));
    if (!zone.ok()) return Usage("ingest", zone.status().message(), kSynopsis);
    options.has_zone = true;
    options.zone_offset_minutes = *zone;
  }
  if (!options.role.empty() && !IsIngestRole(options.role)) {
    return Usage("ingest", "unknown role '" + options.role + "'", kSynopsis);
  }
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, false);
  if (!opened.ok()) return Fail(opened.status());
  bool json = args->Has("--json");
  Progress progress;
  auto on_line = [&](const IngestLine& line, int done, int total) {
    progress.Clear();
    if (!json) PrintLine(line);
    std::fflush(stdout);
    progress.Show(done, total);
  };
  Result<IngestSummary> sum = Ingest(*opened->store, args->positionals(), options, on_line);
  progress.Clear();
  if (!sum.ok()) return Fail(sum.status());
  if (json) {
    PrintJsonDocument(IngestSummaryJson(*sum));
  } else {
    std::printf("%d stored, %d duplicate, %d refused\n", sum->stored, sum->duplicates,
                sum->refused);
    if (!sum->unlinked.empty())
      std::printf("not linked to any order (%zu):\n", sum->unlinked.size());
    for (const std::string& p : sum->unlinked) std::printf("  %s\n", p.c_str());
  }
  return sum->refused > 0 ? kExitInput : kExitOk;
}

}  // namespace parcelproof::cli
