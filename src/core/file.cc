#include "core/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace parcelproof {
namespace {

Status ErrnoStatus(const std::string& path, int err) {
  if (err == ENOENT) return Status::NotFound(path + ": no such file");
  return Status::IOError(path + ": " + std::strerror(err));
}

Result<int> OpenRegular(const std::string& path, struct stat* st) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return ErrnoStatus(path, errno);
  if (::fstat(fd, st) != 0) {
    int err = errno;
    ::close(fd);
    return ErrnoStatus(path, err);
  }
  if (S_ISDIR(st->st_mode)) {
    ::close(fd);
    return Status::Unsupported(path + ": is a directory");
  }
  if (!S_ISREG(st->st_mode)) {
    ::close(fd);
    return Status::Unsupported(path + ": not a regular file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

Result<std::string> ReadUpTo(const std::string& path, int fd, uint64_t n) {
  std::string data(n, '\0');
  uint64_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, &data[got], n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return ErrnoStatus(path, errno);
    if (r == 0) break;
    got += static_cast<uint64_t>(r);
  }
  data.resize(got);
  return data;
}

}  // namespace

Result<std::string> ReadFileLimited(const std::string& path, uint64_t max_bytes) {
  struct stat st;
  Result<int> fd = OpenRegular(path, &st);
  if (!fd.ok()) return fd.status();
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(*fd);
    return Status::Unsupported(path + ": file is " + std::to_string(st.st_size) +
                               " bytes, limit is " + std::to_string(max_bytes));
  }
  Result<std::string> data = ReadUpTo(path, *fd, static_cast<uint64_t>(st.st_size));
  ::close(*fd);
  return data;
}

Result<std::string> ReadFilePrefix(const std::string& path, uint64_t max_bytes) {
  struct stat st;
  Result<int> fd = OpenRegular(path, &st);
  if (!fd.ok()) return fd.status();
  Result<std::string> data = ReadUpTo(path, *fd, max_bytes);
  ::close(*fd);
  return data;
}

Status WriteFile(const std::string& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(path, errno);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      int err = errno;
      ::close(fd);
      return ErrnoStatus(path, err);
    }
    done += static_cast<size_t>(w);
  }
  if (::close(fd) != 0) return ErrnoStatus(path, errno);
  return Status::Ok();
}

bool WriteAllToFd(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<size_t>(w);
  }
  return true;
}

}  // namespace parcelproof
