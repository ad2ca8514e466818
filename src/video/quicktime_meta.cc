// Apple QuickTime metadata: moov/meta with handler 'mdta' holds a 'keys' box
// naming each key and an 'ilst' box whose items (typed by the 1-based key
// index, big-endian) hold 'data' atoms. Only
// com.apple.quicktime.creationdate is read.
#include <algorithm>
#include <cctype>
#include <string>

#include "parcelproof/order.h"
#include "video/byte_reader.h"
#include "video/mp4_box.h"

namespace parcelproof::video {
namespace {

constexpr std::string_view kCreationDateKey = "com.apple.quicktime.creationdate";
constexpr size_t kMaxQuoted = 64;
constexpr uint64_t kUtf8Type = 1;  // 'data' well-known type: UTF-8 text

void Problem(VideoTimes* out, const std::string& what) {
  out->problems.push_back("QuickTime metadata: " + what);
}

bool IsUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 9 || (n == 1 && c < 0xC2) || n > s.size() - i - 1) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

// The 1-based index of the creationdate key (0 when absent); *count = keys read.
uint64_t FindCreationDateKey(std::string_view keys, uint64_t* count, VideoTimes* out) {
  uint64_t declared = 0, found = 0, n = 0;
  *count = 0;
  if (!ReadBe(keys, 4, 4, &declared)) {
    Problem(out, "keys box truncated");
    return 0;
  }
  size_t at = 8;
  bool broken = false;
  while (n < declared && at < keys.size()) {  // each key takes >= 8 bytes: bounded
    uint64_t size = 0;
    if (!ReadBe(keys, at, 4, &size) || size < 8 || size > keys.size() - at) {
      Problem(out, "key " + std::to_string(n + 1) + " runs past the keys box");
      broken = true;
      break;
    }
    ++n;
    if (found == 0 && keys.substr(at + 8, size - 8) == kCreationDateKey) found = n;
    at += size;
  }
  if (!broken && n < declared) {
    Problem(out, "keys box declares " + std::to_string(declared) + " keys but holds " +
                     std::to_string(n));
  }
  *count = n;
  return found;
}

void ReadDateValue(std::string_view item, VideoTimes* out) {
  std::vector<Mp4Box> atoms = SplitMp4Boxes(item, "ilst item", out);
  const Mp4Box* data = FindMp4Box(atoms, "data");
  uint64_t type = 0;
  if (data == nullptr || data->body.size() < 8) {
    Problem(out, data ? "creationdate data atom too short" : "creationdate has no data atom");
    return;
  }
  ReadBe(data->body, 0, 4, &type);
  std::string_view text = data->body.substr(8);
  while (!text.empty() && text.back() == '\0') text.remove_suffix(1);
  std::string date, why;
  if (type != kUtf8Type) {
    Problem(out, "creationdate is not UTF-8 text (data type " + std::to_string(type) + ")");
  } else if (!IsUtf8(text)) {
    Problem(out, "creationdate is not valid UTF-8");
  } else if (!NormaliseQuickTimeDate(text, &date, &why)) {
    Problem(out, "creationdate " + why);
  } else {
    out->quicktime_creation_date = date;
  }
}

void ReadItems(std::string_view ilst, uint64_t key, uint64_t key_count, VideoTimes* out) {
  bool reported_range = false;
  for (const Mp4Box& item : SplitMp4Boxes(ilst, "ilst", out)) {
    uint64_t index = 0;
    ReadBe(item.type, 0, 4, &index);
    if (index == 0 || index > key_count) {
      if (!reported_range) {
        Problem(out, "ilst item refers to key " + std::to_string(index) + " of " +
                         std::to_string(key_count));
      }
      reported_range = true;
    } else if (index == key) {
      ReadDateValue(item.body, out);
      return;
    }
  }
  Problem(out, "creationdate key has no value in ilst");
}

}  // namespace

void ReadQuickTimeMeta(std::string_view meta, VideoTimes* out) {
  // QuickTime's meta is a plain box; ISO's is a full box (version and flags first).
  if (meta.size() >= 12 && meta.substr(4, 4) != "hdlr" && meta.substr(8, 4) == "hdlr") {
    meta.remove_prefix(4);
  }
  std::vector<Mp4Box> boxes = SplitMp4Boxes(meta, "meta", out);
  const Mp4Box* hdlr = FindMp4Box(boxes, "hdlr");
  if (hdlr == nullptr || hdlr->body.substr(std::min<size_t>(8, hdlr->body.size()), 4) != "mdta") {
    return;  // not Apple's metadata
  }
  const Mp4Box* keys = FindMp4Box(boxes, "keys");
  const Mp4Box* ilst = FindMp4Box(boxes, "ilst");
  if (keys == nullptr || ilst == nullptr) {
    Problem(out, keys ? "mdta meta box has no ilst box" : "mdta meta box has no keys box");
    return;
  }
  uint64_t count = 0;
  uint64_t key = FindCreationDateKey(keys->body, &count, out);
  if (key != 0) ReadItems(ilst->body, key, count, out);
}

bool NormaliseQuickTimeDate(std::string_view t, std::string* rfc3339, std::string* why) {
  auto digits = [&](size_t at, size_t n) {
    if (at > t.size() || n > t.size() - at) return false;
    for (size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    }
    return true;
  };
  auto is_sign = [&](size_t at) { return at < t.size() && (t[at] == '+' || t[at] == '-'); };
  *why = "'" + std::string(t.substr(0, kMaxQuoted)) + "' is not an ISO 8601 date with a zone";
  if (!digits(0, 4) || t.size() < 16 || t[4] != '-' || !digits(5, 2) || t[7] != '-' ||
      !digits(8, 2) || t[10] != 'T' || !digits(11, 2) || t[13] != ':' || !digits(14, 2)) {
    return false;
  }
  std::string r(t.substr(0, 16));
  size_t at = 16;
  if (at < t.size() && t[at] == ':') {
    if (!digits(at + 1, 2)) return false;
    r += t.substr(at, 3);
    at += 3;
    if (at < t.size() && t[at] == '.') {
      size_t end = at + 1;
      while (digits(end, 1) && end - at <= 9) ++end;
      if (end == at + 1) return false;
      r += t.substr(at, end - at);
      at = end;
    }
  } else {
    r += ":00";
  }
  std::string_view zone = t.substr(at);
  if (zone == "Z") {
    r += "Z";
  } else if (zone.size() == 5 && is_sign(at) && digits(at + 1, 4)) {
    r += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
  } else if (zone.size() == 6 && is_sign(at) && digits(at + 1, 2) && zone[3] == ':' &&
             digits(at + 4, 2)) {
    r += zone;
  } else {
    return false;
  }
  long long micros = 0;
  if (!ParseRfc3339(r, &micros)) {
    *why = "'" + std::string(t.substr(0, kMaxQuoted)) + "' is not a valid date, time or zone";
    return false;
  }
  *rfc3339 = r;
  why->clear();
  return true;
}

}  // namespace parcelproof::video
