// parcelproof upload-set PACKAGE.zip --platform P [-o DIR] [--paper a4|letter] [--json]
// Parse, call BuildUploadSet (parcelproof/upload.h), print what was written.
#include <cstdio>
#include <memory>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "parcelproof/upload.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof upload-set PACKAGE.zip --platform P [-o DIR] [--paper a4|letter] [--json]";

void Print(const UploadSet& s) {
  std::printf("upload set for %s in %s\n", s.platform_name.c_str(),
              s.manifest_path.substr(0, s.manifest_path.size() - 16).c_str());
  for (const UploadFile& f : s.files) {
    std::printf("  %-18s %9llu bytes  %s%s\n", f.name.c_str(),
                static_cast<unsigned long long>(f.size), f.kind.c_str(),
                f.source_path.empty() ? "" : (" from " + f.source_path).c_str());
  }
  std::printf("total    %llu bytes in %zu file(s); list: %s\n",
              static_cast<unsigned long long>(s.total_bytes), s.files.size(),
              s.manifest_path.c_str());
  if (!s.left_out.empty()) std::printf("left out (%zu):\n", s.left_out.size());
  for (const LeftOut& l : s.left_out) std::printf("  %s: %s\n", l.what.c_str(), l.why.c_str());
}

}  // namespace

int RunUploadSet(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help"}, {"--platform", "-o", "--paper", "--platforms"}, {}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("upload-set", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().size() != 1)
    return Usage("upload-set", "give one PACKAGE.zip", kSynopsis);
  if (!args->Has("--platform")) return Usage("upload-set", "--platform P is required", kSynopsis);
  std::string clock_error;
  std::unique_ptr<Clock> clock = MakeDefaultClock(&clock_error);
  if (!clock) return Usage("upload-set", clock_error, kSynopsis);
  UploadSetRequest req;
  req.package_path = args->positionals()[0];
  req.platform = args->Get("--platform");
  req.out_dir = args->Has("-o") ? args->Get("-o") : "upload-" + req.platform;
  if (args->Has("--paper")) req.paper = args->Get("--paper");
  req.platforms_path = args->Get("--platforms");
  req.clock = clock.get();
  Result<UploadSet> set = BuildUploadSet(req);
  if (!set.ok()) {
    if (set.status().code() == Status::Code::kInvalidArgument) {
      return Usage("upload-set", set.status().message(), kSynopsis);
    }
    return Fail(set.status());
  }
  if (args->Has("--json")) {
    std::fputs(UploadSetJson(*set).c_str(), stdout);
  } else {
    Print(*set);
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
