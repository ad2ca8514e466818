// A read-only memory mapping of a whole regular file (POSIX mmap).
//
// A mapped file that shrinks while it is read (another program truncates it)
// raises SIGBUS at the first page past its new end. That is not survivable
// inside the process, so it is not a crash either: while any mapping is open,
// SIGBUS prints one line naming the file ("<path>: the file shrank while
// being read; nothing was written") and exits with code 3, an input error.
#ifndef PARCELPROOF_TIMELINE_MAPPED_FILE_H_
#define PARCELPROOF_TIMELINE_MAPPED_FILE_H_

#include <string>
#include <string_view>

#include "parcelproof/status.h"

namespace parcelproof {

class MappedFile {
 public:
  // Maps path read-only (an empty file gives empty bytes). NotFound when
  // missing, Unsupported for folders and special files, IOError otherwise.
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_TIMELINE_MAPPED_FILE_H_
