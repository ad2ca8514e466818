// Continuity indicators of a video (never proof, and worded so): gaps and
// backward steps in presentation timestamps, media hidden by edit lists,
// several video tracks, durations that disagree, an encoder tag of editing
// software, creation times that disagree, corrupt frames, hard visual cuts.
#ifndef PARCELPROOF_SCAN_VIDEO_CONTINUITY_H_
#define PARCELPROOF_SCAN_VIDEO_CONTINUITY_H_

#include <string>
#include <vector>

#include "av/video_file.h"
#include "parcelproof/video.h"

namespace parcelproof {

// From the packet index and the container's facts.
void AddStreamFindings(const VideoFile& file, std::vector<ContinuityFinding>* out,
                       std::vector<std::string>* problems);
// After decoding: corrupt frames.
void AddDecodeFindings(const VideoFile& file, std::vector<ContinuityFinding>* out,
                       std::vector<std::string>* problems);
// From 16x9 thumbnails of consecutive sampled frames: a picture that changes
// completely between two samples while the others barely change.
void AddVisualCuts(const std::vector<int64_t>& pts, const std::vector<std::vector<uint8_t>>& thumbs,
                   const VideoFile& file, std::vector<ContinuityFinding>* out);

// True when an encoder tag names editing or re-encoding software.
bool IsEditorEncoder(const std::string& encoder);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_CONTINUITY_H_
