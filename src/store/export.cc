// export: the byte-identical original, verified while copied.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/sha256.h"
#include "parcelproof/store.h"

namespace parcelproof {
namespace {

Status CopyVerified(const std::string& blob, const std::string& sha, const std::string& tmp,
                    uint64_t* size) {
  int in = ::open(blob.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Status::IOError(blob + ": " + std::strerror(errno));
  int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0) {
    ::close(in);
    return Status::IOError(tmp + ": " + std::strerror(errno));
  }
  Sha256 h;
  std::vector<char> buf(1 << 20);
  Status s;
  for (;;) {
    ssize_t r = ::read(in, buf.data(), buf.size());
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      if (r < 0) s = Status::IOError(blob + ": read failed: " + std::strerror(errno));
      break;
    }
    h.Update(buf.data(), static_cast<size_t>(r));
    for (ssize_t done = 0; done < r && s.ok();) {
      ssize_t w = ::write(out, buf.data() + done, static_cast<size_t>(r - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) s = Status::IOError(tmp + ": write failed: " + std::strerror(errno));
      if (w > 0) done += w;
    }
    if (!s.ok()) break;
    *size += static_cast<uint64_t>(r);
  }
  ::close(in);
  if (s.ok() && ::fsync(out) != 0) s = Status::IOError(tmp + ": fsync failed");
  if (::close(out) != 0 && s.ok()) s = Status::IOError(tmp + ": close failed");
  if (s.ok() && h.FinalHex() != sha) {
    s = Status::Corrupt("blob " + sha + " no longer matches its hash (run parcelproof fsck)");
  }
  return s;
}

}  // namespace

Result<uint64_t> ExportItem(Store& store, const std::string& sha256, const std::string& out_file) {
  Result<std::string> blob = store.BlobPath(sha256);
  if (!blob.ok()) return blob.status();
  struct stat st;
  if (::lstat(out_file.c_str(), &st) == 0) {
    return Status::InvalidArgument(out_file + ": already exists (not overwritten)");
  }
  std::string tmp = out_file + ".part-" + std::to_string(::getpid());
  uint64_t size = 0;
  Status s = CopyVerified(*blob, sha256, tmp, &size);
  if (s.ok() && ::rename(tmp.c_str(), out_file.c_str()) != 0) {
    s = Status::IOError(out_file + ": " + std::strerror(errno));
  }
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  Status logged = store.AppendLog("export", sha256, "", "to " + out_file);
  if (!logged.ok() && logged.code() != Status::Code::kInternal) return logged;
  return size;
}

}  // namespace parcelproof
