// InspectZip: our own bounds-checked parse of the zip structure.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

#include "archive/zip_names.h"
#include "archive/zip_reader.h"

namespace parcelproof::archive {
namespace {

constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEocdSig = 0x06054b50;
constexpr uint32_t kZip64EocdSig = 0x06064b50, kZip64LocatorSig = 0x07064b50;
constexpr uint32_t kDescriptorSig = 0x08074b50;
constexpr uint64_t kMaxCentralDirectory = 64ull << 20;

uint16_t U16(const std::string& b, size_t o) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[o]) |
                               static_cast<unsigned char>(b[o + 1]) << 8);
}
uint32_t U32(const std::string& b, size_t o) { return U16(b, o) | uint32_t{U16(b, o + 2)} << 16; }
uint64_t U64(const std::string& b, size_t o) { return U32(b, o) | uint64_t{U32(b, o + 4)} << 32; }

class File {
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    struct stat st;
    if (fd_ >= 0 && ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode))
      size_ = st.st_size;
    else if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  uint64_t size() const { return size_; }
  // Reads exactly len bytes at off; false when that range is not inside the file.
  bool ReadAt(uint64_t off, uint64_t len, std::string* out) const {
    if (off > size_ || len > size_ - off) return false;
    out->resize(len);
    uint64_t done = 0;
    while (done < len) {
      ssize_t n = ::pread(fd_, &(*out)[done], len - done, static_cast<off_t>(off + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<uint64_t>(n);
    }
    return true;
  }

 private:
  int fd_ = -1;
  uint64_t size_ = 0;
};

struct Eocd {
  uint64_t entries = 0, cd_size = 0, cd_offset = 0;
  uint64_t cd_end = 0;  // where the central directory must end
};

class Inspector {
 public:
  Inspector(const File& f, const ZipLimits& limits, ZipLayout* out)
      : f_(f), limits_(limits), out_(out) {}

  void Run() {
    Eocd eocd;
    if (!FindEocd(&eocd) || !ReadCentralDirectory(eocd)) return;
    out_->readable = true;
    for (ZipEntryInfo& e : out_->entries) CheckLocalHeader(&e, eocd.cd_offset);
    CheckTiling(eocd.cd_offset);
    CheckNames();
  }

 private:
  void Problem(const std::string& code, const std::string& msg) {
    out_->problems.push_back({code, msg});
  }

  bool FindEocd(Eocd* eocd);
  bool ReadZip64(uint64_t eocd_pos, Eocd* eocd);
  bool ReadCentralDirectory(const Eocd& eocd);
  bool ParseCentral(const std::string& cd, size_t* pos, uint64_t index, uint64_t cd_offset);
  void CheckLimits(const ZipEntryInfo& e);
  void CheckFileType(const ZipEntryInfo& e, uint16_t host, uint32_t mode);
  void CheckLocalHeader(ZipEntryInfo* e, uint64_t cd_offset);
  void CheckTiling(uint64_t cd_offset);
  void CheckNames();

  const File& f_;
  const ZipLimits& limits_;
  ZipLayout* out_;
  uint64_t total_size_ = 0;
  std::map<uint64_t, bool> zip64_entries_;
};

bool Inspector::FindEocd(Eocd* eocd) {
  uint64_t size = f_.size();
  if (size < 22) {
    Problem("zip-no-eocd", "file of " + std::to_string(size) + " bytes is not a zip");
    return false;
  }
  uint64_t window = std::min<uint64_t>(size, 65535 + 22);
  std::string tail;
  if (!f_.ReadAt(size - window, window, &tail)) {
    Problem("zip-io", "cannot read the end of the file");
    return false;
  }
  int64_t found = -1, loose = -1;
  for (int64_t p = static_cast<int64_t>(window) - 22; p >= 0; --p) {
    if (U32(tail, p) != kEocdSig) continue;
    uint64_t end = p + 22 + U16(tail, p + 20);
    if (end == window) {
      found = p;
      break;
    }
    if (end < window && loose < 0) loose = p;
  }
  if (found < 0 && loose >= 0) {
    uint64_t extra = window - (loose + 22 + U16(tail, loose + 20));
    Problem("zip-trailing-garbage", std::to_string(extra) + " bytes after the end of the zip");
    found = loose;
  }
  if (found < 0) {
    Problem("zip-no-eocd", "no end-of-central-directory record (not a zip, or garbage appended)");
    return false;
  }
  uint64_t pos = size - window + found;
  if (U16(tail, found + 4) != 0 || U16(tail, found + 6) != 0 ||
      U16(tail, found + 8) != U16(tail, found + 10)) {
    Problem("zip-multi-disk", "multi-disk archives are refused");
    return false;
  }
  eocd->entries = U16(tail, found + 10);
  eocd->cd_size = U32(tail, found + 12);
  eocd->cd_offset = U32(tail, found + 16);
  eocd->cd_end = pos;
  bool need64 =
      eocd->entries == 0xffff || eocd->cd_size == 0xffffffff || eocd->cd_offset == 0xffffffff;
  std::string loc;
  bool has_locator = pos >= 20 && f_.ReadAt(pos - 20, 4, &loc) && U32(loc, 0) == kZip64LocatorSig;
  if (need64 || has_locator) return ReadZip64(pos, eocd);
  return true;
}

bool Inspector::ReadZip64(uint64_t eocd_pos, Eocd* eocd) {
  std::string loc, rec;
  if (eocd_pos < 20 || !f_.ReadAt(eocd_pos - 20, 20, &loc) || U32(loc, 0) != kZip64LocatorSig) {
    Problem("zip-bad-eocd", "Zip64 fields without a Zip64 locator");
    return false;
  }
  uint64_t off = U64(loc, 8);
  if (U32(loc, 4) != 0 || U32(loc, 16) > 1 || !f_.ReadAt(off, 56, &rec) ||
      U32(rec, 0) != kZip64EocdSig || off + 12 + U64(rec, 4) != eocd_pos - 20 ||
      U64(rec, 4) > 1 << 20) {
    Problem("zip-bad-eocd", "Zip64 end-of-central-directory record is malformed or misplaced");
    return false;
  }
  if (U32(rec, 16) != 0 || U32(rec, 20) != 0 || U64(rec, 24) != U64(rec, 32)) {
    Problem("zip-multi-disk", "multi-disk archives are refused");
    return false;
  }
  eocd->entries = U64(rec, 32);
  eocd->cd_size = U64(rec, 40);
  eocd->cd_offset = U64(rec, 48);
  eocd->cd_end = off;
  return true;
}

bool Inspector::ReadCentralDirectory(const Eocd& eocd) {
  if (eocd.entries > limits_.max_entries) {
    Problem("zip-size-limit", std::to_string(eocd.entries) + " entries, more than the limit of " +
                                  std::to_string(limits_.max_entries));
    return false;
  }
  if (eocd.cd_size > kMaxCentralDirectory || eocd.cd_offset > eocd.cd_end ||
      eocd.cd_end - eocd.cd_offset != eocd.cd_size) {
    Problem("zip-cd-bounds", "central directory (offset " + std::to_string(eocd.cd_offset) +
                                 ", size " + std::to_string(eocd.cd_size) +
                                 ") does not end where the end record begins");
    return false;
  }
  std::string cd;
  if (!f_.ReadAt(eocd.cd_offset, eocd.cd_size, &cd)) {
    Problem("zip-cd-bounds", "central directory lies outside the file");
    return false;
  }
  size_t pos = 0;
  for (uint64_t i = 0; i < eocd.entries; ++i) {
    if (!ParseCentral(cd, &pos, i, eocd.cd_offset)) return false;
  }
  if (pos != cd.size()) {
    Problem("zip-cd-bounds",
            std::to_string(cd.size() - pos) + " unaccounted bytes in the central directory");
    return false;
  }
  return true;
}

// Applies the Zip64 extended-information extra field to the saturated fields.
bool ApplyZip64(const std::string& extra, ZipEntryInfo* e, bool* used) {
  size_t p = 0;
  while (p + 4 <= extra.size()) {
    uint16_t id = U16(extra, p), len = U16(extra, p + 2);
    if (p + 4 + len > extra.size()) return false;
    if (id == 1) {
      *used = true;
      size_t q = p + 4, end = q + len;
      for (uint64_t* field : {&e->size, &e->compressed_size, &e->local_offset}) {
        if (*field != 0xffffffff) continue;
        if (q + 8 > end) return false;
        *field = U64(extra, q);
        q += 8;
      }
    }
    p += 4 + len;
  }
  return p == extra.size();
}

bool Inspector::ParseCentral(const std::string& cd, size_t* pos, uint64_t index,
                             uint64_t cd_offset) {
  size_t p = *pos;
  if (p + 46 > cd.size() || U32(cd, p) != kCentralSig) {
    Problem("zip-bad-header", "central directory entry " + std::to_string(index) + " is malformed");
    return false;
  }
  size_t n = U16(cd, p + 28), m = U16(cd, p + 30), k = U16(cd, p + 32);
  if (p + 46 + n + m + k > cd.size()) {
    Problem("zip-bad-header", "central directory entry " + std::to_string(index) + " overruns");
    return false;
  }
  ZipEntryInfo e;
  e.index = index;
  e.central_offset = cd_offset + p;
  e.name = cd.substr(p + 46, n);
  e.flags = U16(cd, p + 8);
  e.method = U16(cd, p + 10);
  e.crc = U32(cd, p + 16);
  e.compressed_size = U32(cd, p + 20);
  e.size = U32(cd, p + 24);
  e.local_offset = U32(cd, p + 42);
  e.is_directory = !e.name.empty() && e.name.back() == '/';
  bool zip64 = false;
  if (!ApplyZip64(cd.substr(p + 46 + n, m), &e, &zip64)) {
    Problem("zip-bad-header", e.name + ": malformed extra field");
    return false;
  }
  zip64_entries_[index] = zip64;
  CheckFileType(e, U16(cd, p + 4) >> 8, U32(cd, p + 38) >> 16);
  if (U16(cd, p + 34) != 0) Problem("zip-multi-disk", e.name + ": starts on another disk");
  if (e.flags & 0x41) Problem("zip-encrypted", e.name + ": encrypted entry");
  if (e.method != 0 && e.method != 8) {
    Problem("zip-unsupported-method",
            e.name + ": compression method " + std::to_string(e.method) + " is refused");
  }
  if (e.method == 0 && e.size != e.compressed_size) {
    Problem("zip-bad-header", e.name + ": stored entry with different sizes");
  }
  if (e.is_directory && e.size != 0) Problem("zip-bad-header", e.name + ": directory with data");
  CheckLimits(e);
  out_->entries.push_back(std::move(e));
  *pos = p + 46 + n + m + k;
  return true;
}

// The Unix file type in the external attributes (host 3 only; other hosts,
// DOS among them, keep no Unix type). Type bits of 0 are a regular file in
// zip practice (Python's zipfile writes 0600 without a type), as is 0100000;
// symlinks, devices, FIFOs, sockets, directories with data and undefined
// types are refused.
void Inspector::CheckFileType(const ZipEntryInfo& e, uint16_t host, uint32_t mode) {
  if (host != 3) return;
  switch (mode & 0170000) {
    case 0:
    case 0100000:
      return;
    case 0120000:
      Problem("zip-symlink", e.name + ": symlink entry");
      return;
    case 040000:
      if (e.size != 0 || !e.is_directory) {
        Problem("zip-special-file", e.name + ": directory entry with a file name or data");
      }
      return;
    default:
      Problem("zip-special-file", e.name + ": special file entry (device, FIFO or socket)");
  }
}

void Inspector::CheckLimits(const ZipEntryInfo& e) {
  total_size_ += std::min(e.size, limits_.max_total_size + 1);
  if (e.size > limits_.max_entry_size) {
    Problem("zip-size-limit", e.name + ": declared size " + std::to_string(e.size) +
                                  " exceeds the limit of " +
                                  std::to_string(limits_.max_entry_size));
  }
  if (total_size_ > limits_.max_total_size) {
    Problem("zip-size-limit", "declared sizes add up to more than " +
                                  std::to_string(limits_.max_total_size) + " bytes");
    total_size_ = 0;  // report once
  }
  if (e.method == 8 && e.size > e.compressed_size * limits_.max_deflate_ratio + 1024) {
    Problem("zip-bomb", e.name + ": declares " + std::to_string(e.size) + " bytes from " +
                            std::to_string(e.compressed_size) + " compressed bytes");
  }
}

void Inspector::CheckLocalHeader(ZipEntryInfo* e, uint64_t cd_offset) {
  std::string h;
  e->data_end = e->local_offset;
  if (!f_.ReadAt(e->local_offset, 30, &h) || U32(h, 0) != kLocalSig) {
    Problem("zip-bad-header",
            e->name + ": no local header at offset " + std::to_string(e->local_offset));
    return;
  }
  uint64_t n = U16(h, 26), m = U16(h, 28);
  std::string name;
  uint64_t data_start = e->local_offset + 30 + n + m;
  if (!f_.ReadAt(e->local_offset + 30, n, &name) || name != e->name) {
    Problem("zip-local-mismatch", e->name + ": local header names \"" + name + "\"");
  }
  if (U16(h, 8) != e->method) Problem("zip-local-mismatch", e->name + ": local method differs");
  if (!(e->flags & 8)) {
    uint32_t lc = U32(h, 14), ls = U32(h, 18), lu = U32(h, 22);
    bool sizes_ok =
        (ls == 0xffffffff || ls == e->compressed_size) && (lu == 0xffffffff || lu == e->size);
    if (lc != e->crc || !sizes_ok) {
      Problem("zip-local-mismatch", e->name + ": local header CRC or sizes differ");
    }
  }
  uint64_t end = data_start + e->compressed_size;
  if (e->flags & 8) {
    std::string d;
    bool z64 = zip64_entries_[e->index];
    uint64_t len = z64 ? 20 : 12;
    if (f_.ReadAt(end, 4, &d) && U32(d, 0) == kDescriptorSig) len += 4;
    end += len;
  }
  if (data_start < e->local_offset || end < data_start || end > cd_offset) {
    Problem("zip-bounds", e->name + ": data runs past the central directory");
    end = std::max<uint64_t>(e->local_offset, std::min(end, cd_offset));
  }
  e->data_end = end;
}

void Inspector::CheckTiling(uint64_t cd_offset) {
  std::vector<const ZipEntryInfo*> order;
  for (const ZipEntryInfo& e : out_->entries) order.push_back(&e);
  std::sort(order.begin(), order.end(),
            [](auto* a, auto* b) { return a->local_offset < b->local_offset; });
  uint64_t expect = 0;
  const ZipEntryInfo* prev = nullptr;
  for (const ZipEntryInfo* e : order) {
    if (e->local_offset < expect) {
      Problem("zip-overlap", e->name + " overlaps " + (prev ? prev->name : std::string("?")) +
                                 " (zip bomb or corrupt)");
    } else if (e->local_offset > expect) {
      Problem("zip-gap",
              std::to_string(e->local_offset - expect) + " unaccounted bytes before " + e->name);
    }
    expect = std::max(expect, e->data_end);
    prev = e;
  }
  if (expect < cd_offset) {
    Problem("zip-gap",
            std::to_string(cd_offset - expect) + " unaccounted bytes before the central directory");
  }
}

void Inspector::CheckNames() {
  std::map<std::string, std::string> seen;  // fold key -> first name
  for (const ZipEntryInfo& e : out_->entries) {
    std::string why = UnsafeNameReason(e.name);
    if (!why.empty()) Problem("zip-unsafe-name", "\"" + e.name + "\": " + why);
    if (!(e.flags & 0x800)) {
      for (unsigned char c : e.name) {
        if (c >= 0x80) {
          Problem("zip-unsafe-name", "\"" + e.name + "\": non-ASCII name without the UTF-8 flag");
          break;
        }
      }
    }
    std::string key = NameFoldKey(e.is_directory ? e.name.substr(0, e.name.size() - 1) : e.name);
    auto [it, fresh] = seen.emplace(key, e.name);
    if (!fresh) {
      Problem("zip-duplicate-name", "\"" + e.name + "\" duplicates \"" + it->second + "\"" +
                                        (it->second == e.name ? "" : " (case or Unicode form)"));
    }
  }
}

}  // namespace

ZipLayout InspectZip(const std::string& path, const ZipLimits& limits) {
  ZipLayout out;
  File f(path);
  if (!f.ok()) {
    out.problems.push_back({"zip-io", path + ": cannot open as a regular file"});
    return out;
  }
  Inspector(f, limits, &out).Run();
  return out;
}

}  // namespace parcelproof::archive
