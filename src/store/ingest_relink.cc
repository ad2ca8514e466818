// Re-adding a stored label photo for an order it has no verdict for: the
// stored blob is scanned again (with the chunk's other images) and checked
// against that order, and the verdict is committed with the new link. A
// stored video is checked from the scan its metadata keeps (scanned again
// in the worker process only when it keeps none). The blob and the earlier
// rows are left as they are.
#include <algorithm>

#include "scan/stored_scan.h"
#include "store/ingest_work.h"

namespace parcelproof::store {
namespace {

bool HasVerdict(const StoreItem& item, const std::string& order_id) {
  return std::any_of(item.verdicts.begin(), item.verdicts.end(),
                     [&](const LabelVerdict& v) { return v.order_id == order_id; });
}

}  // namespace

Status Ingester::PlanRelink(Work& w) {
  if (!w.member_of.empty()) return Status::Ok();  // a zip member: linked like its zip
  Result<StoreItem> item = store_.GetItem(w.staged.sha256);
  if (!item.ok()) return Status::Ok();  // Finish reports
  bool video = item->kind == ItemKind::kVideo;
  if (!video && item->kind != ItemKind::kImage) return Status::Ok();
  bool auto_linked = false;
  Result<std::vector<std::string>> orders = LinkOrders(item->barcodes, &auto_linked);
  if (!orders.ok()) return orders.status();
  if (video) {  // a video's labels are checked whatever its role, as at its first ingest
    w.info.kind = ItemKind::kVideo;  // Finish sets it again from the stored item
    for (const std::string& id : *orders) {
      if (!HasVerdict(*item, id)) w.relink_orders.push_back(id);
    }
    if (!w.relink_orders.empty() && ReadStoredVideoScan(item->metadata_json, &w.video_scan)) {
      w.has_video_scan = true;
    }
    return Status::Ok();
  }
  std::string role = !options_.role.empty() ? options_.role
                     : !item->role.empty()  ? item->role
                     : auto_linked          ? "label"
                                            : "";
  if (role != "label") return Status::Ok();
  for (const std::string& id : *orders) {
    if (!HasVerdict(*item, id)) w.relink_orders.push_back(id);
  }
  w.wants_scan = !w.relink_orders.empty();
  return Status::Ok();
}

Status Ingester::FinishWithRelink(Work& w) {
  std::vector<LabelVerdict> added;
  if (!w.relink_orders.empty() && w.info.kind == ItemKind::kVideo) {
    if (!w.has_video_scan) ScanVideo(w);  // the stored item keeps no scan: the worker reads it
    added = CheckVideoLabels(w, w.relink_orders);
    w.info.verdicts = added;
  } else if (!w.relink_orders.empty()) {
    added = CheckLabels(w, w.relink_orders);
    w.info.verdicts = added;  // committed with the links (Store::Commit)
  }
  PP_RETURN_IF_ERROR(Finish(w));
  if (w.line.outcome == "duplicate") {
    w.line.verdicts.insert(w.line.verdicts.end(), added.begin(), added.end());
  }
  return Status::Ok();
}

}  // namespace parcelproof::store
