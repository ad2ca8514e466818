// Dense reads on two lanes (video_scanner.h): lane 0 on this thread with
// the scanner's decoder, lane 1 on another thread with a second decoder on
// the same file. Tasks are given to lanes before they start, each lane
// records in a ReadState of its own (knowing what was read before), and
// the states are merged as one lane running every task in order would have
// left them: the result never depends on which lane finished first. Each
// decoder's corrupt-frame messages carry the phase and task that met them,
// so that the two decoders' are listed in that order too.
#include <algorithm>
#include <thread>
#include <utility>

#include "scan/video_scanner.h"

namespace parcelproof {

Status VideoScanner::OnTwoLanes(int phase, const std::vector<int>& lane_of, const LaneTask& task) {
  std::array<ReadState, 2> states;
  for (ReadState& s : states) {
    s.read = state_.read;
    s.partial = state_.partial;
  }
  std::array<Status, 2> status;
  auto run = [&](int l, DenseLane* lane) -> Status {
    for (size_t i = 0; i < lane_of.size(); ++i) {
      if (lane_of[i] != l) continue;
      lane->state()->next_order = static_cast<uint64_t>(i + 1) << 32;
      lane->file()->set_problem_order(static_cast<uint64_t>(phase) << 40 | (i + 1));
      PP_RETURN_IF_ERROR(task(lane, i));
    }
    return Status::Ok();
  };
  DenseLane first(file_, &context_, &states[0]);
  first.window() = std::move(lane_.window());  // as one lane would start
  bool opened = other_ != nullptr;
  std::thread second([&] {
    if (!opened) {
      Result<std::unique_ptr<VideoFile>> reopened = file_->Reopen();
      if (!reopened.ok()) return;
      other_ = std::move(*reopened);
      opened = true;
    }
    DenseLane lane(other_.get(), &context_, &states[1]);
    status[1] = run(1, &lane);
  });
  status[0] = run(0, &first);
  second.join();
  // The file could not be opened again (moved away meanwhile, out of file
  // descriptors): the second lane's tasks here, after the first's.
  if (!opened && status[0].ok()) status[1] = run(1, &first);
  MergeLanes(&states);
  // What this decoder meets next comes after every task of the phase.
  file_->set_problem_order(static_cast<uint64_t>(phase + 1) << 40);
  PP_RETURN_IF_ERROR(status[0]);
  return status[1];
}

// Hits in the order of the tasks that recorded them; a frame both lanes
// read (as when a corrupt frame makes the decoder hand over the next one)
// counts once. Each lane's reads of frames its tasks own replace what was
// known of them.
void VideoScanner::MergeLanes(std::array<ReadState, 2>* states) {
  std::map<int64_t, std::set<std::string>> partial = state_.partial;
  std::map<std::string, std::vector<Hit>> hits;
  for (ReadState& s : *states) {
    for (auto& [pts, keys] : s.read) state_.read[pts].insert(keys.begin(), keys.end());
    for (const auto& [pts, keys] : state_.partial)
      if (!s.partial.count(pts)) partial.erase(pts);  // read again in full
    for (auto& [pts, keys] : s.partial) partial[pts] = keys;
    state_.scanned += s.scanned;
    state_.dense_scans += s.dense_scans;
    for (auto& [key, list] : s.hits) {
      std::vector<Hit>& to = hits[key];
      for (Hit& h : list) to.push_back(std::move(h));
    }
  }
  state_.partial = std::move(partial);
  for (auto& [key, list] : hits) {
    std::vector<Hit>& to = state_.hits[key];
    std::set<int64_t> known;
    for (const Hit& h : to) known.insert(h.pts);
    std::sort(list.begin(), list.end(),
              [](const Hit& a, const Hit& b) { return a.order < b.order; });
    for (Hit& h : list) {
      if (!known.insert(h.pts).second) continue;
      h.order = state_.next_order++;
      to.push_back(std::move(h));
    }
  }
}

}  // namespace parcelproof
