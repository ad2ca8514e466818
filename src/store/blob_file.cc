#include "store/blob_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/sha256.h"

namespace parcelproof::store {
namespace {

constexpr size_t kChunk = 1 << 20;

Status Errno(const std::string& what, const std::string& path, int err) {
  if (err == ENOENT) return Status::NotFound(path + ": no such file");
  std::string hint = (err == EFBIG || err == ENOSPC || err == EDQUOT) ? " (disk full?)" : "";
  return Status::IOError(path + ": " + what + " failed: " + std::strerror(err) + hint);
}

Status WriteAll(int fd, const char* data, size_t n, const std::string& path) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return Errno("write to store", path, errno);
    data += w;
    n -= static_cast<size_t>(w);
  }
  return Status::Ok();
}

Result<int> OpenTemp(const std::string& tmp_dir, std::string* path) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    *path = tmp_dir + "/" + TempPrefixForPid(::getpid()) + std::to_string(counter++);
    int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno != EEXIST) return Errno("create temp file", *path, errno);
  }
  return Status::IOError(tmp_dir + ": cannot create a temp file");
}

// Finishes a temp file: fsync and close; removes it on any error.
Status FinishTemp(int fd, const std::string& path, Status status) {
  if (status.ok() && ::fsync(fd) != 0) status = Errno("fsync", path, errno);
  if (::close(fd) != 0 && status.ok()) status = Errno("close", path, errno);
  if (!status.ok()) ::unlink(path.c_str());
  return status;
}

}  // namespace

std::string TempPrefixForPid(long pid) { return std::to_string(pid) + "-"; }

std::string BlobPathFor(const std::string& store_dir, const std::string& sha256) {
  return store_dir + "/blobs/" + sha256.substr(0, 2) + "/" + sha256;
}

Result<TempBlob> CopyToTemp(const std::string& source, const std::string& tmp_dir) {
  int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Errno("open", source, errno);
  struct stat st;
  if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(in);
    return Status::Unsupported(source + ": not a regular file");
  }
  TempBlob blob;
  Result<int> out = OpenTemp(tmp_dir, &blob.tmp_path);
  if (!out.ok()) {
    ::close(in);
    return out.status();
  }
  Sha256 sha;
  std::vector<char> buf(kChunk);
  Status s;
  for (;;) {
    ssize_t r = ::read(in, buf.data(), buf.size());
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      s = Errno("read", source, errno);
      break;
    }
    if (r == 0) break;
    sha.Update(buf.data(), static_cast<size_t>(r));
    s = WriteAll(*out, buf.data(), static_cast<size_t>(r), source);
    if (!s.ok()) break;
    blob.size += static_cast<uint64_t>(r);
  }
  ::close(in);
  PP_RETURN_IF_ERROR(FinishTemp(*out, blob.tmp_path, s));
  blob.sha256 = sha.FinalHex();
  return blob;
}

Result<TempBlob> WriteTemp(const std::string& bytes, const std::string& tmp_dir) {
  TempBlob blob;
  Result<int> out = OpenTemp(tmp_dir, &blob.tmp_path);
  if (!out.ok()) return out.status();
  Status s = WriteAll(*out, bytes.data(), bytes.size(), blob.tmp_path);
  PP_RETURN_IF_ERROR(FinishTemp(*out, blob.tmp_path, s));
  blob.sha256 = Sha256Hex(bytes);
  blob.size = bytes.size();
  return blob;
}

Status SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("open folder", dir, errno);
  Status s;
  if (::fsync(fd) != 0 && errno != EINVAL) s = Errno("fsync folder", dir, errno);
  ::close(fd);
  return s;
}

Status PublishTemp(const TempBlob& blob, const std::string& final_path) {
  std::string parent = final_path.substr(0, final_path.rfind('/'));
  struct stat st;
  if (::stat(final_path.c_str(), &st) == 0) {
    ::unlink(blob.tmp_path.c_str());
    return Status::Ok();
  }
  if (::mkdir(parent.c_str(), 0755) == 0) {
    PP_RETURN_IF_ERROR(SyncDir(parent.substr(0, parent.rfind('/'))));
  } else if (errno != EEXIST) {
    Status s = Errno("create folder", parent, errno);
    ::unlink(blob.tmp_path.c_str());
    return s;
  }
  if (::chmod(blob.tmp_path.c_str(), 0444) != 0 ||
      ::rename(blob.tmp_path.c_str(), final_path.c_str()) != 0) {
    Status s = Errno("rename into store", final_path, errno);
    ::unlink(blob.tmp_path.c_str());
    return s;
  }
  return SyncDir(parent);
}

}  // namespace parcelproof::store
