// Building an item's metadata during ingest: EXIF fields to JSON, capture
// time from EXIF, video container times, and the metadata object.
#ifndef PARCELPROOF_STORE_INGEST_META_H_
#define PARCELPROOF_STORE_INGEST_META_H_

#include <string>
#include <vector>

#include "exif/exif_reader.h"
#include "parcelproof/check.h"
#include "parcelproof/scan.h"
#include "parcelproof/store.h"
#include "parcelproof/video.h"

namespace parcelproof::store {

// {"date_time_original":...,"gps":{...},"orientation":6,"problems":[...]}:
// only the fields present.
std::string ExifJson(const ExifFields& f);

// Fills info->capture_time and capture_time_source from EXIF with the
// timeline's normalisation (NormaliseCaptureTime). Leaves them empty when
// no valid time is present.
void CaptureTimeFromExif(const ExifFields& f, StoreItem* info);

// Reads container times of the video at path into info (capture time,
// metadata "video" object text in *video_json). Corrupt when the container
// is not recognised or broken beyond reading any time or duration.
Status ReadVideoInfo(const std::string& path, StoreItem* info, std::string* video_json);

// Assembles the metadata object from raw JSON parts (empty parts omitted);
// file_modified_at is the source file's mtime (RFC 3339 UTC).
std::string MetadataJson(const std::string& exif_json, const std::string& scan_json,
                         const std::string& checks_json, const std::string& video_json,
                         const std::vector<std::string>& problems,
                         const std::string& file_modified_at,
                         const std::string& conversation_json = "");

// Every tracking number and raw text that the barcodes show, for auto-linking.
std::vector<std::string> LinkCandidates(const ImageScan& scan);
// The tracking numbers a video shows long or large enough to count for a
// verdict (CountsForVerdict), for auto-linking (ingest_video.cc).
std::vector<std::string> VideoLinkCandidates(const VideoScan& scan);

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_INGEST_META_H_
