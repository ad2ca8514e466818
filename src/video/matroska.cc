// Matroska/WebM: Segment/Info DateUTC (nanoseconds since 2001-01-01 UTC)
// and Duration (in TimestampScale units), read from EBML by hand.
#include <cmath>
#include <cstring>
#include <string>

#include "parcelproof/clock.h"
#include "video/byte_reader.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

using video::ReadBe;

constexpr uint64_t kEbmlHeader = 0x1A45DFA3, kDocType = 0x4282, kSegment = 0x18538067;
constexpr uint64_t kInfo = 0x1549A966, kTimestampScale = 0x2AD7B1, kDuration = 0x4489;
constexpr uint64_t kDateUtc = 0x4461, kCluster = 0x1F43B675;
constexpr int64_t kMicrosFrom1970To2001 = 978307200LL * 1000000;
constexpr int64_t kMaxMicros = 253402300799LL * 1000000;  // 9999-12-31T23:59:59Z
constexpr uint64_t kUnknownSize = ~uint64_t{0};
constexpr int kMaxElements = 100000;

struct Element {
  uint64_t id = 0;
  std::string_view body;
  bool unknown_size = false;
};

// Reads an EBML variable-length integer at *at. Keeps the length marker
// for ids; strips it for sizes (all ones = unknown size).
bool ReadVint(std::string_view b, size_t* at, bool is_id, uint64_t* out) {
  uint64_t first = 0;
  if (!ReadBe(b, *at, 1, &first) || first == 0) return false;
  size_t len = 1;
  while (!(first & (0x80 >> (len - 1)))) ++len;
  if (is_id && len > 4) return false;
  uint64_t raw = 0;
  if (!ReadBe(b, *at, len, &raw)) return false;
  *at += len;
  if (is_id) return *out = raw, true;
  uint64_t value = raw & ((uint64_t{1} << (7 * len)) - 1);
  *out = value == (uint64_t{1} << (7 * len)) - 1 ? kUnknownSize : value;
  return true;
}

std::vector<Element> Children(std::string_view b, const char* where, VideoTimes* out) {
  std::vector<Element> elements;
  size_t at = 0;
  while (at < b.size() && static_cast<int>(elements.size()) < kMaxElements) {
    Element e;
    uint64_t size = 0;
    if (!ReadVint(b, &at, true, &e.id) || !ReadVint(b, &at, false, &size)) {
      out->problems.push_back(std::string("Matroska element header malformed in ") + where);
      break;
    }
    e.unknown_size = size == kUnknownSize;
    if (e.unknown_size) size = b.size() - at;
    if (size > b.size() - at) {
      out->problems.push_back(std::string("Matroska element runs past the end of ") + where);
      size = b.size() - at;
    }
    e.body = b.substr(at, size);
    elements.push_back(e);
    at += size;
    if (e.unknown_size && e.id != kSegment) break;  // cannot skip it
  }
  return elements;
}

void ReadInfo(std::string_view info, VideoTimes* out) {
  uint64_t scale = 1000000;
  double duration = -1;
  for (const Element& e : Children(info, "Info", out)) {
    if (e.id == kTimestampScale && !e.body.empty()) ReadBe(e.body, 0, e.body.size(), &scale);
    if (e.id == kDuration && (e.body.size() == 4 || e.body.size() == 8)) {
      uint64_t bits = 0;
      ReadBe(e.body, 0, e.body.size(), &bits);
      if (e.body.size() == 4) {
        float f;
        uint32_t b32 = static_cast<uint32_t>(bits);
        std::memcpy(&f, &b32, 4);
        duration = f;
      } else {
        std::memcpy(&duration, &bits, 8);
      }
    }
    if (e.id == kDateUtc && e.body.size() == 8) {
      uint64_t bits = 0;
      ReadBe(e.body, 0, 8, &bits);
      int64_t micros = static_cast<int64_t>(bits) / 1000 + kMicrosFrom1970To2001;
      if (micros < 0 || micros > kMaxMicros) {
        out->problems.push_back("Matroska DateUTC out of range");
        continue;
      }
      out->creation_time = FormatUtc(micros);
      out->creation_source = "DateUTC";
    }
  }
  if (std::isfinite(duration) && duration > 0 && scale > 0 && scale < 1000000000000ULL) {
    out->has_duration = true;
    out->duration_s = duration * static_cast<double>(scale) / 1e9;
  }
}

}  // namespace

VideoTimes ReadMatroskaTimes(std::string_view b) {
  VideoTimes out;
  out.container = "Matroska";
  std::vector<Element> top = Children(b, "file", &out);
  for (const Element& e : top) {
    if (e.id == kEbmlHeader) {
      for (const Element& h : Children(e.body, "EBML header", &out)) {
        if (h.id == kDocType && h.body.substr(0, 4) == "webm") out.container = "WebM";
      }
    }
    if (e.id != kSegment) continue;
    for (const Element& s : Children(e.body, "Segment", &out)) {
      if (s.id == kInfo) return ReadInfo(s.body, &out), out;
      if (s.id == kCluster) break;
    }
    break;
  }
  out.problems.push_back("Matroska file has no Segment Info");
  return out;
}

}  // namespace parcelproof
