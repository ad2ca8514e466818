// parcelproof log [--store DIR] [--json]
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {
const char kSynopsis[] = "parcelproof log [--store DIR] [--json]";
}  // namespace

int RunLog(int argc, char** argv) {
  Result<Args> args = Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"--store"}, {}});
  if (!args.ok()) return Usage("log", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (!args->positionals().empty()) return Usage("log", "unexpected argument", kSynopsis);
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, true);
  if (!opened.ok()) return Fail(opened.status());
  Result<std::vector<CustodyEntry>> log = opened->store->Log();
  if (!log.ok()) return Fail(log.status());
  if (args->Has("--json")) {
    PrintJsonDocument(CustodyLogJson(*log));
    return kExitOk;
  }
  for (const CustodyEntry& e : *log) {
    std::printf("%6lld %s %s@%s %-12s", static_cast<long long>(e.seq), e.time.c_str(),
                e.actor.c_str(), e.station.c_str(), e.action.c_str());
    if (!e.item_sha256.empty()) std::printf(" item %s", e.item_sha256.substr(0, 12).c_str());
    if (!e.order_id.empty()) std::printf(" order %s", e.order_id.c_str());
    std::printf(" %s\n", e.detail.c_str());
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
