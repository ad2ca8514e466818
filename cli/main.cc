// parcelproof: dispute evidence for online sellers. The verbs live in one
// file each; this file only dispatches, and answers --version and help
// (VERB --help, help VERB) from the help table. Both binaries use it: the
// light `parcelproof` hands the verbs its table lacks to parcelproof-media
// (verbs.h, README "Start-up").
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "exit_codes.h"
#include "help_render.h"
#include "verbs.h"

namespace {

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
  if (const Verb* v = FindVerb(verb)) {
    if (v->run == nullptr) return RunInMedia(argc, argv);
    if (AsksForHelp(argc, argv)) {
      const VerbHelp* help = FindVerbHelp(v->name);
      if (help) return std::fputs(VerbHelpText(*help).c_str(), stdout), kExitOk;
    }
    try {
      return v->run(argc, argv);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "parcelproof %s: internal error: %s\n", v->name, e.what());
      return kExitInternal;
    }
  }
  std::fprintf(stderr, "parcelproof: unknown verb '%s'\n", verb.c_str());
  std::fputs(OverviewText().c_str(), stderr);
  return kExitUsage;
}
