// Adding items: stage (copy + hash + publish the blob, recorded as pending),
// commit (index row, links, verdicts, custody entry in one transaction) or
// discard (remove a never-indexed blob, log "rejected").
#include <unistd.h>

#include <cerrno>

#include "core/sha256.h"
#include "store/blob_file.h"
#include "store/store_impl.h"

namespace parcelproof {
namespace {

using store::Db;
using store::InTransaction;

int64_t Pid() { return static_cast<int64_t>(::getpid()); }

Result<bool> IsIndexed(Db& db, const std::string& sha) {
  return db.Exists("SELECT 1 FROM items WHERE sha256 = ?", sha);
}

Status SetPending(Store::Impl& impl, const std::string& sha, bool add) {
  return InTransaction(*impl.db, [&]() -> Status {
    auto st = impl.db->Prepare(add ? "INSERT OR IGNORE INTO pending(sha256, pid, started) "
                                     "VALUES(?, ?, ?)"
                                   : "DELETE FROM pending WHERE sha256 = ? AND pid = ?");
    if (!st.ok()) return st.status();
    (*st)->Bind(1, sha).Bind(2, Pid());
    if (add) (*st)->Bind(3, impl.Now());
    return (*st)->Run();
  });
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string JoinFields(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i)
    out += (i ? "\x1f" : "") + v[i];  // unit separator: never in barcode text
  return out;
}

Status InsertItem(Store::Impl& impl, const Store::Staged& staged, const AddRequest& request,
                  const StoreItem& info) {
  auto st = impl.db->Prepare(
      "INSERT INTO items(sha256, kind, original_name, size, media_type, capture_time, "
      "capture_time_source, ingested_at, station, actor, parent_sha256, barcodes, metadata_json) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  std::string name =
      info.original_name.empty() ? BaseName(request.source_path) : info.original_name;
  store::Stmt& s = **st;
  s.Bind(1, staged.sha256).Bind(2, std::string(ItemKindName(info.kind))).Bind(3, name);
  s.Bind(4, static_cast<int64_t>(staged.size)).Bind(5, info.media_type);
  s.Bind(6, info.capture_time).Bind(7, info.capture_time_source).Bind(8, impl.Now());
  s.Bind(9, impl.station).Bind(10, impl.actor).Bind(11, info.parent_sha256);
  s.Bind(12, JoinFields(info.barcodes));
  s.Bind(13, info.metadata_json.empty() ? std::string("{}") : info.metadata_json);
  PP_RETURN_IF_ERROR(s.Run());
  std::string detail = name + " (" + ItemKindName(info.kind) + ", role " + request.role + ", " +
                       std::to_string(staged.size) + " bytes" +
                       (info.parent_sha256.empty() ? "" : ", from " + info.parent_sha256) + ")";
  std::string first_order = request.order_ids.empty() ? "" : request.order_ids.front();
  return impl.AppendLogInTx("ingest", staged.sha256, first_order, detail);
}

// Inserts links (and logs the new ones unless they were logged by "ingest").
Status InsertLinks(Store::Impl& impl, const std::string& sha, const AddRequest& request,
                   bool fresh) {
  std::vector<std::string> orders = request.order_ids;
  if (orders.empty()) orders.push_back("");
  for (size_t i = 0; i < orders.size(); ++i) {
    auto st = impl.db->Prepare(
        "INSERT OR IGNORE INTO links(sha256, order_id, role, linked_at) VALUES(?,?,?,?)");
    if (!st.ok()) return st.status();
    (*st)->Bind(1, sha).Bind(2, orders[i]).Bind(3, request.role).Bind(4, impl.Now());
    PP_RETURN_IF_ERROR((*st)->Run());
    bool logged_by_ingest = fresh && i == 0;
    if (impl.db->Changes() > 0 && !logged_by_ingest) {
      PP_RETURN_IF_ERROR(impl.AppendLogInTx("link", sha, orders[i], "role " + request.role));
    }
  }
  return Status::Ok();
}

// Inserts verdicts not yet recorded; for an item already stored each new one
// is logged ("label-check"), a first ingest's are covered by "ingest".
Status InsertVerdicts(Store::Impl& impl, const std::string& sha,
                      const std::vector<LabelVerdict>& verdicts, bool fresh) {
  for (const LabelVerdict& v : verdicts) {
    auto st = impl.db->Prepare(
        "INSERT OR IGNORE INTO verdicts(sha256, order_id, verdict, reasons) VALUES(?,?,?,?)");
    if (!st.ok()) return st.status();
    (*st)->Bind(1, sha).Bind(2, v.order_id).Bind(3, v.verdict).Bind(4, JoinFields(v.reasons));
    PP_RETURN_IF_ERROR((*st)->Run());
    if (!fresh && impl.db->Changes() > 0) {
      std::string detail = "label " + v.verdict;
      for (const std::string& r : v.reasons) detail += "; " + r;
      PP_RETURN_IF_ERROR(impl.AppendLogInTx("label-check", sha, v.order_id, detail));
    }
  }
  return Status::Ok();
}

Result<Store::Staged> StageTemp(Store::Impl& impl, const store::TempBlob& tb) {
  Store::Staged staged{tb.sha256, store::BlobPathFor(impl.dir, tb.sha256), tb.size, false};
  auto indexed = IsIndexed(*impl.db, tb.sha256);
  if (!indexed.ok() || *indexed) {
    ::unlink(tb.tmp_path.c_str());
    if (!indexed.ok()) return indexed.status();
    staged.already_indexed = true;
    return staged;
  }
  Status s = SetPending(impl, tb.sha256, true);
  if (!s.ok()) {
    ::unlink(tb.tmp_path.c_str());
    return s;
  }
  s = store::PublishTemp(tb, staged.blob_path);
  if (!s.ok()) {
    SetPending(impl, tb.sha256, false);
    return s;
  }
  return staged;
}

}  // namespace

Result<Store::Staged> Store::Stage(const std::string& source_path) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("add"));
  auto tb = store::CopyToTemp(source_path, impl_->TmpDir());
  if (!tb.ok()) return tb.status();
  return StageTemp(*impl_, *tb);
}

Result<AddOutcome> Store::Commit(const Staged& staged, const AddRequest& request,
                                 const StoreItem& info) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("add"));
  AddOutcome out{staged.sha256, true};
  Status s = InTransaction(*impl_->db, [&]() -> Status {
    auto indexed = IsIndexed(*impl_->db, staged.sha256);
    if (!indexed.ok()) return indexed.status();
    out.duplicate = *indexed;
    if (!out.duplicate) {
      PP_RETURN_IF_ERROR(InsertItem(*impl_, staged, request, info));
    } else {
      PP_RETURN_IF_ERROR(
          impl_->AppendLogInTx("duplicate", staged.sha256, "", BaseName(request.source_path)));
    }
    PP_RETURN_IF_ERROR(InsertLinks(*impl_, staged.sha256, request, !out.duplicate));
    PP_RETURN_IF_ERROR(InsertVerdicts(*impl_, staged.sha256, info.verdicts, !out.duplicate));
    auto del = impl_->db->Prepare("DELETE FROM pending WHERE sha256 = ? AND pid = ?");
    if (!del.ok()) return del.status();
    return (*del)->Bind(1, staged.sha256).Bind(2, Pid()).Run();
  });
  if (!s.ok()) return s.WithContext(request.source_path);
  return out;
}

Status Store::Discard(const Staged& staged, const std::string& source_path,
                      const std::string& reason) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("discard"));
  return InTransaction(*impl_->db, [&]() -> Status {
    if (!staged.already_indexed) {
      auto del = impl_->db->Prepare("DELETE FROM pending WHERE sha256 = ? AND pid = ?");
      if (!del.ok()) return del.status();
      PP_RETURN_IF_ERROR((*del)->Bind(1, staged.sha256).Bind(2, Pid()).Run());
      auto busy = impl_->db->Prepare(
          "SELECT 1 FROM pending WHERE sha256 = ? UNION ALL "
          "SELECT 1 FROM items WHERE sha256 = ?");
      if (!busy.ok()) return busy.status();
      (*busy)->Bind(1, staged.sha256).Bind(2, staged.sha256);
      Status s;
      bool in_use = (*busy)->Step(&s);
      PP_RETURN_IF_ERROR(s);
      if (!in_use && ::unlink(staged.blob_path.c_str()) != 0 && errno != ENOENT) {
        return Status::IOError(staged.blob_path + ": cannot remove refused blob");
      }
    }
    return impl_->AppendLogInTx("rejected", staged.sha256, "", source_path + ": " + reason);
  });
}

Result<AddOutcome> Store::AddFile(const AddRequest& request, const StoreItem& info) {
  auto staged = Stage(request.source_path);
  if (!staged.ok()) return staged.status();
  return Commit(*staged, request, info);
}

Result<AddOutcome> Store::AddBytes(const std::string& bytes, const AddRequest& request,
                                   const StoreItem& info) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("add"));
  if (info.kind == ItemKind::kDerived && !IsSha256Hex(info.parent_sha256)) {
    return Status::InvalidArgument("derived item without a parent hash");
  }
  auto tb = store::WriteTemp(bytes, impl_->TmpDir());
  if (!tb.ok()) return tb.status();
  auto staged = StageTemp(*impl_, *tb);
  if (!staged.ok()) return staged.status();
  return Commit(*staged, request, info);
}

Status Store::LinkItem(const std::string& sha256, const std::string& order_id,
                       const std::string& role) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("link"));
  return InTransaction(*impl_->db, [&]() -> Status {
    auto indexed = IsIndexed(*impl_->db, sha256);
    if (!indexed.ok()) return indexed.status();
    if (!*indexed) return Status::NotFound("item " + sha256 + " is not in the store");
    AddRequest req{"", role, {order_id}};
    return InsertLinks(*impl_, sha256, req, false);
  });
}

}  // namespace parcelproof
