// parcelproof init [--store DIR] [--station NAME] [--json]
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/store.h"

namespace parcelproof::cli {
namespace {
const char kSynopsis[] = "parcelproof init [--store DIR] [--station NAME] [--json]";
}  // namespace

int RunInit(int argc, char** argv) {
  Result<Args> args =
      Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"--store", "--station"}, {}});
  if (!args.ok()) return Usage("init", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (!args->positionals().empty()) return Usage("init", "unexpected argument", kSynopsis);
  std::string error;
  std::unique_ptr<Clock> clock = MakeDefaultClock(&error);
  if (!clock) return Fail(Status::InvalidArgument(error));
  Store::Options options;
  options.clock = clock.get();
  std::string dir = ResolveStoreDir(args->Get("--store"));
  Result<std::unique_ptr<Store>> store = Store::Init(dir, options, args->Get("--station"));
  if (!store.ok()) return Fail(store.status());
  if (args->Has("--json")) {
    PrintJsonDocument(StoreInfoJson(**store));
  } else {
    std::printf("created store %s (format %d, station %s)\n", (*store)->dir().c_str(),
                kStoreFormatVersion, (*store)->station().c_str());
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
