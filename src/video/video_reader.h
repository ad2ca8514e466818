// Creation time and duration of MP4/MOV, Matroska/WebM and AVI files,
// parsed by hand with every length checked against the bytes present.
#ifndef PARCELPROOF_VIDEO_VIDEO_READER_H_
#define PARCELPROOF_VIDEO_VIDEO_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace parcelproof {

struct VideoTimes {
  std::string container;  // "MP4", "Matroska", "WebM", "AVI"; "" when not a video
  // RFC 3339 UTC ("2025-07-30T05:52:33Z") when the container stores a UTC
  // time (MP4 mvhd/tkhd/mdhd, Matroska DateUTC); empty otherwise.
  std::string creation_time;
  // Local time with no zone, "2025-07-30T13:52:33" (AVI IDIT/strd); empty otherwise.
  std::string creation_time_local;
  std::string creation_source;  // "mvhd", "tkhd", "mdhd", "DateUTC", "IDIT", "strd"
  // Apple's com.apple.quicktime.creationdate (MOV/MP4 moov/meta, handler
  // mdta): local time with its offset as RFC 3339, "2026-03-03T11:00:00+08:00"
  // (seconds added when absent); empty when absent or unusable (a problem says why).
  std::string quicktime_creation_date;
  // xmp:CreateDate of the XMP packet (top-level uuid box or moov/udta/XMP_),
  // same form; only values with a zone are kept.
  std::string xmp_create_date;
  bool has_duration = false;
  double duration_s = 0;
  std::vector<std::string> problems;  // "MP4 box 'moov' runs past the end of the file"
};

// Recognises the container by its first bytes and reads its times. Bytes
// that are no known video give container "" and no problems. Never reads
// outside `bytes`; bounded work on any input.
VideoTimes ReadVideoTimes(std::string_view bytes);

// The individual parsers, for tests. Each expects its own container.
VideoTimes ReadMp4Times(std::string_view bytes);
VideoTimes ReadMatroskaTimes(std::string_view bytes);
VideoTimes ReadAviTimes(std::string_view bytes);

}  // namespace parcelproof

#endif  // PARCELPROOF_VIDEO_VIDEO_READER_H_
