// A video's continuity indicators (from its scan at ingest) as timeline
// findings about the video item: worded as indicators, never as proof, with
// the scan's severity and the time in the video.

#include "core/media_time.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

Severity SeverityOf(const std::string& s) {
  if (s == "serious") return Severity::kSerious;
  if (s == "warning") return Severity::kWarning;
  return Severity::kInfo;
}

}  // namespace

void VideoFindings(const TimelineItem& item, std::vector<Finding>* out) {
  for (const VideoIndicator& v : item.video_continuity) {
    std::string where = v.time_s >= 0 ? " at " + MediaClock(v.time_s) : "";
    std::string code = "video-" + v.code;
    std::string text = v.explanation;
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    AddFinding(out, code.c_str(), SeverityOf(v.severity), item,
               ItemLabel(item) + where + ": " + text +
                   ". This is an indicator of a cut or an edit, not proof of one.");
  }
}

}  // namespace parcelproof
