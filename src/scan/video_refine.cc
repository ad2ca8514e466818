// After the coarse pass (video_scanner.h): around each run of coarse
// sightings, the exact first and last frame reading each symbol, by binary
// search between the samples without and with it (a symbol is taken to stay
// readable between its first and last sighting); near its sharpest
// sighting, a sharper frame.
//
// Each search reads frames strictly between two neighbouring coarse
// samples, so searches in different gaps read different frames. On videos
// of at most 1080p, the gaps are shared out between two lanes (this thread
// and another with a decoder of its own), each lane searching its gaps in
// the order one lane would; what they read is then merged in that order.
// The frames read, decoded and recorded are the same as on one lane: the
// result does not depend on which lane finished first.
#include <algorithm>
#include <array>
#include <memory>
#include <set>
#include <thread>
#include <utility>

#include "scan/video_scanner.h"

namespace parcelproof {
namespace {

constexpr int kBestCandidates = 2;  // sharpest unscanned frames tried near the best
// Larger frames keep one lane: two windows of decoded frames and two
// decoders would raise a 4K video's peak memory.
constexpr int64_t kTwoLaneMaxPixels = 1920LL * 1088;

// The most frames a binary search between lo and hi = lo + n reads.
int64_t MostSteps(int64_t n) {
  int64_t steps = 0;
  for (; n > 1; n -= n / 2) ++steps;
  return steps;
}

}  // namespace

struct VideoScanner::EdgeSearch {
  std::string key;
  int64_t lo = 0, hi = 0;  // presentation indices (exclusive)
  bool first = false;
};

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

// Two lanes when there are two gaps to search, the frames are small, and
// the searches cannot reach the limit of dense reads (where the order of
// reads would decide which are left out).
bool VideoScanner::EdgesInParallel(const std::vector<EdgeSearch>& searches) const {
  if (static_cast<int64_t>(out_->width) * out_->height > kTwoLaneMaxPixels) return false;
  std::set<std::pair<int64_t, int64_t>> gaps;
  size_t most = state_.dense_scans;
  for (const EdgeSearch& s : searches) {
    gaps.insert({s.lo, s.hi});
    most += static_cast<size_t>(MostSteps(s.hi - s.lo));
  }
  return gaps.size() >= 2 && most <= context_.max_dense;
}

Status VideoScanner::EdgesOnTwoLanes(const std::vector<EdgeSearch>& searches) {
  // Whole gaps to the lane with less work so far, in the order of the gaps'
  // first searches.
  std::map<std::pair<int64_t, int64_t>, int> lane_of_gap;
  std::array<int64_t, 2> load = {0, 0};
  std::vector<int> lane_of(searches.size());
  for (size_t i = 0; i < searches.size(); ++i) {
    const EdgeSearch& s = searches[i];
    auto gap = lane_of_gap.find({s.lo, s.hi});
    if (gap == lane_of_gap.end())
      gap = lane_of_gap.insert({{s.lo, s.hi}, load[1] < load[0] ? 1 : 0}).first;
    lane_of[i] = gap->second;
    load[gap->second] += MostSteps(s.hi - s.lo);
  }
  std::array<ReadState, 2> states;  // each knowing the coarse samples' reads
  for (ReadState& s : states) s.read = state_.read;
  std::array<Status, 2> status;
  std::map<int64_t, VideoFrame> last_window;  // as one lane leaves it
  std::unique_ptr<VideoFile> other;
  auto run = [&](int l, VideoFile* file) -> Status {
    DenseLane lane(file, &context_, &states[l]);
    for (size_t i = 0; i < searches.size(); ++i) {
      if (lane_of[i] != l) continue;
      const EdgeSearch& s = searches[i];
      // One lane would come here from the previous search's window: kept
      // when it is this gap's, else dropped.
      if (i == 0 || searches[i - 1].lo != s.lo || searches[i - 1].hi != s.hi) lane.window().clear();
      states[l].next_order = static_cast<uint64_t>(i + 1) << 32;
      PP_RETURN_IF_ERROR(lane.FindEdge(s.key, s.lo, s.hi, s.first));
      if (i + 1 == searches.size()) last_window = std::move(lane.window());
    }
    return Status::Ok();
  };
  std::thread second([&] {
    Result<std::unique_ptr<VideoFile>> reopened = file_->Reopen();
    if (!reopened.ok()) {
      status[1] = reopened.status();
      return;
    }
    other = std::move(*reopened);
    status[1] = run(1, other.get());
  });
  status[0] = run(0, file_);
  second.join();
  if (other != nullptr) file_->AddDecodeCounts(*other);
  MergeLanes(&states);
  lane_.window() = std::move(last_window);
  PP_RETURN_IF_ERROR(status[0]);
  return status[1];
}

// What the lanes read, as one lane would have recorded it: hits in the
// order of the searches that read them. (A frame both lanes read, as when a
// corrupt frame makes the decoder hand over the next one, counts once.)
void VideoScanner::MergeLanes(std::array<ReadState, 2>* states) {
  std::map<std::string, std::vector<Hit>> hits;
  for (ReadState& s : *states) {
    for (auto& [pts, keys] : s.read) state_.read[pts].insert(keys.begin(), keys.end());
    state_.partial.insert(s.partial.begin(), s.partial.end());
    state_.scanned += s.scanned;
    state_.dense_scans += s.dense_scans;
    for (auto& [key, list] : s.hits) hits[key].insert(hits[key].end(), list.begin(), list.end());
  }
  for (auto& [key, list] : hits) {
    std::vector<Hit>& to = state_.hits[key];
    std::set<int64_t> known;
    for (const Hit& h : to) known.insert(h.pts);
    std::sort(list.begin(), list.end(),
              [](const Hit& a, const Hit& b) { return a.order < b.order; });
    for (Hit& h : list) {
      if (!known.insert(h.pts).second) continue;
      h.order = state_.next_order++;
      to.push_back(h);
    }
  }
}

// For each symbol, half a step either side of its sharpest read (not
// reaching back before that frame's key frame: the previous group of
// pictures would be decoded for a few frames): the frames whose symbol
// region is sharper than there (measured without scanning) are scanned,
// the sharpest first. Symbols whose ranges overlap share one decoded window.
Status VideoScanner::SharpestReads() {
  const std::vector<int64_t>& pres = file_->presentation();
  int64_t n = static_cast<int64_t>(pres.size());
  struct Range {
    int64_t from, to;
    std::string key;
    Hit best;
  };
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
  for (size_t i = 0; i < ranges.size();) {
    int64_t from = ranges[i].from, to = ranges[i].to;
    size_t j = i + 1;
    while (j < ranges.size() && ranges[j].from <= to + 1 &&
           std::max(to, ranges[j].to) - from + 1 <= most)
      to = std::max(to, ranges[j++].to);
    lane_.SetWindow(from, to);
    PP_RETURN_IF_ERROR(lane_.LoadWindow());
    for (; i < j; ++i) {
      const Range& r = ranges[i];
      std::vector<std::pair<double, int64_t>> ranked;  // (-sharpness, index)
      for (const auto& [pts, frame] : lane_.window()) {
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
      PP_RETURN_IF_ERROR(lane_.ReadAll(candidates, r.key));
    }
  }
  return Status::Ok();
}

Status VideoScanner::Refine() {
  std::vector<EdgeSearch> searches = EdgeSearches();
  if (!hooks_.one_lane && EdgesInParallel(searches)) {
    PP_RETURN_IF_ERROR(EdgesOnTwoLanes(searches));
  } else {
    for (const EdgeSearch& s : searches) {
      PP_RETURN_IF_ERROR(lane_.FindEdge(s.key, s.lo, s.hi, s.first));
    }
  }
  PP_RETURN_IF_ERROR(SharpestReads());
  lane_.window().clear();
  return Status::Ok();
}

}  // namespace parcelproof
