#include "bundle/bundle_stills.h"

#include <algorithm>

#include "scan/still_facts.h"

namespace parcelproof {
namespace {

double StillTime(const StoreItem& s) { return ReadStillFacts(s.metadata_json).time_s; }

}  // namespace

Status AddVideoStills(Store& store, PackageInput* in) {
  std::vector<PackageItem> stills;
  for (const PackageItem& video : in->items) {
    if (video.kind != "video") continue;
    Result<std::vector<StoreItem>> derived = store.DerivedItems(video.sha256);
    if (!derived.ok()) return derived.status();
    std::vector<StoreItem> list;
    for (const StoreItem& d : *derived) {
      if (d.role == "still" && StillTime(d) >= 0) list.push_back(d);
    }
    std::stable_sort(list.begin(), list.end(), [](const StoreItem& a, const StoreItem& b) {
      return StillTime(a) < StillTime(b);
    });
    for (const StoreItem& d : list) {
      Result<std::string> blob = store.BlobPath(d.sha256);
      if (!blob.ok()) return blob.status();
      PackageItem p;
      p.sha256 = d.sha256;
      p.size = d.size;
      p.source_path = *blob;
      p.role = "still";
      p.kind = "image";
      p.media_type = d.media_type;
      p.original_name = d.original_name;
      p.capture_time = d.capture_time;
      p.capture_time_source = d.capture_time_source;
      p.ingested_at = d.ingested_at;
      p.station = d.station;
      p.order_ids = video.order_ids;
      p.metadata_json = d.metadata_json;
      p.parent_sha256 = video.sha256;
      p.parent_name = video.original_name;
      stills.push_back(std::move(p));
    }
  }
  for (PackageItem& p : stills) in->items.push_back(std::move(p));
  return Status::Ok();
}

}  // namespace parcelproof
