// parcelproof verify FILE.zip [--pubkey PEM] [--json]
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/keys.h"
#include "parcelproof/package.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] = "parcelproof verify FILE.zip [--pubkey PEM] [--json]";

void PrintText(const std::string& path, const VerifyReport& r) {
  if (r.ok()) {
    std::printf(
        "OK  %s\n    order %s, reason %s, package %s\n    %zu payload files, %llu bytes\n"
        "    signed by key %s\n",
        path.c_str(), r.order_id.c_str(), r.reason.c_str(), r.package_id.c_str(), r.payload_files,
        static_cast<unsigned long long>(r.payload_bytes), r.fingerprint.c_str());
    return;
  }
  std::printf("FAILED  %s (%zu problems)\n", path.c_str(), r.failures.size());
  for (const VerifyFailure& f : r.failures) {
    std::printf("  %-24s %s\n", f.code.c_str(), f.message.c_str());
  }
}

}  // namespace

int RunVerify(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help"}, {"--pubkey"}, {}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("verify", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().size() != 1) return Usage("verify", "give one FILE.zip", kSynopsis);
  VerifyOptions options;
  if (args->Has("--pubkey")) {
    Result<std::string> pem = ReadKeyFile(args->Get("--pubkey"));
    if (!pem.ok()) return Fail(pem.status());
    options.expected_public_pem = *pem;
  }
  const std::string& path = args->positionals()[0];
  Result<VerifyReport> report = VerifyPackage(path, options);
  if (!report.ok()) return Fail(report.status());
  if (args->Has("--json")) {
    PrintJsonDocument(VerifyReportJson(*report));
  } else {
    PrintText(path, *report);
  }
  return report->ok() ? kExitOk : kExitFailed;
}

}  // namespace parcelproof::cli
