// A strict zip reader. InspectZip parses the end-of-central-directory record,
// the central directory and every local header itself (bounds-checked, no
// libzip) and names each structural problem; ZipReader streams entries
// through libzip with its CRC check, never past their declared size.
#ifndef PARCELPROOF_ARCHIVE_ZIP_READER_H_
#define PARCELPROOF_ARCHIVE_ZIP_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::archive {

struct ZipEntryInfo {
  std::string name;
  uint64_t index = 0;  // position in the central directory (libzip's index)
  uint16_t method = 0;
  uint16_t flags = 0;
  uint32_t crc = 0;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint64_t local_offset = 0;
  uint64_t central_offset = 0;  // of its central directory header in the file
  uint64_t data_end = 0;        // first byte after the entry's data (and descriptor)
  bool is_directory = false;
};

// A structural problem: a stable code ("zip-trailing-garbage") and a message.
struct ZipProblem {
  std::string code;
  std::string message;
};

struct ZipLimits {
  uint64_t max_entries = 100000;
  uint64_t max_entry_size = 64ull << 30;  // declared uncompressed bytes per entry
  uint64_t max_total_size = 256ull << 30;
  uint64_t max_deflate_ratio = 1100;  // deflate cannot exceed about 1032:1
};

struct ZipLayout {
  std::vector<ZipEntryInfo> entries;  // entries whose headers could be read
  std::vector<ZipProblem> problems;   // empty when the zip is well formed and safe
  bool readable = false;              // the central directory could be parsed
};

// Checks structure and safety: EOCD exactly at the end (no trailing
// garbage), one disk, the central directory within bounds and adjacent to
// the EOCD, local headers matching it, entries tiling the file without gaps
// or overlaps, sizes within limits, methods stored/deflate, no encryption,
// no symlinks, safe names (no "..", absolute paths, backslashes, drive
// letters, control characters, invalid UTF-8), no duplicates (exact,
// case-only or Unicode-normalisation).
ZipLayout InspectZip(const std::string& path, const ZipLimits& limits = {});

// Streams entries through libzip (CRC checked at the end of each entry).
class ZipReader {
 public:
  static Result<std::unique_ptr<ZipReader>> Open(const std::string& path);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // Reads entry.index, passing chunks to sink; reads at most entry.size bytes
  // and fails (Corrupt) on a CRC mismatch or a size different from entry.size.
  Status Stream(const ZipEntryInfo& entry, const std::function<void(const char*, size_t)>& sink);
  // Reads a whole entry into memory; Unsupported when it exceeds max_bytes.
  Result<std::string> ReadAll(const ZipEntryInfo& entry, uint64_t max_bytes);

 private:
  explicit ZipReader(void* za) : za_(za) {}
  void* za_;  // zip_t
};

}  // namespace parcelproof::archive

#endif  // PARCELPROOF_ARCHIVE_ZIP_READER_H_
