#include "store/ingest_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

namespace parcelproof::store {
namespace {

bool SameDir(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return !b.empty() && ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void Walk(const std::string& dir, int depth, const std::string& skip,
          std::vector<WalkedPath>* out) {
  if (SameDir(dir, skip)) return;
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    out->push_back({dir, "cannot read folder"});
    return;
  }
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::string path = dir + (dir.back() == '/' ? "" : "/") + n;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (depth < 64) Walk(path, depth + 1, skip, out);
    } else if (S_ISREG(st.st_mode)) {
      out->push_back({path, ""});
    } else if (S_ISLNK(st.st_mode)) {
      struct stat target;
      if (::stat(path.c_str(), &target) == 0 && S_ISREG(target.st_mode)) {
        out->push_back({path, ""});
      }
    }
  }
}

}  // namespace

std::vector<WalkedPath> WalkPaths(const std::vector<std::string>& paths,
                                  const std::string& skip_dir) {
  std::vector<WalkedPath> out;
  for (const std::string& p : paths) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      out.push_back({p, "no such file or folder"});
    } else if (S_ISDIR(st.st_mode)) {
      Walk(p, 0, skip_dir, &out);
    } else if (S_ISREG(st.st_mode)) {
      out.push_back({p, ""});
    } else {
      out.push_back({p, "not a regular file"});
    }
  }
  return out;
}

}  // namespace parcelproof::store
