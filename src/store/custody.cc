// The append-only, hash-chained custody log (table "custody").
#include "core/sha256.h"
#include "store/json_text.h"
#include "store/store_impl.h"

namespace parcelproof {

using store::JsonString;

std::string CustodyEntryCanonical(const CustodyEntry& e) {
  return "[" + std::to_string(e.seq) + "," + JsonString(e.time) + "," + JsonString(e.actor) + "," +
         JsonString(e.station) + "," + JsonString(e.action) + "," + JsonString(e.item_sha256) +
         "," + JsonString(e.order_id) + "," + JsonString(e.detail) + "," + JsonString(e.prev_hash) +
         "]";
}

Status Store::Impl::AppendLogInTx(const std::string& action, const std::string& item_sha256,
                                  const std::string& order_id, const std::string& detail) {
  CustodyEntry e;
  e.seq = 1;
  e.prev_hash = store::kGenesisHash;
  {
    auto last = db->Prepare("SELECT seq, entry_hash FROM custody ORDER BY seq DESC LIMIT 1");
    if (!last.ok()) return last.status();
    Status s;
    if ((*last)->Step(&s)) {
      e.seq = (*last)->Int(0) + 1;
      e.prev_hash = (*last)->Text(1);
    }
    PP_RETURN_IF_ERROR(s);
  }
  e.time = Now();
  e.actor = actor;
  e.station = station;
  e.action = action;
  e.item_sha256 = item_sha256;
  e.order_id = order_id;
  e.detail = detail;
  e.entry_hash = Sha256Hex(CustodyEntryCanonical(e));
  auto ins = db->Prepare(
      "INSERT INTO custody(seq, time, actor, station, action, item_sha256, order_id, detail, "
      "prev_hash, entry_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  (*ins)->Bind(1, e.seq).Bind(2, e.time).Bind(3, e.actor).Bind(4, e.station).Bind(5, e.action);
  (*ins)->Bind(6, e.item_sha256).Bind(7, e.order_id).Bind(8, e.detail).Bind(9, e.prev_hash);
  (*ins)->Bind(10, e.entry_hash);
  return (*ins)->Run();
}

Status Store::AppendLog(const std::string& action, const std::string& item_sha256,
                        const std::string& order_id, const std::string& detail) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("append to log"));
  return store::InTransaction(
      *impl_->db, [&]() { return impl_->AppendLogInTx(action, item_sha256, order_id, detail); });
}

Result<std::vector<CustodyEntry>> Store::Log() {
  auto st = impl_->db->Prepare(
      "SELECT seq, time, actor, station, action, item_sha256, order_id, detail, prev_hash, "
      "entry_hash FROM custody ORDER BY seq");
  if (!st.ok()) return st.status();
  std::vector<CustodyEntry> out;
  Status s;
  while ((*st)->Step(&s)) {
    CustodyEntry e;
    const store::Stmt& r = **st;
    e.seq = r.Int(0);
    e.time = r.Text(1);
    e.actor = r.Text(2);
    e.station = r.Text(3);
    e.action = r.Text(4);
    e.item_sha256 = r.Text(5);
    e.order_id = r.Text(6);
    e.detail = r.Text(7);
    e.prev_hash = r.Text(8);
    e.entry_hash = r.Text(9);
    out.push_back(std::move(e));
  }
  if (!s.ok()) return s;
  return out;
}

}  // namespace parcelproof
