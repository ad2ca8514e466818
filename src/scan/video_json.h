// VideoScan <-> JSON: the "videos" entries of scan --json, and the worker
// protocol (which also carries the sampled frames).
#ifndef PARCELPROOF_SCAN_VIDEO_JSON_H_
#define PARCELPROOF_SCAN_VIDEO_JSON_H_

#include <string>

#include "parcelproof/video.h"

namespace parcelproof {

// One video as in schemas/scan.schema.json; with_samples adds "samples".
std::string VideoScanToJson(const VideoScan& scan, bool with_samples);
// Reads back what VideoScanToJson wrote. False on malformed text.
bool VideoScanFromJson(const std::string& text, VideoScan* scan);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_JSON_H_
