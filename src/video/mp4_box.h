// MP4/QuickTime box splitting shared by the MP4 parsers (internal).
#ifndef PARCELPROOF_VIDEO_MP4_BOX_H_
#define PARCELPROOF_VIDEO_MP4_BOX_H_

#include <string>
#include <string_view>
#include <vector>

#include "video/video_reader.h"

namespace parcelproof::video {

// One box: its four-character type and its body (header excluded).
struct Mp4Box {
  std::string type;
  std::string_view body;
};

// Splits `bytes` into at most 100000 boxes; at the first box whose size is
// impossible adds "MP4 box 'T' in <where> runs past its end" to out->problems
// and stops. Bodies point into `bytes`.
std::vector<Mp4Box> SplitMp4Boxes(std::string_view bytes, const std::string& where,
                                  VideoTimes* out);

// The first box of that type, or nullptr.
const Mp4Box* FindMp4Box(const std::vector<Mp4Box>& boxes, const std::string& type);

// Reads Apple's moov/meta box (handler 'mdta', keys + ilst) into
// out->quicktime_creation_date; every malformation is a problem in out.
void ReadQuickTimeMeta(std::string_view meta_body, VideoTimes* out);

// True for a 'uuid' box holding an XMP packet (Adobe's XMP UUID first).
bool IsXmpUuidBox(const Mp4Box& box);

// Reads xmp:CreateDate from an XMP packet (the XMP UUID may lead) into
// out->xmp_create_date; a value without a zone or malformed is a problem.
void ReadXmpPacket(std::string_view packet, VideoTimes* out);

// Rewrites an Apple creationdate ("2026-03-03T11:00:00+0800", also without
// seconds, with fractions, with +hh:mm or Z) as RFC 3339
// ("2026-03-03T11:00:00+08:00"). False with *why set when it is none of these.
bool NormaliseQuickTimeDate(std::string_view text, std::string* rfc3339, std::string* why);

}  // namespace parcelproof::video

#endif  // PARCELPROOF_VIDEO_MP4_BOX_H_
