// A deterministic zip writer on libzip: entries sorted by name, one fixed
// entry time, fixed attributes, no extra fields; files are streamed.
#ifndef PARCELPROOF_ARCHIVE_ZIP_WRITER_H_
#define PARCELPROOF_ARCHIVE_ZIP_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::archive {

class ZipWriter {
 public:
  // Every entry gets the DOS time of unix_seconds (UTC fields, 1980 at least).
  explicit ZipWriter(int64_t unix_seconds) : unix_seconds_(unix_seconds) {}

  // Adds a file streamed from path when written. size and expected_sha256
  // (hex; empty to skip) are checked while streaming: a mismatch fails
  // WriteTo and leaves no output. deflate=false stores it as it is.
  void AddFile(const std::string& name, const std::string& path, uint64_t size,
               const std::string& expected_sha256, bool deflate);
  // Adds an entry from memory.
  void AddBytes(const std::string& name, std::string data, bool deflate);

  // Writes the archive to out_path (which must not exist), entries sorted by
  // name bytes. Zip64 is used when sizes or offsets need it.
  Status WriteTo(const std::string& out_path);

 private:
  struct Entry {
    std::string name;
    std::string path;  // empty for in-memory entries
    std::string data;
    uint64_t size = 0;
    std::string expected_sha256;
    bool deflate = false;
  };
  int64_t unix_seconds_;
  std::vector<Entry> entries_;
};

// The DOS date and time fields for unix_seconds (UTC), clamped to 1980..2107.
void DosDateTime(int64_t unix_seconds, uint16_t* dos_date, uint16_t* dos_time);

}  // namespace parcelproof::archive

#endif  // PARCELPROOF_ARCHIVE_ZIP_WRITER_H_
