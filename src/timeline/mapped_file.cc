#include "timeline/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace parcelproof {
namespace {

constexpr int kInputErrorExit = 3;  // cli/exit_codes.h: an input error

// The last file mapped, for the SIGBUS message (a fixed buffer: the handler
// may only make async-signal-safe calls).
char bus_message[4200];
size_t bus_message_size = 0;

void OnBusError(int) {
  ssize_t ignored = ::write(STDERR_FILENO, bus_message, bus_message_size);
  (void)ignored;
  ::_exit(kInputErrorExit);
}

void GuardAgainstShrinking(const std::string& path) {
  static const bool installed = [] {
    struct sigaction sa {};
    sa.sa_handler = OnBusError;
    sigemptyset(&sa.sa_mask);
    return ::sigaction(SIGBUS, &sa, nullptr) == 0;
  }();
  (void)installed;
  std::string line = "parcelproof: " + path.substr(0, 4000) +
                     ": the file shrank while being read; nothing was written\n";
  bus_message_size = line.copy(bus_message, sizeof bus_message);
}

}  // namespace

Result<MappedFile> MappedFile::Open(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": " + std::strerror(err));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IOError(path + ": cannot stat");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::Unsupported(path + ": is a folder, not a file");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Unsupported(path + ": not a regular file");
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0);
  }
  GuardAgainstShrinking(path);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::IOError(path + ": cannot map the file");
  return MappedFile(static_cast<const char*>(map), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace parcelproof
