// parcelproof: dispute evidence for online sellers. The verbs live in one
// file each; this file only dispatches.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "commands.h"
#include "exit_codes.h"

namespace {

struct Verb {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

const Verb kVerbs[] = {
    {"scan", parcelproof::cli::RunScan, "read every barcode on label photos"},
    {"check", parcelproof::cli::RunCheck,
     "check label photos against an order: PASS/MISMATCH/UNREADABLE"},
    {"keygen", parcelproof::cli::RunKeygen,
     "make an Ed25519 signing key pair (NAME.key, NAME.pub)"},
    {"bundle", parcelproof::cli::RunBundle, "build the signed evidence package for a dispute"},
    {"verify", parcelproof::cli::RunVerify,
     "verify an evidence package: structure, hashes, signature"},
    {"init", parcelproof::cli::RunInit, "create an evidence store"},
    {"orders", parcelproof::cli::RunOrders,
     "orders import FILE: add or update orders in the store"},
    {"ingest", parcelproof::cli::RunIngest,
     "store photos, videos, documents, chats; link to orders"},
    {"show", parcelproof::cli::RunShow, "an order and every item linked to it"},
    {"export", parcelproof::cli::RunExport, "copy a stored item's original bytes out"},
    {"log", parcelproof::cli::RunLog, "print the store's custody log"},
    {"fsck", parcelproof::cli::RunFsck, "re-hash every blob; check index, orphans, log chain"},
    {"inspect", parcelproof::cli::RunInspect, "capture times, EXIF and sha256 of files (no store)"},
    {"chat", parcelproof::cli::RunChat,
     "the conversation in chat exports, e-mail, marketplace copies"},
    {"timeline", parcelproof::cli::RunTimeline,
     "an order's events and evidence in time order, with findings"},
};

void PrintHelp(FILE* out) {
  std::fprintf(out, "usage: parcelproof VERB [options]   (parcelproof VERB --help for more)\n\n");
  for (const Verb& v : kVerbs) std::fprintf(out, "  %-10s %s\n", v.name, v.summary);
  std::fprintf(out,
               "\nexit codes: 0 ok/pass, 1 verification failed, 2 usage, 3 input error, "
               "4 internal error\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintHelp(stderr);
    return parcelproof::cli::kExitUsage;
  }
  std::string verb = argv[1];
  if (verb == "help" || verb == "--help" || verb == "-h") {
    PrintHelp(stdout);
    return 0;
  }
  for (const Verb& v : kVerbs) {
    if (verb != v.name) continue;
    try {
      return v.run(argc, argv);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "parcelproof %s: internal error: %s\n", v.name, e.what());
      return parcelproof::cli::kExitInternal;
    }
  }
  std::fprintf(stderr, "parcelproof: unknown verb '%s'\n", verb.c_str());
  PrintHelp(stderr);
  return parcelproof::cli::kExitUsage;
}
