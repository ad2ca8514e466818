// MP4/MOV: moov/mvhd creation time and duration (1904 epoch, version 0 and
// 1 boxes), falling back to the first trak's tkhd/mdhd; Apple's
// creationdate from moov/meta (quicktime_meta.cc); xmp:CreateDate (mp4_xmp.cc).
#include <string>

#include "parcelproof/clock.h"
#include "video/byte_reader.h"
#include "video/mp4_box.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

using video::FindMp4Box;
using video::Mp4Box;
using video::ReadBe;
using video::SplitMp4Boxes;

constexpr int64_t kSecondsFrom1904To1970 = 2082844800;
constexpr uint64_t kMaxUnixSeconds = 253402300799;  // 9999-12-31T23:59:59Z
// Reads version, creation time and (timescale, duration) of mvhd/mdhd/tkhd.
bool ReadHeader(std::string_view body, bool is_tkhd, uint64_t* created, uint64_t* timescale,
                uint64_t* duration) {
  uint64_t version = 0;
  if (!ReadBe(body, 0, 1, &version) || version > 1) return false;
  size_t w = version == 1 ? 8 : 4;
  if (!ReadBe(body, 4, w, created)) return false;
  size_t ts_at = 4 + 2 * w, dur_at = ts_at + 4;
  if (is_tkhd) {
    *timescale = 0;  // tkhd durations are in the movie's timescale
    dur_at = 4 + 2 * w + 8;
    return ReadBe(body, dur_at, w, duration);
  }
  return ReadBe(body, ts_at, 4, timescale) && ReadBe(body, dur_at, w, duration);
}

void SetCreated(uint64_t created, const char* source, VideoTimes* out) {
  if (created == 0 || !out->creation_time.empty()) return;
  if (created < static_cast<uint64_t>(kSecondsFrom1904To1970)) {
    out->problems.push_back(std::string("MP4 ") + source + " creation time is before 1970");
    return;
  }
  if (created - kSecondsFrom1904To1970 > kMaxUnixSeconds) {
    out->problems.push_back(std::string("MP4 ") + source + " creation time is after 9999");
    return;
  }
  int64_t secs = static_cast<int64_t>(created) - kSecondsFrom1904To1970;
  out->creation_time = FormatUtc(secs * 1000000);
  out->creation_source = source;
}

void SetDuration(uint64_t timescale, uint64_t duration, VideoTimes* out) {
  if (out->has_duration || timescale == 0 || duration == 0 || duration == ~uint64_t{0} ||
      duration == 0xFFFFFFFFu) {
    return;
  }
  out->has_duration = true;
  out->duration_s = static_cast<double>(duration) / static_cast<double>(timescale);
}

void ReadTrack(std::string_view trak, uint64_t movie_timescale, VideoTimes* out) {
  std::vector<Mp4Box> boxes = SplitMp4Boxes(trak, "trak", out);
  uint64_t created = 0, timescale = 0, duration = 0;
  if (const Mp4Box* tkhd = FindMp4Box(boxes, "tkhd")) {
    if (ReadHeader(tkhd->body, true, &created, &timescale, &duration)) {
      SetCreated(created, "tkhd", out);
      SetDuration(movie_timescale, duration, out);
    }
  }
  const Mp4Box* mdia = FindMp4Box(boxes, "mdia");
  if (mdia == nullptr) return;
  std::vector<Mp4Box> media = SplitMp4Boxes(mdia->body, "mdia", out);
  if (const Mp4Box* mdhd = FindMp4Box(media, "mdhd")) {
    if (ReadHeader(mdhd->body, false, &created, &timescale, &duration)) {
      SetCreated(created, "mdhd", out);
      SetDuration(timescale, duration, out);
    }
  }
}

void ReadXmp(const std::vector<Mp4Box>& top, const std::vector<Mp4Box>& moov, VideoTimes* out) {
  for (const Mp4Box& box : top) {
    if (video::IsXmpUuidBox(box)) {
      video::ReadXmpPacket(box.body, out);
      return;
    }
  }
  const Mp4Box* udta = FindMp4Box(moov, "udta");
  if (udta == nullptr) return;
  VideoTimes ignored;  // udta may hold legacy non-box data: not a problem of the file
  std::vector<Mp4Box> user = SplitMp4Boxes(udta->body, "udta", &ignored);
  if (const Mp4Box* xmp = FindMp4Box(user, "XMP_")) video::ReadXmpPacket(xmp->body, out);
}

}  // namespace

namespace video {

std::vector<Mp4Box> SplitMp4Boxes(std::string_view b, const std::string& where, VideoTimes* out) {
  constexpr size_t kMaxBoxes = 100000;
  std::vector<Mp4Box> boxes;
  size_t at = 0;
  while (at + 8 <= b.size() && boxes.size() < kMaxBoxes) {
    uint64_t size = 0, header = 8;
    ReadBe(b, at, 4, &size);
    std::string type(b.substr(at + 4, 4));
    if (size == 1) {
      if (!ReadBe(b, at + 8, 8, &size)) break;
      header = 16;
    } else if (size == 0) {
      size = b.size() - at;
    }
    if (size < header || size > b.size() - at) {
      out->problems.push_back("MP4 box '" + type + "' in " + where + " runs past its end");
      break;
    }
    boxes.push_back({type, b.substr(at + header, size - header)});
    at += size;
  }
  return boxes;
}

const Mp4Box* FindMp4Box(const std::vector<Mp4Box>& boxes, const std::string& type) {
  for (const Mp4Box& b : boxes) {
    if (b.type == type) return &b;
  }
  return nullptr;
}

}  // namespace video

VideoTimes ReadMp4Times(std::string_view b) {
  VideoTimes out;
  out.container = "MP4";
  std::vector<Mp4Box> top = SplitMp4Boxes(b, "file", &out);
  const Mp4Box* moov = FindMp4Box(top, "moov");
  if (moov == nullptr) {
    out.problems.push_back("MP4 has no moov box");
    return out;
  }
  std::vector<Mp4Box> inner = SplitMp4Boxes(moov->body, "moov", &out);
  uint64_t created = 0, timescale = 0, duration = 0;
  const Mp4Box* mvhd = FindMp4Box(inner, "mvhd");
  if (mvhd != nullptr && ReadHeader(mvhd->body, false, &created, &timescale, &duration)) {
    SetCreated(created, "mvhd", &out);
    SetDuration(timescale, duration, &out);
  } else {
    out.problems.push_back(mvhd ? "MP4 mvhd box malformed" : "MP4 has no mvhd box");
  }
  if (const Mp4Box* meta = FindMp4Box(inner, "meta")) video::ReadQuickTimeMeta(meta->body, &out);
  ReadXmp(top, inner, &out);
  for (const Mp4Box& box : inner) {
    if (!out.creation_time.empty() && out.has_duration) break;
    if (box.type == "trak") ReadTrack(box.body, timescale, &out);
  }
  return out;
}

}  // namespace parcelproof
