// ZipReader: entry streaming through libzip, CRC checked.
#include "archive/zip_reader.h"

#include <zip.h>

#include <vector>

namespace parcelproof::archive {
namespace {

zip_t* Za(void* p) { return static_cast<zip_t*>(p); }

}  // namespace

Result<std::unique_ptr<ZipReader>> ZipReader::Open(const std::string& path) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = path + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return Status::Corrupt(msg);
  }
  return std::unique_ptr<ZipReader>(new ZipReader(za));
}

ZipReader::~ZipReader() { zip_discard(Za(za_)); }

Status ZipReader::Stream(const ZipEntryInfo& entry,
                         const std::function<void(const char*, size_t)>& sink) {
  const char* name = zip_get_name(Za(za_), entry.index, ZIP_FL_ENC_RAW);
  if (!name || entry.name != name) {
    return Status::Corrupt(entry.name + ": not at index " + std::to_string(entry.index));
  }
  zip_file_t* zf = zip_fopen_index(Za(za_), entry.index, 0);
  if (!zf) return Status::Corrupt(entry.name + ": " + zip_error_strerror(zip_get_error(Za(za_))));
  std::vector<char> buf(1 << 20);
  uint64_t left = entry.size;
  Status st;
  while (st.ok()) {
    // Once the declared size is read, one more read must return 0: that is
    // where libzip compares the CRC. It never hands out bytes past the size.
    uint64_t want = left > 0 ? std::min<uint64_t>(left, buf.size()) : 1;
    zip_int64_t n = zip_fread(zf, buf.data(), want);
    if (n < 0) {
      st = Status::Corrupt(entry.name + ": " + zip_file_strerror(zf));
    } else if (n == 0) {
      if (left > 0) st = Status::Corrupt(entry.name + ": shorter than its declared size");
      break;
    } else if (left == 0) {
      st = Status::Corrupt(entry.name + ": longer than its declared size");
    } else {
      sink(buf.data(), static_cast<size_t>(n));
      left -= static_cast<uint64_t>(n);
    }
  }
  zip_fclose(zf);
  return st;
}

Result<std::string> ZipReader::ReadAll(const ZipEntryInfo& entry, uint64_t max_bytes) {
  if (entry.size > max_bytes) {
    return Status::Unsupported(entry.name + ": " + std::to_string(entry.size) +
                               " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  std::string out;
  out.reserve(entry.size);
  Status st = Stream(entry, [&](const char* d, size_t n) { out.append(d, n); });
  if (!st.ok()) return st;
  return out;
}

}  // namespace parcelproof::archive
