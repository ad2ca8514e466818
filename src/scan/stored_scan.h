// The scan a stored video's metadata keeps ({"scan":{"videos":[...]}},
// written at ingest), for modules that do not read JSON themselves (store).
#ifndef PARCELPROOF_SCAN_STORED_SCAN_H_
#define PARCELPROOF_SCAN_STORED_SCAN_H_

#include <string>

#include "parcelproof/video.h"

namespace parcelproof {

// Reads the first video scan of a stored item's metadata into scan. False
// when the metadata has none (the scan failed, the item is not a video) or
// it is malformed; scan is then left as it was.
bool ReadStoredVideoScan(const std::string& metadata_json, VideoScan* scan);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_STORED_SCAN_H_
