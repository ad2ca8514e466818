#include "parcelproof/keys.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/file.h"
#include "sign/ed25519.h"

namespace parcelproof {
namespace {

// Creates path exclusively with mode and writes data; removes it on failure.
Status WriteExclusive(const std::string& path, const std::string& data, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) return Status::InvalidArgument(path + ": exists, refusing to overwrite");
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  Status st;
  if (::fchmod(fd, mode) != 0) st = Status::IOError(path + ": chmod: " + std::strerror(errno));
  size_t done = 0;
  while (st.ok() && done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      st = Status::IOError(path + ": write: " + std::strerror(errno));
    else
      done += static_cast<size_t>(n);
  }
  if (st.ok() && ::fsync(fd) != 0) st = Status::IOError(path + ": fsync: " + std::strerror(errno));
  if (::close(fd) != 0 && st.ok()) st = Status::IOError(path + ": close: " + std::strerror(errno));
  if (!st.ok()) ::unlink(path.c_str());
  return st;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

}  // namespace

Result<KeyFiles> WriteNewKeyPair(const std::string& name) {
  if (name.empty()) return Status::InvalidArgument("empty key name");
  KeyFiles files{name + ".key", name + ".pub", ""};
  for (const std::string& p : {files.private_path, files.public_path}) {
    if (Exists(p)) return Status::InvalidArgument(p + ": exists, refusing to overwrite");
  }
  Result<sign::KeyPairPem> pair = sign::GenerateKeyPair();
  if (!pair.ok()) return pair.status();
  Result<std::string> fp = sign::Fingerprint(pair->public_pem);
  if (!fp.ok()) return fp.status();
  files.fingerprint = *fp;
  PP_RETURN_IF_ERROR(WriteExclusive(files.private_path, pair->private_pem, 0600));
  Status st = WriteExclusive(files.public_path, pair->public_pem, 0644);
  if (!st.ok()) {
    ::unlink(files.private_path.c_str());
    return st;
  }
  return files;
}

Result<std::string> KeyFingerprint(const std::string& pem) { return sign::Fingerprint(pem); }

Result<std::string> ReadKeyFile(const std::string& path) {
  Result<std::string> pem = ReadFileLimited(path, 64 * 1024);
  if (!pem.ok()) return pem.status();
  Result<std::string> fp = sign::Fingerprint(*pem);
  if (!fp.ok()) return fp.status().WithContext(path);
  return pem;
}

}  // namespace parcelproof
