// Writing blobs safely: copy into a temp file inside the store while hashing,
// fsync, then rename to the hash name and fsync the folder. Every write or
// fsync error is returned (IOError naming the file), never retried.
#ifndef PARCELPROOF_STORE_BLOB_FILE_H_
#define PARCELPROOF_STORE_BLOB_FILE_H_

#include <cstdint>
#include <string>

#include "parcelproof/status.h"

namespace parcelproof::store {

struct TempBlob {
  std::string tmp_path;
  std::string sha256;
  uint64_t size = 0;
};

// Copies source (a regular file) into a new temp file in tmp_dir, hashing
// the bytes as they are read, and fsyncs it. On error nothing is left behind.
Result<TempBlob> CopyToTemp(const std::string& source, const std::string& tmp_dir);
// Same for bytes in memory.
Result<TempBlob> WriteTemp(const std::string& bytes, const std::string& tmp_dir);
// Makes the temp file read-only and renames it to final_path (creating its
// parent folder), then fsyncs the folder(s). When final_path already exists
// the temp file is removed instead (the content is the same by name).
Status PublishTemp(const TempBlob& blob, const std::string& final_path);
// fsyncs a folder.
Status SyncDir(const std::string& dir);
// Blob path inside a store folder: dir/blobs/ab/abcdef...
std::string BlobPathFor(const std::string& store_dir, const std::string& sha256);
// Temp files of this process start with "<pid>-".
std::string TempPrefixForPid(long pid);

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_BLOB_FILE_H_
