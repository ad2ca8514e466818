#include "exif/tiff_check.h"

#include <cstdint>
#include <cstdio>
#include <set>

namespace parcelproof {
namespace {

constexpr int kMaxIfds = 16;
constexpr uint32_t kMaxEntries = 1000;

class Walker {
 public:
  Walker(std::string_view t, std::vector<std::string>* problems)
      : t_(t), little_(t[0] == 'I'), problems_(problems) {}

  void Run() {
    uint32_t ifd0 = U32(4);
    uint32_t next = Ifd("IFD0", ifd0);
    if (next != 0) Ifd("IFD1", next);
  }

 private:
  uint32_t U16(size_t at) const {
    uint8_t a = t_[at], b = t_[at + 1];
    return little_ ? (b << 8 | a) : (a << 8 | b);
  }
  uint32_t U32(size_t at) const {
    return little_ ? (U16(at + 2) << 16 | U16(at)) : (U16(at) << 16 | U16(at + 2));
  }
  void Problem(std::string p) {
    if (problems_->size() < 20) problems_->push_back(std::move(p));
  }

  // Walks one IFD; returns the offset of the next IFD (0 when none or bad).
  uint32_t Ifd(const std::string& name, uint32_t offset) {
    if (++ifds_ > kMaxIfds) return Problem("EXIF has too many IFDs"), 0;
    if (!seen_.insert(offset).second) {
      Problem("EXIF IFD loop: " + name + " points back to offset " + std::to_string(offset));
      return 0;
    }
    if (offset < 8 || offset > t_.size() || t_.size() - offset < 2) {
      Problem("EXIF " + name + " offset " + std::to_string(offset) + " is outside the block");
      return 0;
    }
    uint32_t count = U16(offset);
    if (count > kMaxEntries)
      return Problem("EXIF " + name + " claims " + std::to_string(count) + " entries"), 0;
    size_t end = size_t{offset} + 2 + size_t{count} * 12;
    if (end > t_.size()) {
      Problem("EXIF " + name + " truncated");
      count = static_cast<uint32_t>((t_.size() - offset - 2) / 12);
    }
    for (uint32_t i = 0; i < count; ++i) Entry(name, offset + 2 + i * 12);
    if (end + 4 > t_.size()) return 0;
    return U32(end);
  }

  void Entry(const std::string& ifd, size_t at) {
    static const uint32_t kSizes[] = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};
    uint32_t tag = U16(at), type = U16(at + 2), count = U32(at + 4);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04x", tag);
    if (type == 0 || type > 12) return;  // unknown types are skipped by readers
    uint64_t bytes = uint64_t{kSizes[type]} * count;
    if (bytes > 4) {
      uint64_t off = U32(at + 8);
      if (off + bytes > t_.size()) {
        Problem("EXIF tag " + std::string(hex) + " in " + ifd + " points outside the block (" +
                std::to_string(count) + " values at offset " + std::to_string(off) + ")");
        return;
      }
    }
    if (ifd == "GPS" || ifd == "Interop" || ifd == "ExifIFD") {
      if (ifd == "ExifIFD" && tag == 0xA005 && type == 4) Ifd("Interop", U32(at + 8));
      return;
    }
    if (tag == 0x8769 && (type == 4 || type == 13)) Ifd("ExifIFD", U32(at + 8));
    if (tag == 0x8825 && (type == 4 || type == 13)) Ifd("GPS", U32(at + 8));
  }

  std::string_view t_;
  bool little_;
  std::vector<std::string>* problems_;
  std::set<uint32_t> seen_;
  int ifds_ = 0;
};

}  // namespace

void CheckTiffStructure(std::string_view tiff, std::vector<std::string>* problems) {
  if (tiff.size() < 8) {
    problems->push_back("EXIF header truncated");
    return;
  }
  Walker(tiff, problems).Run();
}

}  // namespace parcelproof
