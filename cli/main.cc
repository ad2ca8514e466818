// parcelproof: dispute evidence for online sellers. The verbs live in one
// file each; this file only dispatches, and answers --version and help
// (VERB --help, help VERB) from the help table.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "help_render.h"

namespace {

struct Verb {
  const char* name;
  int (*run)(int, char**);
};

const Verb kVerbs[] = {
    {"scan", parcelproof::cli::RunScan},         {"check", parcelproof::cli::RunCheck},
    {"keygen", parcelproof::cli::RunKeygen},     {"bundle", parcelproof::cli::RunBundle},
    {"verify", parcelproof::cli::RunVerify},     {"upload-set", parcelproof::cli::RunUploadSet},
    {"init", parcelproof::cli::RunInit},         {"orders", parcelproof::cli::RunOrders},
    {"ingest", parcelproof::cli::RunIngest},     {"show", parcelproof::cli::RunShow},
    {"export", parcelproof::cli::RunExport},     {"log", parcelproof::cli::RunLog},
    {"fsck", parcelproof::cli::RunFsck},         {"inspect", parcelproof::cli::RunInspect},
    {"timeline", parcelproof::cli::RunTimeline},
};

// True when argv holds --help or -h before a "--".
bool AsksForHelp(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
  }
  return false;
}

// parcelproof help [VERB | --man | --bash-completion]
int RunHelp(int argc, char** argv) {
  using namespace parcelproof::cli;
  if (argc < 3) return std::fputs(OverviewText().c_str(), stdout), kExitOk;
  std::string what = argv[2];
  if (what == "--man") return std::fputs(ManPage().c_str(), stdout), kExitOk;
  if (what == "--bash-completion") return std::fputs(BashCompletion().c_str(), stdout), kExitOk;
  if (const VerbHelp* v = FindVerbHelp(argv[2])) {
    return std::fputs(VerbHelpText(*v).c_str(), stdout), kExitOk;
  }
  std::fprintf(stderr, "parcelproof help: unknown verb '%s'\n", argv[2]);
  std::fputs(OverviewText().c_str(), stderr);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parcelproof::cli;
  if (argc < 2) {
    std::fputs(OverviewText().c_str(), stderr);
    return kExitUsage;
  }
  std::string verb = argv[1];
  if (verb == "--version" || verb == "-V" || verb == "version") {
    std::printf("%s\n", VersionLine().c_str());
    return kExitOk;
  }
  if (verb == "help" || verb == "--help" || verb == "-h") return RunHelp(argc, argv);
  for (const Verb& v : kVerbs) {
    if (verb != v.name) continue;
    if (AsksForHelp(argc, argv)) {
      const VerbHelp* help = FindVerbHelp(v.name);
      if (help) return std::fputs(VerbHelpText(*help).c_str(), stdout), kExitOk;
    }
    try {
      return v.run(argc, argv);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "parcelproof %s: internal error: %s\n", v.name, e.what());
      return kExitInternal;
    }
  }
  std::fprintf(stderr, "parcelproof: unknown verb '%s'\n", verb.c_str());
  std::fputs(OverviewText().c_str(), stderr);
  return kExitUsage;
}
