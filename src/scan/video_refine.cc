// After the coarse pass (video_scanner.h): around each run of coarse
// sightings, the exact first and last frame reading each symbol, by binary
// search between the samples without and with it (a symbol is taken to stay
// readable between its first and last sighting); near its sharpest
// sighting, a sharper frame.
//
// Each search reads frames strictly between two neighbouring coarse
// samples, so searches in different gaps read different frames; so do the
// sharpest reads of windows that do not overlap. On videos of at most
// 1080p they run on two lanes (video_lanes.cc), whole gaps or windows to a
// lane, each lane in the order one lane would take, its window of decoded
// frames as one lane would have it: the frames read, decoded and recorded
// are the same as on one lane.
#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "scan/video_scanner.h"

namespace parcelproof {
namespace {

constexpr int kBestCandidates = 2;  // sharpest unscanned frames tried near the best
// Larger frames keep one lane: two windows of decoded frames and two
// decoders would raise a 4K video's peak memory.
constexpr int64_t kTwoLaneMaxPixels = 1920LL * 1088;

// The most frames a binary search between lo and lo + n reads.
int64_t MostSteps(int64_t n) {
  int64_t steps = 0;
  for (; n > 1; n -= n / 2) ++steps;
  return steps;
}

// Tasks with costs to two lanes, in order, each to the lane with less work
// so far; tasks of the same group (a gap) to the same lane.
std::vector<int> ShareOut(const std::vector<int64_t>& group, const std::vector<int64_t>& cost) {
  std::map<int64_t, int> lane_of_group;
  std::array<int64_t, 2> load = {0, 0};
  std::vector<int> lane_of(group.size());
  for (size_t i = 0; i < group.size(); ++i) {
    auto g = lane_of_group.find(group[i]);
    if (g == lane_of_group.end()) g = lane_of_group.insert({group[i], load[1] < load[0]}).first;
    lane_of[i] = g->second;
    load[g->second] += cost[i];
  }
  return lane_of;
}

}  // namespace

struct VideoScanner::EdgeSearch {
  std::string key;
  int64_t lo = 0, hi = 0;  // presentation indices (exclusive)
  bool first = false;
};

struct VideoScanner::Window {
  int64_t from = 0, to = 0;  // presentation indices
  std::vector<Range> ranges;
};

bool VideoScanner::TwoLanes() const {
  return !hooks_.one_lane && static_cast<int64_t>(out_->width) * out_->height <= kTwoLaneMaxPixels;
}

// The searches one lane runs, in order: for each symbol, for each run of
// coarse samples reading it, the first frame (between the sample before
// and the run's first) and the last (between its last and the sample
// after). Searches with no frame to read are left out.
std::vector<VideoScanner::EdgeSearch> VideoScanner::EdgeSearches() const {
  std::map<std::string, std::set<int64_t>> seen;  // coarse sightings, before refining
  for (const auto& [key, hits] : state_.hits)
    for (const Hit& h : hits) seen[key].insert(h.pts);
  int64_t n = static_cast<int64_t>(file_->presentation().size());
  std::vector<EdgeSearch> out;
  auto add = [&out](const std::string& key, int64_t lo, int64_t hi, bool first) {
    if (hi - lo > 1) out.push_back({key, lo, hi, first});
  };
  for (const auto& [key, at] : seen) {
    for (size_t i = 0; i < coarse_.size(); ++i) {
      if (!at.count(coarse_[i])) continue;
      int64_t here = IndexOf(coarse_[i]);
      if (i == 0 || !at.count(coarse_[i - 1]))
        add(key, i == 0 ? -1 : IndexOf(coarse_[i - 1]), here, true);
      if (i + 1 == coarse_.size() || !at.count(coarse_[i + 1]))
        add(key, here, i + 1 == coarse_.size() ? n : IndexOf(coarse_[i + 1]), false);
    }
  }
  return out;
}

// On two lanes when there are two gaps to search and the searches cannot
// reach the limit of dense reads (where the order of reads would decide
// which are left out).
Status VideoScanner::FindEdges() {
  std::vector<EdgeSearch> searches = EdgeSearches();
  std::vector<int64_t> gap(searches.size()), cost(searches.size());
  size_t most = state_.dense_scans;
  for (size_t i = 0; i < searches.size(); ++i) {
    gap[i] = searches[i].lo;  // (gaps between neighbouring samples: lo names one)
    cost[i] = MostSteps(searches[i].hi - searches[i].lo);
    most += static_cast<size_t>(cost[i]);
  }
  bool two = TwoLanes() && most <= context_.max_dense &&
             std::set<int64_t>(gap.begin(), gap.end()).size() >= 2;
  if (hooks_.on_lanes) hooks_.on_lanes("edges", two);
  if (!two) {
    for (const EdgeSearch& s : searches)
      PP_RETURN_IF_ERROR(lane_.FindEdge(s.key, s.lo, s.hi, s.first));
    return Status::Ok();
  }
  std::map<int64_t, VideoFrame> last_window;  // as one lane leaves it
  PP_RETURN_IF_ERROR(OnTwoLanes(1, ShareOut(gap, cost), [&](DenseLane* lane, size_t i) {
    const EdgeSearch& s = searches[i];
    // One lane would come here from the previous search's window: kept
    // when it is this gap's, else dropped.
    if (i > 0 && gap[i - 1] != gap[i]) lane->window().clear();
    PP_RETURN_IF_ERROR(lane->FindEdge(s.key, s.lo, s.hi, s.first));
    if (i + 1 == searches.size()) last_window = std::move(lane->window());
    return Status::Ok();
  }));
  lane_.window() = std::move(last_window);
  return Status::Ok();
}

// For each symbol, half a step either side of its sharpest read (not
// reaching back before that frame's key frame: the previous group of
// pictures would be decoded for a few frames). Symbols whose ranges
// overlap share one window of decoded frames.
std::vector<VideoScanner::Window> VideoScanner::SharpestWindows() const {
  const std::vector<int64_t>& pres = file_->presentation();
  int64_t n = static_cast<int64_t>(pres.size());
  std::vector<Range> ranges;
  for (const auto& [key, hits] : state_.hits) {
    const Hit best = *std::max_element(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.sharpness < b.sharpness;
    });
    int64_t at = IndexOf(best.pts), from = at, to = at;
    auto k = std::upper_bound(key_index_.begin(), key_index_.end(), at);
    int64_t gop_start = k == key_index_.begin() ? 0 : *(k - 1);
    while (from > gop_start && file_->Seconds(pres[from - 1]) >= best.time_s - step_ / 2) --from;
    while (to + 1 < n && file_->Seconds(pres[to + 1]) <= best.time_s + step_ / 2) ++to;
    ranges.push_back({from, to, key, best});
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.from < b.from; });
  const int64_t most = lane_.WindowFrames();
  std::vector<Window> windows;
  for (size_t i = 0; i < ranges.size();) {
    Window w{ranges[i].from, ranges[i].to, {ranges[i]}};
    for (++i; i < ranges.size() && ranges[i].from <= w.to + 1 &&
              std::max(w.to, ranges[i].to) - w.from + 1 <= most;
         ++i) {
      w.to = std::max(w.to, ranges[i].to);
      w.ranges.push_back(ranges[i]);
    }
    windows.push_back(std::move(w));
  }
  return windows;
}

// In each window, for each symbol, the frames whose symbol region is
// sharper than at its sharpest read (measured without scanning) are
// scanned, the sharpest first.
Status VideoScanner::ReadSharpest(DenseLane* lane, const Window& w) {
  lane->SetWindow(w.from, w.to);
  PP_RETURN_IF_ERROR(lane->LoadWindow());
  for (const Range& r : w.ranges) {
    std::vector<std::pair<double, int64_t>> ranked;  // (-sharpness, index)
    for (const auto& [pts, frame] : lane->window()) {
      int64_t index = IndexOf(pts);
      if (index < r.from || index > r.to) continue;
      double scale = static_cast<double>(out_->width) / frame.gray.width;
      std::array<int, 4> box = BoxOf(r.best.barcode.corners, scale, frame.gray);
      double sharp = Sharpness(frame.gray, box[0], box[1], box[2], box[3], 1);
      if (sharp > r.best.sharpness) ranked.push_back({-sharp, index});
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<int64_t> candidates;
    for (size_t c = 0; c < ranked.size() && c < static_cast<size_t>(kBestCandidates); ++c)
      candidates.push_back(ranked[c].second);
    PP_RETURN_IF_ERROR(lane->ReadAll(candidates, r.key));
  }
  return Status::Ok();
}

// On two lanes when no two windows overlap (one lane would keep the frames
// two neighbours share) and the reads cannot reach the limit.
Status VideoScanner::SharpestReads() {
  std::vector<Window> windows = SharpestWindows();
  std::vector<int64_t> group(windows.size()), cost(windows.size());
  bool apart = true;
  size_t most = state_.dense_scans;
  for (size_t i = 0; i < windows.size(); ++i) {
    group[i] = static_cast<int64_t>(i);
    cost[i] = windows[i].to - windows[i].from + 1;
    most += windows[i].ranges.size() * kBestCandidates;
    apart &= i == 0 || windows[i].from > windows[i - 1].to;
  }
  bool two = TwoLanes() && apart && windows.size() >= 2 && most <= context_.max_dense;
  if (hooks_.on_lanes) hooks_.on_lanes("sharpest", two);
  if (!two) {
    for (const Window& w : windows) PP_RETURN_IF_ERROR(ReadSharpest(&lane_, w));
    return Status::Ok();
  }
  return OnTwoLanes(2, ShareOut(group, cost), [&](DenseLane* lane, size_t i) {
    // One lane would have dropped every frame of the window before.
    if (i > 0) lane->window().clear();
    return ReadSharpest(lane, windows[i]);
  });
}

Status VideoScanner::Refine() {
  Status status = FindEdges();
  if (status.ok()) status = SharpestReads();
  lane_.window().clear();
  if (other_ != nullptr) file_->AddDecodeCounts(*other_);
  other_.reset();
  return status;
}

}  // namespace parcelproof
