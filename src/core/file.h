// Small file-system helpers with Status errors naming the path.
#ifndef PARCELPROOF_CORE_FILE_H_
#define PARCELPROOF_CORE_FILE_H_

#include <cstdint>
#include <string>

#include "parcelproof/status.h"

namespace parcelproof {

// Reads a whole regular file. Refuses directories, special files and files
// larger than max_bytes, naming the path in the error.
Result<std::string> ReadFileLimited(const std::string& path, uint64_t max_bytes);
// Reads at most max_bytes from the start of a regular file.
Result<std::string> ReadFilePrefix(const std::string& path, uint64_t max_bytes);
// Writes data to path (truncating).
Status WriteFile(const std::string& path, const std::string& data);
// Writes all of data to a file descriptor (pipes included), retrying short
// writes and EINTR; false when the descriptor fails.
bool WriteAllToFd(int fd, const std::string& data);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_FILE_H_
