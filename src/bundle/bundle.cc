// The store -> PackageInput glue behind BundleOrder (parcelproof/bundle.h).
#include "parcelproof/bundle.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "bundle/bundle_chat.h"
#include "bundle/bundle_stills.h"
#include "parcelproof/clock.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

PackageItem ToPackageItem(const StoreItem& s, const std::string& blob) {
  PackageItem p;
  p.sha256 = s.sha256;
  p.size = s.size;
  p.source_path = blob;
  p.role = s.role.empty() ? "other" : s.role;
  p.kind = ItemKindName(s.kind);
  p.media_type = s.media_type;
  p.original_name = s.original_name;
  p.capture_time = s.capture_time;
  p.capture_time_source = s.capture_time_source;
  p.ingested_at = s.ingested_at;
  p.station = s.station;
  p.barcodes = s.barcodes;
  for (const LabelVerdict& v : s.verdicts) p.verdicts.push_back({v.order_id, v.verdict, v.reasons});
  p.order_ids = s.order_ids;
  p.metadata_json = s.metadata_json;
  return p;
}

// The store's thumbnail of an image, when it made one.
Status AddThumbnail(Store& store, PackageItem* item) {
  if (item->kind != "image") return Status::Ok();
  Result<std::vector<StoreItem>> derived = store.DerivedItems(item->sha256);
  if (!derived.ok()) return derived.status();
  for (const StoreItem& d : *derived) {
    Result<std::string> blob = store.BlobPath(d.sha256);
    if (!blob.ok()) return blob.status();
    item->thumbnail_path = *blob;
    item->thumbnail_sha256 = d.sha256;
    item->thumbnail_size = d.size;
    item->thumbnail_media_type = d.media_type;
    break;
  }
  return Status::Ok();
}

// The order's items (plus --include, minus --exclude, no thumbnails), as
// package items and, in *kept, as the store gave them.
Result<std::vector<PackageItem>> GatherItems(Store& store, const BundleRequest& req,
                                             const std::string& order_id,
                                             std::vector<StoreItem>* kept) {
  Result<std::vector<StoreItem>> linked = store.ItemsOfOrder(order_id);
  if (!linked.ok()) return linked.status();
  std::vector<StoreItem> items = *linked;
  for (const std::string& h : req.include) {
    Result<StoreItem> it = store.GetItem(h);
    if (!it.ok()) return it.status();
    items.push_back(*it);
  }
  std::set<std::string> excluded(req.exclude.begin(), req.exclude.end());
  std::vector<PackageItem> out;
  for (const StoreItem& s : items) {
    if (excluded.count(s.sha256) || s.kind == ItemKind::kDerived) continue;
    Result<std::string> blob = store.BlobPath(s.sha256);
    if (!blob.ok()) return blob.status();
    out.push_back(ToPackageItem(s, *blob));
    PP_RETURN_IF_ERROR(AddThumbnail(store, &out.back()));
    kept->push_back(s);
  }
  return out;
}

std::vector<PackageLogEntry> GatherCustody(const std::vector<CustodyEntry>& log,
                                           const std::string& order_id,
                                           const std::vector<PackageItem>& items) {
  std::set<std::string> hashes;
  for (const PackageItem& i : items) hashes.insert(i.sha256);
  std::vector<PackageLogEntry> out;
  for (const CustodyEntry& e : log) {
    if (e.action == "bundle") continue;
    if (e.order_id != order_id && !hashes.count(e.item_sha256)) continue;
    out.push_back({e.seq, e.time, e.actor, e.station, e.action, e.item_sha256, e.order_id, e.detail,
                   e.prev_hash, e.entry_hash});
  }
  return out;
}

// The timeline module's events and findings, in the package's words.
// Chat exports contribute their messages, read again from the originals.
void AddTimeline(Store& store, const Order& order, const std::vector<StoreItem>& items,
                 const std::string& dispute_opened, int64_t now_micros, PackageInput* in) {
  std::vector<TimelineItem> timeline_items;
  for (const StoreItem& s : items) {
    timeline_items.push_back(TimelineItemFrom(s));
    Result<std::string> blob = store.BlobPath(s.sha256);
    if (blob.ok()) AttachConversation(s, *blob, &timeline_items.back());
  }
  TimelineOptions options;
  options.now_micros = now_micros;
  TimelineOrder torder = TimelineOrderFrom(order, dispute_opened);
  // The report's zone (package ChooseZone: same order times, same items).
  options.display_offset_minutes = TimelineZone(torder, timeline_items).offset_minutes;
  Timeline t = BuildTimeline(torder, timeline_items, options);
  for (const TimelineEvent& e : t.events) {
    PackageTimelineEvent p{e.time,        e.what, e.source,     e.kind,
                           e.item_sha256, e.role, e.zone_known, ""};
    if (e.message >= 0) p.anchor = MessageAnchor(e.item_sha256, static_cast<size_t>(e.message));
    in->timeline.push_back(std::move(p));
  }
  for (const Finding& f : t.findings) {
    in->findings.push_back({SeverityName(f.severity), f.code, f.item_sha256, f.explanation});
  }
}

}  // namespace

std::string DefaultPackageName(const std::string& order_id, const std::string& reason) {
  std::string id = order_id;
  for (char& c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
  }
  return "dispute-" + id + "-" + reason + ".zip";
}

Result<PackageSummary> BundleOrder(const BundleRequest& req) {
  long long opened = 0;
  if (!req.dispute_opened.empty() && !ParseRfc3339(req.dispute_opened, &opened)) {
    return Status::InvalidArgument("--dispute-opened: not an RFC 3339 time: " + req.dispute_opened);
  }
  std::string clock_error;
  std::unique_ptr<Clock> clock = MakeDefaultClock(&clock_error);
  if (!clock) return Status::InvalidArgument(clock_error);
  Store::Options options;
  options.clock = clock.get();
  options.station = req.station;
  Result<std::unique_ptr<Store>> store = Store::Open(ResolveStoreDir(req.store_dir), options);
  if (!store.ok()) return store.status();
  Result<Order> order = (*store)->FindOrder(req.order);
  if (!order.ok()) return order.status();
  PackageInput in;
  in.order = *order;
  in.reason = req.reason;
  std::vector<StoreItem> store_items;
  Result<std::vector<PackageItem>> items = GatherItems(**store, req, order->id, &store_items);
  if (!items.ok()) return items.status();
  in.items = std::move(*items);
  for (const std::string& sha : AddConversations(**store, store_items, &in)) {
    Result<StoreItem> full = (*store)->GetItem(sha);
    Result<std::string> blob = (*store)->BlobPath(sha);
    if (full.ok() && blob.ok()) in.items.push_back(ToPackageItem(*full, *blob));
  }
  PP_RETURN_IF_ERROR(AddVideoStills(**store, &in));
  Result<std::vector<CustodyEntry>> log = (*store)->Log();
  if (!log.ok()) return log.status();
  in.custody = GatherCustody(*log, order->id, in.items);
  AddTimeline(**store, in.order, store_items, req.dispute_opened, clock->NowMicros(), &in);
  in.note = req.note;
  in.dispute_opened = req.dispute_opened;
  in.clock = clock.get();
  in.private_key_pem = req.key_pem;
  in.checklists_path = req.checklists;
  std::string out = req.out_path.empty() ? DefaultPackageName(order->id, req.reason) : req.out_path;
  Result<PackageSummary> summary = BuildPackage(in, out);
  if (!summary.ok()) return summary.status();
  PP_RETURN_IF_ERROR((*store)->AppendLog(
      "bundle", "", order->id,
      "package " + summary->package_id + " reason " + req.reason + " file " + out + ", " +
          std::to_string(summary->payload_files) + " items, key " + summary->fingerprint));
  return summary;
}

}  // namespace parcelproof
