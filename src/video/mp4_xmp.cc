// xmp:CreateDate from the XMP packet of an MP4/MOV file: a top-level 'uuid'
// box with Adobe's XMP UUID, or moov/udta/XMP_. Found by text search in the
// packet (attribute or element form); only dates with a zone are used.
#include <string>

#include "video/mp4_box.h"

namespace parcelproof::video {
namespace {

constexpr std::string_view kXmpUuid =
    "\xBE\x7A\xCF\xCB\x97\xA9\x42\xE8\x9C\x71\x99\x94\x91\xE3\xAF\xAC";
constexpr std::string_view kCreateDate = "xmp:CreateDate";
constexpr size_t kMaxValue = 64;

size_t SkipSpaces(std::string_view s, size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r' || s[at] == '\n')) {
    ++at;
  }
  return at;
}

// The value after xmp:CreateDate (="v", ='v' or >v<); false when none.
bool CreateDateValue(std::string_view packet, std::string_view* value) {
  size_t at = packet.find(kCreateDate);
  if (at == std::string_view::npos) return false;
  at = SkipSpaces(packet, at + kCreateDate.size());
  char end = 0;
  if (at < packet.size() && packet[at] == '>') {
    end = '<';
  } else if (at < packet.size() && packet[at] == '=') {
    at = SkipSpaces(packet, at + 1);
    if (at >= packet.size() || (packet[at] != '"' && packet[at] != '\'')) return false;
    end = packet[at];
  } else {
    return false;
  }
  size_t stop = packet.find(end, at + 1);
  if (stop == std::string_view::npos || stop - at - 1 > kMaxValue) return false;
  *value = packet.substr(at + 1, stop - at - 1);
  return true;
}

}  // namespace

bool IsXmpUuidBox(const Mp4Box& box) {
  return box.type == "uuid" && box.body.substr(0, kXmpUuid.size()) == kXmpUuid;
}

void ReadXmpPacket(std::string_view packet, VideoTimes* out) {
  if (packet.substr(0, kXmpUuid.size()) == kXmpUuid) packet.remove_prefix(kXmpUuid.size());
  if (packet.find(kCreateDate) == std::string_view::npos) return;
  std::string_view value;
  std::string date, why;
  if (!CreateDateValue(packet, &value)) {
    out->problems.push_back("XMP: xmp:CreateDate has no readable value");
  } else if (!NormaliseQuickTimeDate(value, &date, &why)) {
    out->problems.push_back("XMP: CreateDate " + why);
  } else {
    out->xmp_create_date = date;
  }
}

}  // namespace parcelproof::video
