// Expanding ingest arguments: folders are walked recursively in sorted order.
#ifndef PARCELPROOF_STORE_INGEST_WALK_H_
#define PARCELPROOF_STORE_INGEST_WALK_H_

#include <string>
#include <vector>

namespace parcelproof::store {

struct WalkedPath {
  std::string path;
  std::string problem;  // non-empty: refuse with this reason (missing, special file)
};

// Files under paths (a file stands for itself), in argument order, folders
// sorted by name. Symbolic links to folders are not followed. The folder
// skip_dir (the store itself, an absolute path) is never entered.
std::vector<WalkedPath> WalkPaths(const std::vector<std::string>& paths,
                                  const std::string& skip_dir = "");

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_INGEST_WALK_H_
