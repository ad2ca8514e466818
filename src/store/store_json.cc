// The JSON documents of show, log, fsck and ingest.
#include "parcelproof/store.h"
#include "store/json_text.h"

namespace parcelproof {

using store::JsonArray;
using store::JsonObject;
using store::JsonString;
using store::JsonStringArray;

namespace {

std::string VerdictsJson(const std::vector<LabelVerdict>& verdicts) {
  std::vector<std::string> out;
  for (const LabelVerdict& v : verdicts) {
    out.push_back(JsonObject()
                      .Str("order_id", v.order_id)
                      .Str("verdict", v.verdict)
                      .Raw("reasons", JsonStringArray(v.reasons))
                      .Text());
  }
  return JsonArray(out);
}

}  // namespace

std::string StoreItemJson(const StoreItem& it) {
  JsonObject o;
  o.Str("sha256", it.sha256).Str("kind", ItemKindName(it.kind)).Str("role", it.role);
  o.Raw("roles", JsonStringArray(it.roles)).Str("original_name", it.original_name);
  o.Int("size", static_cast<int64_t>(it.size)).Str("media_type", it.media_type);
  o.Str("capture_time", it.capture_time).Str("capture_time_source", it.capture_time_source);
  o.Str("ingested_at", it.ingested_at).Str("station", it.station).Str("actor", it.actor);
  o.Str("parent_sha256", it.parent_sha256).Raw("order_ids", JsonStringArray(it.order_ids));
  o.Raw("barcodes", JsonStringArray(it.barcodes)).Raw("verdicts", VerdictsJson(it.verdicts));
  o.Raw("metadata", it.metadata_json.empty() ? "{}" : it.metadata_json);
  return o.Text();
}

std::string ShowJson(const Order& order, const std::vector<StoreItem>& items) {
  std::vector<std::string> raw;
  for (const StoreItem& it : items) raw.push_back(StoreItemJson(it));
  return JsonObject().Raw("order", OrderToJson(order)).Raw("items", JsonArray(raw)).Text();
}

std::string CustodyLogJson(const std::vector<CustodyEntry>& entries) {
  std::vector<std::string> raw;
  for (const CustodyEntry& e : entries) {
    raw.push_back(JsonObject()
                      .Int("seq", e.seq)
                      .Str("time", e.time)
                      .Str("actor", e.actor)
                      .Str("station", e.station)
                      .Str("action", e.action)
                      .Str("item_sha256", e.item_sha256)
                      .Str("order_id", e.order_id)
                      .Str("detail", e.detail)
                      .Str("prev_hash", e.prev_hash)
                      .Str("entry_hash", e.entry_hash)
                      .Text());
  }
  return JsonObject().Raw("entries", JsonArray(raw)).Text();
}

std::string FsckReportJson(const FsckReport& r) {
  return JsonObject()
      .Bool("ok", r.ok())
      .Int("items", r.items)
      .Int("blobs", r.blobs)
      .Int("log_entries", r.log_entries)
      .Raw("problems", JsonStringArray(r.problems))
      .Raw("notes", JsonStringArray(r.notes))
      .Text();
}

std::string IngestLineJson(const IngestLine& l) {
  JsonObject o;
  o.Str("path", l.path).Str("outcome", l.outcome).Str("reason", l.reason);
  o.Str("sha256", l.sha256);
  if (l.outcome != "refused") {
    o.Str("kind", ItemKindName(l.kind)).Str("role", l.role);
    o.Raw("order_ids", JsonStringArray(l.order_ids)).Raw("barcodes", JsonStringArray(l.barcodes));
    o.Raw("verdicts", VerdictsJson(l.verdicts)).Str("capture_time", l.capture_time);
  }
  return o.Text();
}

std::string IngestSummaryJson(const IngestSummary& s) {
  std::vector<std::string> raw;
  for (const IngestLine& l : s.lines) raw.push_back(IngestLineJson(l));
  return JsonObject()
      .Raw("files", JsonArray(raw))
      .Int("stored", s.stored)
      .Int("duplicates", s.duplicates)
      .Int("refused", s.refused)
      .Raw("unlinked", JsonStringArray(s.unlinked))
      .Text();
}

}  // namespace parcelproof

namespace parcelproof {

std::string StoreInfoJson(const Store& store) {
  return JsonObject()
      .Str("store", store.dir())
      .Int("format_version", kStoreFormatVersion)
      .Str("station", store.station())
      .Text();
}

std::string OrderImportJson(const std::string& file, size_t orders,
                            const OrderImportSummary& summary) {
  return JsonObject()
      .Str("file", file)
      .Int("orders", static_cast<int64_t>(orders))
      .Int("added", summary.added)
      .Int("updated", summary.updated)
      .Int("unchanged", summary.unchanged)
      .Text();
}

std::string ExportJson(const std::string& sha256, const std::string& file, uint64_t size) {
  return JsonObject()
      .Str("sha256", sha256)
      .Str("file", file)
      .Int("size", static_cast<int64_t>(size))
      .Text();
}

}  // namespace parcelproof
