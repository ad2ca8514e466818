// The last steps of ingesting one file: order links, role, label checks,
// the index commit, the thumbnail, and the output line.
#include <unistd.h>

#include <algorithm>

#include "core/file.h"
#include "heif/heif_decode.h"
#include "image/thumbnail.h"
#include "parcelproof/check.h"
#include "store/ingest_meta.h"
#include "store/ingest_work.h"
#include "store/json_text.h"

namespace parcelproof::store {
namespace {

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

std::string DefaultRole(ItemKind kind, bool auto_linked) {
  if (auto_linked) return kind == ItemKind::kVideo ? "packing" : "label";
  if (kind == ItemKind::kChat) return "chat";
  if (kind == ItemKind::kDocument) return "document";
  return "other";
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A HEIF's thumbnail: libheif decodes it upright (irot/imir), in colour, at
// full size (libheif has no reduced decoding); EXIF orientation is not used.
Result<Thumbnail> HeifThumbnail(const std::string& blob) {
  Result<std::string> bytes = ReadFileLimited(blob, 512ull << 20);
  if (!bytes.ok()) return bytes.status();
  Result<RgbPixels> pixels = DecodeHeifRgb(*bytes, ScanOptions().max_pixels);
  if (!pixels.ok()) return pixels.status();
  return MakeThumbnailFromPixels(*pixels);
}

}  // namespace

Result<std::vector<std::string>> Ingester::LinkOrders(const std::vector<std::string>& candidates,
                                                      bool* auto_linked) {
  std::vector<std::string> orders;
  *auto_linked = false;
  if (!options_.order_id.empty()) {
    orders.push_back(options_.order_id);
    return orders;
  }
  for (const std::string& c : candidates) {
    Result<std::vector<std::string>> ids = store_.OrdersWithTracking(c);
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) AddUnique(&orders, id);
  }
  *auto_linked = !orders.empty();
  return orders;
}

std::vector<LabelVerdict> Ingester::CheckLabels(Work& w, const std::vector<std::string>& orders) {
  std::vector<LabelVerdict> verdicts;
  std::vector<LabelCheck> checks;
  if (!w.has_scan || !w.scan.status.ok()) return verdicts;
  for (const std::string& id : orders) {
    Result<Order> order = store_.FindOrder(id);
    if (!order.ok()) continue;
    LabelCheck c = CheckLabel(w.scan, ExpectationFromOrder(*order));
    c.file = w.path;
    verdicts.push_back({id, VerdictName(c.verdict), c.reasons});
    checks.push_back(std::move(c));
  }
  if (!checks.empty()) w.info.metadata_json = CheckReportJson(checks);  // staged into metadata
  return verdicts;
}

void Ingester::AddThumbnail(Work& w, const std::vector<std::string>& orders) {
  Result<Thumbnail> t = w.info.media_type == "image/heif"
                            ? HeifThumbnail(w.staged.blob_path)
                            : MakeThumbnail(w.staged.blob_path, w.orientation);
  if (!t.ok()) {
    w.line.reason = "no thumbnail: " + t.status().ToString();
    return;
  }
  StoreItem info;
  info.kind = ItemKind::kDerived;
  info.parent_sha256 = w.staged.sha256;
  info.media_type = "image/jpeg";
  info.original_name = BaseName(w.path) + ".thumbnail.jpg";
  info.capture_time = w.info.capture_time;
  info.capture_time_source = w.info.capture_time_source;
  info.metadata_json = JsonObject()
                           .Raw("thumbnail", JsonObject()
                                                 .Str("of", w.staged.sha256)
                                                 .Int("width", t->width)
                                                 .Int("height", t->height)
                                                 .Text())
                           .Text();
  AddRequest req{w.path, "thumbnail", orders};
  Result<AddOutcome> out = store_.AddBytes(t->jpeg, req, info);
  if (!out.ok()) w.line.reason = "no thumbnail: " + out.status().ToString();
}

Status Ingester::Finish(Work& w) {
  bool duplicate = w.staged.already_indexed;
  StoreItem existing;
  if (duplicate) {
    Result<StoreItem> item = store_.GetItem(w.staged.sha256);
    if (!item.ok()) return Refuse(w, item.status().ToString());
    existing = *item;
    w.info.kind = existing.kind;
    w.info.barcodes = existing.barcodes;
  }
  std::vector<std::string> candidates = duplicate          ? existing.barcodes
                                        : w.has_video_scan ? VideoLinkCandidates(w.video_scan)
                                                           : LinkCandidates(w.scan);
  bool auto_linked = false;
  Result<std::vector<std::string>> orders = LinkOrders(candidates, &auto_linked);
  if (!orders.ok()) return orders.status();
  if (!w.member_of.empty()) {
    for (const std::string& id : w.member_orders) AddUnique(&*orders, id);
  }
  std::string role = w.member_of.empty() ? options_.role : w.member_role;
  if (role.empty())
    role =
        duplicate && !existing.role.empty() ? existing.role : DefaultRole(w.info.kind, auto_linked);
  std::string checks_json;
  if (!duplicate && (role == "label" || w.has_video_scan)) {
    w.info.verdicts = w.has_video_scan ? CheckVideoLabels(w, *orders) : CheckLabels(w, *orders);
    checks_json = w.info.metadata_json;
  }
  bool zip = w.sniffed.media_class == MediaClass::kZip;
  if (!duplicate && w.info.kind == ItemKind::kChat &&
      (w.sniffed.media_class == MediaClass::kText || zip)) {
    ReadChat(w);
  }
  w.info.metadata_json = MetadataJson(w.exif_json, w.scan_json, checks_json, w.video_json,
                                      w.problems, w.mtime, w.conversation_json);
  if (!w.member_of.empty()) MemberMetadata(w);
  AddRequest req{w.path, role, *orders};
  Result<AddOutcome> out = store_.Commit(w.staged, req, w.info);
  if (!out.ok()) {
    if (out.status().code() == Status::Code::kBusy) return out.status();
    if (!w.conversation_tmp.empty()) ::unlink(w.conversation_tmp.c_str());
    return Refuse(w, out.status().ToString());
  }
  w.line.outcome = out->duplicate ? "duplicate" : "stored";
  w.line.kind = w.info.kind;
  w.line.role = role;
  w.line.order_ids = duplicate ? existing.order_ids : std::vector<std::string>();
  for (const std::string& id : *orders) AddUnique(&w.line.order_ids, id);
  w.line.barcodes = w.info.barcodes;
  w.line.verdicts = duplicate ? existing.verdicts : w.info.verdicts;
  w.line.capture_time = duplicate ? existing.capture_time : w.info.capture_time;
  w.decided = true;
  if (!out->duplicate && options_.thumbnails && w.sniffed.media_class == MediaClass::kImage) {
    AddThumbnail(w, *orders);
  }
  if (!w.conversation_tmp.empty()) AddConversation(w, *orders);
  if (!out->duplicate && zip && w.info.kind == ItemKind::kChat) QueueZipMembers(w, *orders);
  // A duplicate is not sniffed again: the stored item says it is a zip.
  if (out->duplicate && w.info.kind == ItemKind::kChat &&
      existing.media_type == "application/zip") {
    LinkZipMembers(w, *orders);
  }
  if (!out->duplicate && w.has_video_scan) AddStills(w, *orders);
  return Status::Ok();
}

void Ingester::Emit(Work& w) {
  if (!w.source.empty()) ::unlink(w.source.c_str());
  ++done_;
  if (w.line.outcome == "stored") ++summary_->stored;
  if (w.line.outcome == "duplicate") ++summary_->duplicates;
  if (w.line.outcome == "refused") ++summary_->refused;
  if (w.line.outcome != "refused" && w.line.order_ids.empty()) {
    summary_->unlinked.push_back(w.path);
  }
  summary_->lines.push_back(w.line);
  if (on_line_) on_line_(w.line, done_, total_);
}

}  // namespace parcelproof::store
