// RunInMedia: the light front end hands a heavy verb to parcelproof-media.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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

}  // namespace

int RunInMedia(int argc, char** argv) {
  std::string dir = ExecutableDir();
  const std::string candidates[] = {dir + "/" + kMediaName,
                                    dir + "/" + PP_MEDIA_FROM_BINDIR + "/" + kMediaName};
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  std::fflush(nullptr);
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
