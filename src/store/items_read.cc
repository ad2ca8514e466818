// Reading items, their links and verdicts.
#include <algorithm>

#include "core/sha256.h"
#include "store/blob_file.h"
#include "store/store_impl.h"

namespace parcelproof {
namespace {

using store::Db;

constexpr char kItemColumns[] =
    "SELECT sha256, kind, original_name, size, media_type, capture_time, capture_time_source, "
    "ingested_at, station, actor, parent_sha256, barcodes, metadata_json FROM items ";

std::vector<std::string> SplitFields(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t nl = s.find('\x1f', start);
    out.push_back(s.substr(start, nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

StoreItem ItemFromRow(const store::Stmt& r) {
  StoreItem it;
  it.sha256 = r.Text(0);
  ParseItemKind(r.Text(1), &it.kind);
  it.original_name = r.Text(2);
  it.size = static_cast<uint64_t>(r.Int(3));
  it.media_type = r.Text(4);
  it.capture_time = r.Text(5);
  it.capture_time_source = r.Text(6);
  it.ingested_at = r.Text(7);
  it.station = r.Text(8);
  it.actor = r.Text(9);
  it.parent_sha256 = r.Text(10);
  it.barcodes = SplitFields(r.Text(11));
  it.metadata_json = r.Text(12);
  return it;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

Status FillLinks(Db& db, StoreItem* it) {
  auto st = db.Prepare("SELECT order_id, role FROM links WHERE sha256 = ? ORDER BY rowid");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, it->sha256);
  Status s;
  while ((*st)->Step(&s)) {
    AddUnique(&it->order_ids, (*st)->Text(0));
    AddUnique(&it->roles, (*st)->Text(1));
  }
  PP_RETURN_IF_ERROR(s);
  if (!it->roles.empty()) it->role = it->roles.front();
  auto vs = db.Prepare("SELECT order_id, verdict, reasons FROM verdicts WHERE sha256 = ?");
  if (!vs.ok()) return vs.status();
  (*vs)->Bind(1, it->sha256);
  while ((*vs)->Step(&s)) {
    it->verdicts.push_back({(*vs)->Text(0), (*vs)->Text(1), SplitFields((*vs)->Text(2))});
  }
  return s;
}

Result<std::vector<StoreItem>> QueryItems(Db& db, const std::string& where,
                                          const std::string& arg) {
  auto st = db.Prepare(std::string(kItemColumns) + where);
  if (!st.ok()) return st.status();
  (*st)->Bind(1, arg);
  std::vector<StoreItem> out;
  Status s;
  while ((*st)->Step(&s)) out.push_back(ItemFromRow(**st));
  PP_RETURN_IF_ERROR(s);
  for (StoreItem& it : out) PP_RETURN_IF_ERROR(FillLinks(db, &it));
  return out;
}

// The role of the first link of item to order_id.
Result<std::string> LinkRole(Db& db, const std::string& sha, const std::string& order_id) {
  auto st =
      db.Prepare("SELECT role FROM links WHERE sha256 = ? AND order_id = ? ORDER BY rowid LIMIT 1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, sha).Bind(2, order_id);
  Status s;
  if ((*st)->Step(&s)) return (*st)->Text(0);
  if (!s.ok()) return s;
  return std::string();
}

}  // namespace

Result<StoreItem> Store::GetItem(const std::string& sha256) {
  if (!IsSha256Hex(sha256)) {
    return Status::InvalidArgument("'" + sha256 + "' is not a SHA-256 (64 lower-case hex digits)");
  }
  auto items = QueryItems(*impl_->db, "WHERE sha256 = ?", sha256);
  if (!items.ok()) return items.status();
  if (items->empty()) return Status::NotFound("item " + sha256 + " is not in the store");
  return std::move(items->front());
}

Result<std::vector<StoreItem>> Store::ItemsOfOrder(const std::string& order_id, bool with_derived) {
  auto items = QueryItems(
      *impl_->db, "WHERE sha256 IN (SELECT sha256 FROM links WHERE order_id = ?)", order_id);
  if (!items.ok()) return items.status();
  std::vector<StoreItem> out;
  for (StoreItem& it : *items) {
    if (it.kind == ItemKind::kDerived && !with_derived) continue;
    auto role = LinkRole(*impl_->db, it.sha256, order_id);
    if (!role.ok()) return role.status();
    it.role = *role;
    out.push_back(std::move(it));
  }
  std::sort(out.begin(), out.end(), [](const StoreItem& a, const StoreItem& b) {
    return a.ingested_at != b.ingested_at ? a.ingested_at < b.ingested_at : a.sha256 < b.sha256;
  });
  return out;
}

Result<std::vector<StoreItem>> Store::DerivedItems(const std::string& parent_sha256) {
  return QueryItems(*impl_->db, "WHERE parent_sha256 = ? AND parent_sha256 <> '' ORDER BY sha256",
                    parent_sha256);
}

Result<std::string> Store::BlobPath(const std::string& sha256) {
  auto item = GetItem(sha256);
  if (!item.ok()) return item.status();
  return store::BlobPathFor(impl_->dir, sha256);
}

}  // namespace parcelproof
