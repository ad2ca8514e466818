// parcelproof bundle ORDER --reason REASON --key KEY [-o FILE.zip]
//   [--include HASH...] [--exclude HASH...] [--note TEXT] [--dispute-opened TIME]
//   [--store DIR] [--json]
// Parse, call BundleOrder (parcelproof/bundle.h), print the summary.
#include <algorithm>
#include <cstdio>
#include <set>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_quote.h"
#include "parcelproof/bundle.h"
#include "parcelproof/keys.h"
#include "parcelproof/package.h"
#include "parcelproof/version.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof bundle ORDER --reason REASON --key KEY [-o FILE.zip] [--include HASH...] "
    "[--exclude HASH...] [--note TEXT] [--dispute-opened TIME] [--store DIR] [--json]";

void PrintSummary(const PackageSummary& s, bool json) {
  if (json) {
    std::printf(
        "{\"version\":%s,\"path\":%s,\"package_id\":%s,\"bag_name\":%s,\"fingerprint\":%s,"
        "\"payload_files\":%zu,\"payload_bytes\":%llu,\"checklist\":[",
        JsonQuote(Version()).c_str(), JsonQuote(s.path).c_str(), JsonQuote(s.package_id).c_str(),
        JsonQuote(s.bag_name).c_str(), JsonQuote(s.fingerprint).c_str(), s.payload_files,
        static_cast<unsigned long long>(s.payload_bytes));
    for (size_t i = 0; i < s.checklist.size(); ++i) {
      const ChecklistLine& l = s.checklist[i];
      std::printf("%s{\"id\":%s,\"label\":%s,\"present\":%s,\"status\":%s,\"caveats\":[",
                  i ? "," : "", JsonQuote(l.id).c_str(), JsonQuote(l.label).c_str(),
                  l.present ? "true" : "false", JsonQuote(l.status).c_str());
      for (size_t k = 0; k < l.caveats.size(); ++k) {
        std::printf("%s%s", k ? "," : "", JsonQuote(l.caveats[k]).c_str());
      }
      std::printf("]}");
    }
    std::printf("]}\n");
    return;
  }
  std::printf("package  %s\nid       %s\nfiles    %zu (%llu bytes)\nkey      %s\nchecklist:\n",
              s.path.c_str(), s.package_id.c_str(), s.payload_files,
              static_cast<unsigned long long>(s.payload_bytes), s.fingerprint.c_str());
  for (const ChecklistLine& l : s.checklist) {
    const char* status = l.present                   ? "present"
                         : l.status == "present-but" ? "present, but"
                                                     : "MISSING";
    std::printf("  [%s] %s\n", status, l.label.c_str());
    for (const std::string& c : l.caveats) std::printf("      why: %s\n", c.c_str());
  }
}

}  // namespace

int RunBundle(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help"},
               {"--reason", "--key", "-o", "--note", "--dispute-opened", "--store", "--checklists",
                "--station"},
               {"--include", "--exclude"}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("bundle", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().size() != 1) return Usage("bundle", "give one ORDER", kSynopsis);
  std::string reason = args->Get("--reason");
  if (!IsDisputeReason(reason)) {
    std::string all;
    for (const std::string& r : DisputeReasons()) all += " " + r;
    return Usage("bundle", "--reason must be one of:" + all, kSynopsis);
  }
  if (!args->Has("--key")) return Usage("bundle", "--key KEY is required", kSynopsis);
  Result<std::string> key = ReadKeyFile(args->Get("--key"));
  if (!key.ok()) return Fail(key.status());
  BundleRequest req;
  req.order = args->positionals()[0];
  req.reason = reason;
  req.store_dir = args->Get("--store");
  req.station = args->Get("--station");
  req.include = args->GetAll("--include");
  req.exclude = args->GetAll("--exclude");
  req.note = args->Get("--note");
  req.dispute_opened = args->Get("--dispute-opened");
  req.checklists = args->Get("--checklists");
  req.out_path = args->Get("-o");
  req.key_pem = *key;
  Result<PackageSummary> summary = BundleOrder(req);
  if (!summary.ok()) {
    if (summary.status().code() == Status::Code::kInvalidArgument) {
      return Usage("bundle", summary.status().message(), kSynopsis);
    }
    return Fail(summary.status());
  }
  PrintSummary(*summary, args->Has("--json"));
  return kExitOk;
}

}  // namespace parcelproof::cli
