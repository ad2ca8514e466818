#include "store/synthetic.h"

#include <cstdio>

#include "core/sha256.h"
#include "parcelproof/order.h"
#include "store/db.h"

namespace parcelproof::store {
namespace {

std::string Padded(int64_t i) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%07lld", static_cast<long long>(i));
  return buf;
}

Order SyntheticOrder(int64_t i) {
  Order o;
  o.id = SyntheticOrderId(i);
  o.platform = "synthetic";
  o.recipient.name = "Recipient " + Padded(i);
  o.recipient.lines = {"Street " + std::to_string(i % 997)};
  o.recipient.city = "City";
  o.recipient.postal_code = "10115";
  o.recipient.country = "DE";
  o.tracking.push_back({"Synthetic", SyntheticTracking(i)});
  o.items.push_back({"SKU-" + std::to_string(i % 101), "Thing", 1});
  return o;
}

struct Statements {
  std::unique_ptr<Stmt> item, link, order, tracking;
};

Result<Statements> Prepare(Db& db) {
  Statements s;
  auto item = db.Prepare(
      "INSERT INTO items VALUES(?, 'image', ?, 1000000, 'image/jpeg', "
      "'2026-03-01T10:00:00Z', 'synthetic', '2026-03-01T10:01:00.000000Z', 'synthetic', "
      "'bench', '', '', '{}')");
  auto link = db.Prepare("INSERT INTO links VALUES(?, ?, 'packing', '2026-03-01T10:01:00Z')");
  auto order = db.Prepare("INSERT INTO orders VALUES(?, ?, '2026-03-01T10:00:00Z')");
  auto tracking = db.Prepare("INSERT INTO tracking VALUES(?, ?)");
  for (auto* r : {&item, &link, &order, &tracking}) {
    if (!r->ok()) return r->status();
  }
  s.item = std::move(*item);
  s.link = std::move(*link);
  s.order = std::move(*order);
  s.tracking = std::move(*tracking);
  return s;
}

}  // namespace

std::string SyntheticOrderId(int64_t i) { return "SYN-" + Padded(i); }
std::string SyntheticTracking(int64_t i) { return "SYN" + Padded(i) + "XX"; }

Status AddSyntheticRows(const std::string& dir, int64_t items, int items_per_order) {
  auto db = Db::Open(dir + "/index.sqlite", false, false, 5000);
  if (!db.ok()) return db.status();
  auto st = Prepare(**db);
  if (!st.ok()) return st.status();
  return InTransaction(**db, [&]() -> Status {
    for (int64_t i = 0; i < items; ++i) {
      int64_t order = i / items_per_order + 1;
      std::string sha = Sha256Hex("synthetic item " + std::to_string(i));
      if (i % items_per_order == 0) {
        Order o = SyntheticOrder(order);
        PP_RETURN_IF_ERROR(st->order->Reset());
        PP_RETURN_IF_ERROR(st->order->Bind(1, o.id).Bind(2, OrderToJson(o)).Run());
        PP_RETURN_IF_ERROR(st->tracking->Reset());
        PP_RETURN_IF_ERROR(st->tracking->Bind(1, SyntheticTracking(order)).Bind(2, o.id).Run());
      }
      PP_RETURN_IF_ERROR(st->item->Reset());
      PP_RETURN_IF_ERROR(st->item->Bind(1, sha).Bind(2, "IMG_" + Padded(i) + ".jpg").Run());
      PP_RETURN_IF_ERROR(st->link->Reset());
      PP_RETURN_IF_ERROR(st->link->Bind(1, sha).Bind(2, SyntheticOrderId(order)).Run());
    }
    return Status::Ok();
  });
}

}  // namespace parcelproof::store
