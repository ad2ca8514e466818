// One normalised capture time from EXIF and container times.
#ifndef PARCELPROOF_TIMELINE_CAPTURE_TIME_H_
#define PARCELPROOF_TIMELINE_CAPTURE_TIME_H_

#include "exif/exif_reader.h"
#include "parcelproof/inspect.h"
#include "video/video_reader.h"

namespace parcelproof {

// Picks the best time, in this order: DateTimeOriginal+OffsetTimeOriginal,
// DateTimeDigitized+OffsetTimeDigitized, GPSDateStamp+GPSTimeStamp,
// DateTime+OffsetTime, Apple's QuickTime creationdate (local time +
// offset), XMP CreateDate (with zone), the container's UTC time, then local times of
// unknown zone (DateTimeOriginal, DateTimeDigitized, DateTime, container).
// Invalid fields (month 13, offset +25:00) are never used. Either may be null.
CaptureTime NormaliseCaptureTime(const ExifFields* exif, const VideoTimes* video);

// Parses a capture time as written in CaptureTime::value or a store item:
// RFC 3339 with Z or offset -> zone known (value rewritten in UTC); the
// same without zone -> local (value kept).
// False when malformed.
bool ParseCaptureTime(const std::string& text, CaptureTime* out);

}  // namespace parcelproof

#endif  // PARCELPROOF_TIMELINE_CAPTURE_TIME_H_
