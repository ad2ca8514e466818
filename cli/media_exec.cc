// RunInMedia: the light front end hands a heavy verb to parcelproof-media.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/data_dir.h"
#include "exit_codes.h"
#include "verbs.h"

#ifndef PP_MEDIA_FROM_BINDIR
#define PP_MEDIA_FROM_BINDIR "../libexec/parcelproof"
#endif

namespace parcelproof::cli {
namespace {

constexpr char kMediaName[] = "parcelproof-media";
constexpr char kHugePages[] = "glibc.malloc.hugetlb=";

// The media verbs allocate in large blocks: Tesseract copies its Latin model
// (89 MB) five times while loading it, and every photo takes buffers of
// megabytes. glibc (2.35 and later) asks the kernel for transparent huge
// pages on its mappings when the tunable glibc.malloc.hugetlb is 1, so each
// first touch of 2 MB costs one page fault instead of 512: on the 200-photo
// OCR bench, 231,000 page faults became 48,000 and the scan took 10% less
// wall time (README "Start-up"). Tunables are read when a process starts, so
// the front end sets it for the process it becomes. A value the user set
// stands; older glibc and kernels without huge pages ignore it.
void AskForHugePages() {
  const char* now = std::getenv("GLIBC_TUNABLES");
  std::string tunables = now ? now : "";
  if (tunables.find(kHugePages) != std::string::npos) return;
  if (!tunables.empty()) tunables += ':';
  tunables += std::string(kHugePages) + "1";
  ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
}

}  // namespace

int RunInMedia(int argc, char** argv) {
  std::string dir = ExecutableDir();
  const std::string candidates[] = {dir + "/" + kMediaName,
                                    dir + "/" + PP_MEDIA_FROM_BINDIR + "/" + kMediaName};
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  std::fflush(nullptr);
  AskForHugePages();
  int err = ENOENT;
  for (const std::string& path : candidates) {
    if (dir.empty() || ::access(path.c_str(), X_OK) != 0) continue;
    args[0] = const_cast<char*>(path.c_str());
    ::execv(path.c_str(), args.data());
    err = errno;  // only reached when execv failed
  }
  std::fprintf(stderr,
               "parcelproof %s: internal error: cannot run %s (looked in %s and %s/%s): %s; "
               "the installation is incomplete\n",
               argc > 1 ? argv[1] : "", kMediaName, dir.c_str(), dir.c_str(), PP_MEDIA_FROM_BINDIR,
               std::strerror(err));
  return kExitInternal;
}

}  // namespace parcelproof::cli
