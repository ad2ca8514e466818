// A read-only memory mapping of a whole regular file (POSIX mmap).
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
