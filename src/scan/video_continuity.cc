#include "scan/video_continuity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "parcelproof/order.h"
#include "video/mp4_box.h"

namespace parcelproof {
namespace {

constexpr size_t kMaxGapFindings = 20;

std::string Secs(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

void Add(std::vector<ContinuityFinding>* out, const std::string& code, const std::string& severity,
         double time_s, const std::string& explanation) {
  out->push_back({code, severity, time_s, explanation});
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

void Gaps(const VideoFile& file, std::vector<ContinuityFinding>* out) {
  const std::vector<int64_t>& pres = file.presentation();
  std::vector<double> steps;
  for (size_t i = 1; i < pres.size(); ++i)
    steps.push_back(file.Seconds(pres[i]) - file.Seconds(pres[i - 1]));
  double typical = Median(steps);
  size_t found = 0;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] <= std::max(4 * typical, 0.2)) continue;
    if (++found > kMaxGapFindings) continue;
    double at = file.Seconds(pres[i]);
    Add(out, "pts-gap", steps[i] >= 1.0 ? "serious" : "warning", at,
        "no frame for " + Secs(steps[i]) + " after " + Secs(at) + " (frames are " + Secs(typical) +
            " apart elsewhere): frames may have been dropped or footage cut out");
  }
  if (found > kMaxGapFindings) {
    Add(out, "pts-gap", "warning", -1,
        std::to_string(found - kMaxGapFindings) + " more gaps in the timestamps");
  }
}

void Backwards(const VideoFile& file, std::vector<ContinuityFinding>* out) {
  const std::vector<PacketFact>& packets = file.packets();
  int64_t last_dts = INT64_MIN;
  std::map<int64_t, int> pts_count;
  int backwards = 0, repeated = 0;
  double first_at = -1;
  for (const PacketFact& p : packets) {
    if (p.dts != INT64_MIN) {  // INT64_MIN: no timestamp
      if (last_dts != INT64_MIN && p.dts < last_dts && ++backwards == 1)
        first_at = file.Seconds(p.pts);
      last_dts = std::max(last_dts, p.dts);
    }
    if (!p.discard && ++pts_count[p.pts] == 2) ++repeated;
  }
  if (backwards > 0) {
    Add(out, "pts-backwards", "serious", first_at,
        std::to_string(backwards) + " frame(s) whose decoding timestamps go backwards, first at " +
            Secs(first_at) + ": the stream may have been joined from pieces");
  }
  if (repeated > 0) {
    Add(out, "pts-backwards", "serious", -1,
        std::to_string(repeated) + " presentation time(s) used by more than one frame");
  }
}

void EditList(const VideoFile& file, std::vector<ContinuityFinding>* out) {
  int hidden = 0;
  for (const PacketFact& p : file.packets()) hidden += p.discard ? 1 : 0;
  if (hidden > 0) {
    Add(out, "edit-list", "warning", -1,
        "an edit list hides " + std::to_string(hidden) +
            " frame(s) of the stream from players: the file was trimmed or edited without "
            "re-encoding");
  }
}

void Durations(const VideoInfo& info, std::vector<ContinuityFinding>* out) {
  double d = info.duration_s;
  if (info.stream_duration_s > 0 &&
      std::fabs(info.stream_duration_s - d) > std::max(0.5, d * 0.02)) {
    Add(out, "duration-mismatch", "warning", -1,
        "the video stream's header says " + Secs(info.stream_duration_s) + ", its frames span " +
            Secs(d));
  }
  if (info.container_duration_s > 0 &&
      std::fabs(info.container_duration_s - d) > std::max(2.0, d * 0.1)) {
    Add(out, "duration-mismatch", "warning", -1,
        "the container says " + Secs(info.container_duration_s) + ", the video's frames span " +
            Secs(d));
  }
}

void CreationTimes(const VideoInfo& info, const std::string& apple,
                   std::vector<ContinuityFinding>* out) {
  long long container = 0, local = 0;
  std::string rfc, why;
  if (info.creation_time.empty() || apple.empty() || !ParseRfc3339(info.creation_time, &container))
    return;
  if (!video::NormaliseQuickTimeDate(apple, &rfc, &why) || !ParseRfc3339(rfc, &local)) return;
  double diff = std::fabs(static_cast<double>(container - local)) / 1e6;
  if (diff > 120) {
    Add(out, "creation-time-mismatch", "warning", -1,
        "the container's creation time " + info.creation_time + " and the camera's creationdate " +
            apple + " are " + Secs(diff) + " apart");
  }
}

}  // namespace

bool IsEditorEncoder(const std::string& encoder) {
  static const char* const kEditors[] = {
      "lavf",     "handbrake", "capcut",     "premiere", "adobe",    "davinci",
      "imovie",   "final cut", "inshot",     "kdenlive", "shotcut",  "movavi",
      "filmora",  "clipchamp", "videoleap",  "ffmpeg",   "avidemux", "vegas",
      "openshot", "splice",    "kinemaster", "quik"};
  std::string lower = encoder;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* e : kEditors)
    if (lower.find(e) != std::string::npos) return true;
  return false;
}

void AddStreamFindings(const VideoFile& file, std::vector<ContinuityFinding>* out,
                       std::vector<std::string>* problems) {
  const VideoInfo& info = file.info();
  Gaps(file, out);
  Backwards(file, out);
  EditList(file, out);
  if (info.video_streams > 1) {
    Add(out, "several-video-tracks", "warning", -1,
        std::to_string(info.video_streams) +
            " video tracks: only the first is scanned; the file may hold more than one recording");
  }
  Durations(info, out);
  if (IsEditorEncoder(info.encoder)) {
    Add(out, "editor-encoder", "warning", -1,
        "the encoder tag \"" + info.encoder +
            "\" names editing or re-encoding software, not camera firmware: the file was "
            "processed after recording");
  }
  CreationTimes(info, info.apple_creation_date, out);
  if (info.frame_rate <= 0)
    problems->push_back("the stream claims no frame rate; times come from timestamps");
  if (info.frame_rate > 1000)
    problems->push_back("the stream claims an absurd frame rate; times come from timestamps");
}

void AddDecodeFindings(const VideoFile& file, std::vector<ContinuityFinding>* out,
                       std::vector<std::string>* problems) {
  if (file.corrupt_frames() == 0) return;
  Add(out, "corrupt-frames", "warning", -1,
      std::to_string(file.corrupt_frames()) + " frame(s) could not be decoded");
  for (const std::string& p : file.decode_problems()) problems->push_back(p);
}

void AddVisualCuts(const std::vector<int64_t>& pts, const std::vector<std::vector<uint8_t>>& thumbs,
                   const VideoFile& file, std::vector<ContinuityFinding>* out) {
  std::vector<double> diffs;
  for (size_t i = 1; i < thumbs.size(); ++i) {
    double sum = 0;
    for (size_t k = 0; k < thumbs[i].size(); ++k) sum += std::abs(thumbs[i][k] - thumbs[i - 1][k]);
    diffs.push_back(sum / static_cast<double>(thumbs[i].size()));
  }
  double typical = Median(diffs);
  for (size_t i = 0; i < diffs.size(); ++i) {
    if (diffs[i] < 30 || diffs[i] < 5 * std::max(typical, 2.0)) continue;
    double from = file.Seconds(pts[i]), to = file.Seconds(pts[i + 1]);
    Add(out, "visual-cut", "info", to,
        "the picture changes completely between " + Secs(from) + " and " + Secs(to) +
            " (a hard cut, or the camera moved fast)");
  }
}

}  // namespace parcelproof
