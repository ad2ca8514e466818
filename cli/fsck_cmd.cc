// parcelproof fsck [--store DIR] [--json]
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {
const char kSynopsis[] = "parcelproof fsck [--store DIR] [--json]";
}  // namespace

int RunFsck(int argc, char** argv) {
  Result<Args> args = Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"--store"}, {}});
  if (!args.ok()) return Usage("fsck", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (!args->positionals().empty()) return Usage("fsck", "unexpected argument", kSynopsis);
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, true);
  if (!opened.ok()) return Fail(opened.status());
  Result<FsckReport> report = opened->store->Fsck();
  if (!report.ok()) return Fail(report.status());
  if (args->Has("--json")) {
    PrintJsonDocument(FsckReportJson(*report));
  } else {
    for (const std::string& p : report->problems) std::printf("PROBLEM %s\n", p.c_str());
    for (const std::string& n : report->notes) std::printf("note    %s\n", n.c_str());
    std::printf("%s: %lld items, %lld blobs re-hashed, %lld log entries, %zu problem(s)\n",
                report->ok() ? "clean" : "NOT CLEAN", static_cast<long long>(report->items),
                static_cast<long long>(report->blobs), static_cast<long long>(report->log_entries),
                report->problems.size());
  }
  return report->ok() ? kExitOk : kExitFailed;
}

}  // namespace parcelproof::cli
