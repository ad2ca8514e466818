// Videos at ingest: the scan runs in a worker process of its own (as in
// `scan`; the time limit grows with the duration), the tracking numbers it
// reads link the video to orders, the label verdicts keep the times in the
// video, and evidence stills (the best frame of each tracking-number read,
// the sharpest frame in each of N windows) are stored as derived items
// that record their parent, presentation time, frame index and decoder.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/media_time.h"
#include "parcelproof/check.h"
#include "parcelproof/clock.h"
#include "parcelproof/order.h"
#include "scan/scan_json.h"
#include "scan/video_stills.h"
#include "store/ingest_meta.h"
#include "store/ingest_work.h"
#include "store/json_text.h"

namespace parcelproof::store {
namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Times to the microsecond, as in the scan JSON.
std::string Seconds(double s) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", std::round(s * 1e6) / 1e6);
  std::string t = buf;
  while (t.size() > 1 && t.back() == '0' && t[t.size() - 2] != '.') t.pop_back();
  return t;
}

std::string StillMetadata(const VideoStill& s, const std::string& parent,
                          const std::string& video_name) {
  JsonObject o;
  o.Str("of", parent).Str("purpose", s.pick.purpose);
  o.Raw("time_s", Seconds(s.pick.time_s)).Int("frame", s.pick.frame).Int("pts", s.pts);
  o.Str("clock", MediaClock(s.pick.time_s)).Str("decoder", s.decoder);
  o.Str("command", "ffmpeg -ss " + SeekArgument(s.pick.time_s) + " -i " + video_name +
                       " -frames:v 1 still.png");
  o.Int("width", s.width).Int("height", s.height);
  if (s.pick.has_barcode) o.Raw("barcodes", "[" + BarcodeToJsonText(s.pick.barcode) + "]");
  return JsonObject().Raw("still", o.Text()).Text();
}

}  // namespace

std::vector<std::string> VideoLinkCandidates(const VideoScan& scan) {
  std::vector<std::string> out;
  for (const VideoBarcode& b : scan.barcodes) {
    if (!CountsForVerdict(b)) continue;
    for (const TrackingCandidate& t : b.barcode.tracking) out.push_back(t.number);
  }
  return out;
}

void Ingester::ScanVideo(Work& w) {
  VideoScanOptions o;
  o.jobs = 1;
  o.timeout_seconds = options_.video_timeout_seconds;
  std::vector<VideoScan> scans = ScanVideos({w.staged.blob_path}, o);
  if (scans.empty()) return;
  w.video_scan = std::move(scans.front());
  w.video_scan.file = BaseName(w.path);
  w.has_video_scan = true;
  if (!w.video_scan.status.ok()) {
    w.problems.push_back("scan: " + w.video_scan.status.ToString());
    return;
  }
  if (w.video_scan.sha256 != w.staged.sha256) {
    w.problems.push_back("scanner saw different bytes (" + w.video_scan.sha256 + ")");
  }
  for (const VideoBarcode& b : w.video_scan.barcodes) w.info.barcodes.push_back(b.barcode.text);
}

std::vector<LabelVerdict> Ingester::CheckVideoLabels(Work& w,
                                                     const std::vector<std::string>& orders) {
  std::vector<LabelVerdict> verdicts;
  std::vector<LabelCheck> checks;
  if (!w.video_scan.status.ok()) return verdicts;
  for (const std::string& id : orders) {
    Result<Order> order = store_.FindOrder(id);
    if (!order.ok()) continue;
    LabelCheck c = CheckVideo(w.video_scan, ExpectationFromOrder(*order));
    c.file = w.path;
    verdicts.push_back({id, VerdictName(c.verdict), c.reasons});
    checks.push_back(std::move(c));
  }
  if (!checks.empty()) w.info.metadata_json = CheckReportJson(checks);  // staged into metadata
  return verdicts;
}

void Ingester::AddStills(Work& w, const std::vector<std::string>& orders) {
  if (!w.video_scan.status.ok()) return;
  std::vector<StillPick> picks = PickStills(w.video_scan, options_.stills);
  double limit = std::min(options_.video_timeout_seconds + w.video_scan.duration_s / 4,
                          10.0 * options_.video_timeout_seconds);
  std::vector<std::string> problems;
  Result<std::vector<VideoStill>> stills =
      ExtractStills(w.staged.blob_path, picks, limit, &problems);
  if (!stills.ok()) problems.push_back(stills.status().ToString());
  std::string name = BaseName(w.path);
  for (const VideoStill& s : stills.ok() ? *stills : std::vector<VideoStill>()) {
    StoreItem info;
    info.kind = ItemKind::kDerived;
    info.parent_sha256 = w.staged.sha256;
    info.media_type = "image/jpeg";
    char frame[32];  // zero-padded, so that names sort in time order
    std::snprintf(frame, sizeof frame, "%08lld", static_cast<long long>(s.pick.frame));
    info.original_name = name + ".still-frame" + frame + "-" + s.pick.purpose + ".jpg";
    info.metadata_json = StillMetadata(s, w.staged.sha256, name);
    long long start = 0;
    if (!w.info.capture_time.empty() && ParseRfc3339(w.info.capture_time, &start)) {
      info.capture_time =
          FormatUtc(start + static_cast<int64_t>(std::llround(s.pick.time_s * 1e6)), 3);
      info.capture_time_source = "video " + w.info.capture_time_source + " + frame time";
    }
    AddRequest req{w.path, "still", orders};
    Result<AddOutcome> out = store_.AddBytes(s.jpeg, req, info);
    if (!out.ok()) problems.push_back("still not stored: " + out.status().ToString());
  }
  if (!problems.empty()) {
    w.line.reason += (w.line.reason.empty() ? "" : "; ") + problems.front();
  }
}

}  // namespace parcelproof::store
