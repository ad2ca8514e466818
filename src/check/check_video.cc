// The label verdict of a packing video: the photo rules (check.cc) applied
// to the symbols that count, with the times at which each was read. A read
// counts when it is the order's own number, was seen for at least 1 s, or
// covered at least 1% of the frame; the rest is background, reported only.
#include <cstdio>
#include <set>

#include "label/tracking.h"
#include "parcelproof/video.h"

namespace parcelproof {
namespace {

constexpr double kMinSeenSeconds = 1.0;
constexpr double kMinAreaFraction = 0.01;

std::string Span(const VideoBarcode& b) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.3f-%.3f s, %d frame(s), best frame %lld at %.3f s",
                b.first_seen_s, b.last_seen_s, b.frames_seen, static_cast<long long>(b.best_frame),
                b.best_time_s);
  return buf;
}

bool IsOwn(const VideoBarcode& b, const std::set<std::string>& own) {
  for (const TrackingCandidate& t : b.barcode.tracking)
    if (own.count(t.number)) return true;
  return false;
}

void Replace(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size()))
    s->replace(at, from.size(), to);
}

// Times of every tracking read, and the rewording of photo reasons for a video.
void AddTimes(const VideoScan& scan, const std::set<std::string>& own,
              const std::set<std::string>& counted, LabelCheck* c) {
  for (const VideoBarcode& b : scan.barcodes) {
    if (b.barcode.tracking.empty()) continue;
    const std::string& n = b.barcode.tracking.front().number;
    if (!counted.count(b.barcode.format + "\n" + b.barcode.text)) {
      c->reasons.push_back("tracking " + n + " seen only briefly and small (" + Span(b) +
                           "): reported, not counted");
      continue;
    }
    c->reasons.push_back("tracking " + n + " (" + b.barcode.format + ") read at " + Span(b));
  }
  for (std::string& r : c->reasons) {
    Replace(&r, "on the photo", "in the video");
    Replace(&r, "is also on the parcel: two labels stacked? remove the wrong one",
            "is also read in this packing video: two parcels' labels in one video (a mix-up, "
            "or a splice of two parcels' clips)");
  }
}

}  // namespace

bool CountsForVerdict(const VideoBarcode& b) {
  return b.last_seen_s - b.first_seen_s >= kMinSeenSeconds || b.max_area >= kMinAreaFraction;
}

LabelCheck CheckVideo(const VideoScan& scan, const Expectation& expect) {
  ImageScan counted;
  counted.file = scan.file;
  counted.sha256 = scan.sha256;
  counted.status = scan.status;
  std::set<std::string> own, keys;
  for (const std::string& n : expect.tracking_numbers) own.insert(CanonicalTracking(n));
  for (const VideoBarcode& b : scan.barcodes) {
    if (!CountsForVerdict(b) && !IsOwn(b, own)) continue;
    counted.barcodes.push_back(b.barcode);
    keys.insert(b.barcode.format + "\n" + b.barcode.text);
  }
  LabelCheck c = CheckLabel(counted, expect);
  if (!scan.status.ok()) {
    c.reasons = {"video unreadable: " + scan.status.message()};
    return c;
  }
  AddTimes(scan, own, keys, &c);
  return c;
}

LabelCheck CheckVideoAgainstOrders(const VideoScan& scan, const std::vector<Order>& orders) {
  for (const Order& order : orders) {
    std::set<std::string> own;
    for (const TrackingNumber& t : order.tracking) own.insert(CanonicalTracking(t.number));
    for (const VideoBarcode& b : scan.barcodes) {
      if (IsOwn(b, own)) return CheckVideo(scan, ExpectationFromOrder(order));
    }
  }
  LabelCheck c = CheckVideo(scan, Expectation());
  if (!c.label_tracking.empty()) {
    c.verdict = Verdict::kMismatch;
    c.reasons.insert(c.reasons.begin(), "the tracking numbers read belong to no order in the list");
  }
  return c;
}

}  // namespace parcelproof
