// parcelproof export HASH -o FILE [--store DIR] [--json]
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {
const char kSynopsis[] = "parcelproof export HASH -o FILE [--store DIR] [--json]";
}  // namespace

int RunExport(int argc, char** argv) {
  Result<Args> args =
      Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"-o", "--store", "--station"}, {}});
  if (!args.ok()) return Usage("export", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (args->positionals().size() != 1 || !args->Has("-o")) {
    return Usage("export", "give one HASH and -o FILE", kSynopsis);
  }
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, false);
  if (!opened.ok() && opened.status().code() == Status::Code::kIOError) {
    std::fprintf(stderr, "parcelproof export: %s; exporting without a log entry\n",
                 opened.status().ToString().c_str());
    opened = OpenStoreFromArgs(*args, true);
  }
  if (!opened.ok()) return Fail(opened.status());
  const std::string& sha = args->positionals()[0];
  Result<uint64_t> size = ExportItem(*opened->store, sha, args->Get("-o"));
  if (!size.ok()) return Fail(size.status());
  if (args->Has("--json")) {
    PrintJsonDocument(ExportJson(sha, args->Get("-o"), *size));
  } else {
    std::printf("exported %s to %s (%llu bytes)\n", sha.c_str(), args->Get("-o").c_str(),
                static_cast<unsigned long long>(*size));
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
