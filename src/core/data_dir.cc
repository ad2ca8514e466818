#include "core/data_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace parcelproof {
namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string path(buf, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string DataDir() {
  const char* env = std::getenv("PARCELPROOF_DATA_DIR");
  if (env && *env) return env;
  if (IsDir(PP_DATA_DIR)) return PP_DATA_DIR;
  // bin/parcelproof, and libexec/parcelproof/parcelproof-media (README "Start-up").
  for (const char* up : {"/../share/parcelproof", "/../../share/parcelproof"}) {
    std::string installed = ExecutableDir() + up;
    if (IsDir(installed)) return installed;
  }
  return PP_DATA_DIR;
}

}  // namespace parcelproof
