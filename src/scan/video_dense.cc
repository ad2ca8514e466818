// Dense reads of a video's frames (video_dense.h): a window of decoded
// frames between two coarse samples, each frame read once, and the binary
// search of the first and last frame reading a symbol.
#include "scan/video_dense.h"

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <utility>

namespace parcelproof {

void ReadState::Record(const FrameResult& r, bool again, const DenseContext& context) {
  if (read.count(r.pts) && !again) return;
  std::set<std::string>& read_here = read[r.pts];
  for (const FrameHit& h : r.hits) {
    std::string key = h.barcode.format + '\n' + h.barcode.text;
    if (!read_here.insert(key).second) continue;  // (read again: only what is new)
    hits[key].push_back({r.time_s, r.pts, r.index, h.barcode, h.sharpness, h.area, next_order++});
  }
  if (again) return;
  ++scanned;
  int total = context.scanned_total->fetch_add(1) + 1;
  if (context.abort_after > 0 && total >= context.abort_after) std::abort();
}

int64_t DenseLane::IndexOf(int64_t pts) const {
  const std::vector<int64_t>& pres = file_->presentation();
  return std::lower_bound(pres.begin(), pres.end(), pts) - pres.begin();
}

void DenseLane::SetWindow(int64_t from, int64_t to) {
  from_ = std::max<int64_t>(from, 0);
  to_ = std::min<int64_t>(to, static_cast<int64_t>(file_->presentation().size()) - 1);
  for (auto it = window_.begin(); it != window_.end();) {
    int64_t i = IndexOf(it->first);
    it = i < from_ || i > to_ ? window_.erase(it) : std::next(it);
  }
  loaded_ = false;
}

Status DenseLane::LoadWindow() {
  if (loaded_) return Status::Ok();
  loaded_ = true;
  const std::vector<int64_t>& pres = file_->presentation();
  DecodeRequest req;
  req.max_side = kScanMaxSide;
  for (int64_t i = from_; i <= to_; ++i)
    if (!state_->read.count(pres[i]) && !window_.count(pres[i])) req.targets.push_back(pres[i]);
  int64_t frames = static_cast<int64_t>(req.targets.size() + window_.size());
  if (req.targets.empty() || frames > WindowFrames()) return Status::Ok();
  return file_->Decode(req, [this](VideoFrame& v) {
    int64_t pts = v.pts;
    window_[pts] = std::move(v);
    return true;
  });
}

int64_t DenseLane::WindowFrames() const {
  constexpr int64_t kWindowBytes = 96LL << 20;  // decoded frames kept for one window
  int64_t side = std::max(context_->width, context_->height);
  double f = side > kScanMaxSide ? static_cast<double>(kScanMaxSide) / side : 1.0;
  double frame_bytes = std::max(1.0, f * f * context_->width * context_->height);
  return static_cast<int64_t>(static_cast<double>(kWindowBytes) / frame_bytes);
}

// The symbols a dense frame at pts is read for: `key` and those of the two
// coarse samples either side (a frame between two samples reading the same
// symbols, as near the edges of a sighting, skips the decoder's remaining
// steps once it has read them all; what it reads of them is unchanged).
std::set<std::string> DenseLane::Expected(int64_t pts, const std::string& key) const {
  const std::vector<int64_t>& coarse = *context_->coarse;
  std::set<std::string> out = {key};
  auto after = std::upper_bound(coarse.begin(), coarse.end(), pts);
  for (auto it : {after, after == coarse.begin() ? coarse.end() : after - 1}) {
    if (it == coarse.end()) continue;
    auto seen = context_->seen->find(*it);
    if (seen != context_->seen->end())
      out.insert(seen->second.read.begin(), seen->second.read.end());
  }
  return out;
}

Result<bool> DenseLane::Reads(int64_t index, const std::string& key) {
  int64_t pts = file_->presentation()[index];
  auto done = state_->read.find(pts);
  auto partial = state_->partial.find(pts);
  bool again = done != state_->read.end() && partial != state_->partial.end() &&
               !partial->second.count(key) && !done->second.count(key);
  if (done == state_->read.end() || again) {
    if (state_->dense_scans >= context_->max_dense) return false;
    ++state_->dense_scans;
    std::set<std::string> enough;
    if (again) {
      state_->partial.erase(partial);  // read in full this time
    } else {
      enough = Expected(pts, key);
      state_->partial[pts] = enough;
    }
    auto read = [this, &enough, again](const VideoFrame& v) {
      state_->Record(ScanFrame(v, context_->width, context_->delay_ms, enough), again, *context_);
      return true;
    };
    PP_RETURN_IF_ERROR(LoadWindow());
    auto it = window_.find(pts);
    if (it != window_.end()) {
      read(it->second);
    } else {
      DecodeRequest req;
      req.targets = {pts};
      req.max_side = kScanMaxSide;
      PP_RETURN_IF_ERROR(file_->Decode(req, read));
      state_->read[pts];  // an undecodable frame counts as read without symbols
    }
  }
  return state_->read[pts].count(key) > 0;
}

Status DenseLane::ReadAll(const std::vector<int64_t>& indices, const std::string& key) {
  struct Job {
    int64_t pts;
    bool again;
    const VideoFrame* frame;
    FrameResult result;
  };
  std::vector<Job> jobs;
  bool at_once = loaded_;
  for (int64_t index : indices) {
    int64_t pts = file_->presentation()[index];
    auto done = state_->read.find(pts);
    auto partial = state_->partial.find(pts);
    bool again = done != state_->read.end() && partial != state_->partial.end() &&
                 !partial->second.count(key) && !done->second.count(key);
    if (done != state_->read.end() && !again) continue;
    auto frame = window_.find(pts);
    at_once &= frame != window_.end();
    if (at_once) jobs.push_back({pts, again, &frame->second, {}});
  }
  at_once &= jobs.size() > 1 && state_->dense_scans + jobs.size() <= context_->max_dense;
  if (!at_once) {
    for (int64_t index : indices) {
      Result<bool> seen = Reads(index, key);
      if (!seen.ok()) return seen.status();
    }
    return Status::Ok();
  }
  std::vector<std::set<std::string>> enough(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j) {  // as Reads does, in turn
    ++state_->dense_scans;
    if (jobs[j].again) {
      state_->partial.erase(jobs[j].pts);
    } else {
      enough[j] = Expected(jobs[j].pts, key);
      state_->partial[jobs[j].pts] = enough[j];
    }
  }
  auto scan = [this, &jobs, &enough](size_t j) {
    jobs[j].result = ScanFrame(*jobs[j].frame, context_->width, context_->delay_ms, enough[j]);
  };
  std::vector<std::thread> others;
  for (size_t j = 1; j < jobs.size(); ++j) others.emplace_back(scan, j);
  scan(0);
  for (std::thread& t : others) t.join();
  for (const Job& job : jobs) state_->Record(job.result, job.again, *context_);
  return Status::Ok();
}

Status DenseLane::FindEdge(const std::string& key, int64_t lo, int64_t hi, bool first) {
  if (hi - lo <= 1) return Status::Ok();
  SetWindow(lo + 1, hi - 1);
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    Result<bool> seen = Reads(mid, key);
    if (!seen.ok()) return seen.status();
    ((*seen == first) ? hi : lo) = mid;
  }
  return Status::Ok();
}

}  // namespace parcelproof
