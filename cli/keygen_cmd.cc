// parcelproof keygen NAME [--json]: NAME.key (0600) and NAME.pub, Ed25519 PEM.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_quote.h"
#include "parcelproof/keys.h"
#include "parcelproof/version.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] = "parcelproof keygen NAME [--json]";

}  // namespace

int RunKeygen(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help"}, {}, {}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("keygen", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().size() != 1) return Usage("keygen", "give one key NAME", kSynopsis);
  Result<KeyFiles> files = WriteNewKeyPair(args->positionals()[0]);
  if (!files.ok()) {
    if (files.status().code() == Status::Code::kInvalidArgument) {
      return Usage("keygen", files.status().message(), kSynopsis);
    }
    return Fail(files.status());
  }
  if (args->Has("--json")) {
    std::printf("{\"version\":%s,\"private_key\":%s,\"public_key\":%s,\"fingerprint\":%s}\n",
                JsonQuote(Version()).c_str(), JsonQuote(files->private_path).c_str(),
                JsonQuote(files->public_path).c_str(), JsonQuote(files->fingerprint).c_str());
  } else {
    std::printf("private key  %s (keep it secret)\npublic key   %s\nfingerprint  %s\n",
                files->private_path.c_str(), files->public_path.c_str(),
                files->fingerprint.c_str());
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
