// Orders in the store: atomic import (each change logged), lookup by order
// id or tracking number. Tracking numbers are indexed upper-cased with
// spaces and hyphens removed.
#include <cctype>

#include "store/store_impl.h"

namespace parcelproof {
namespace {

using store::Db;

std::string NormalizeTracking(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<std::string> StoredJson(Db& db, const std::string& id) {
  auto st = db.Prepare("SELECT json FROM orders WHERE id = ?");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id);
  Status s;
  if ((*st)->Step(&s)) return (*st)->Text(0);
  if (!s.ok()) return s;
  return std::string();
}

// Plain words naming what changed between two versions of an order.
std::string DescribeChange(const Order& a, const Order& b) {
  std::string out;
  auto note = [&out](bool changed, const char* what) {
    if (changed) out += std::string(out.empty() ? "" : ", ") + what;
  };
  auto tracking = [](const Order& o) {
    std::string t;
    for (const TrackingNumber& n : o.tracking) t += n.carrier + ":" + n.number + ";";
    return t;
  };
  auto recipient = [](const Order& o) {
    Order only;
    only.recipient = o.recipient;
    return OrderToJson(only);
  };
  note(recipient(a) != recipient(b), "recipient");
  note(tracking(a) != tracking(b), "tracking");
  note(a.items.size() != b.items.size(), "items");
  note(a.platform != b.platform, "platform");
  note(a.placed_at != b.placed_at || a.paid_at != b.paid_at || a.shipped_at != b.shipped_at ||
           a.delivered_at != b.delivered_at,
       "times");
  return out.empty() ? "details" : out;
}

Status WriteOrder(Store::Impl& impl, const Order& order, const std::string& json) {
  auto up = impl.db->Prepare("INSERT OR REPLACE INTO orders(id, json, updated_at) VALUES(?,?,?)");
  if (!up.ok()) return up.status();
  PP_RETURN_IF_ERROR((*up)->Bind(1, order.id).Bind(2, json).Bind(3, impl.Now()).Run());
  auto del = impl.db->Prepare("DELETE FROM tracking WHERE order_id = ?");
  if (!del.ok()) return del.status();
  PP_RETURN_IF_ERROR((*del)->Bind(1, order.id).Run());
  for (const TrackingNumber& t : order.tracking) {
    auto ins = impl.db->Prepare("INSERT OR IGNORE INTO tracking(number, order_id) VALUES(?,?)");
    if (!ins.ok()) return ins.status();
    PP_RETURN_IF_ERROR((*ins)->Bind(1, NormalizeTracking(t.number)).Bind(2, order.id).Run());
  }
  return Status::Ok();
}

Status ImportOne(Store::Impl& impl, const Order& order, const std::string& source,
                 OrderImportSummary* sum) {
  std::string json = OrderToJson(order);
  auto old = StoredJson(*impl.db, order.id);
  if (!old.ok()) return old.status();
  if (*old == json) {
    ++sum->unchanged;
    return Status::Ok();
  }
  std::string detail = "from " + source;
  if (old->empty()) {
    ++sum->added;
  } else {
    ++sum->updated;
    auto previous = ParseOrdersJson(*old, "stored order " + order.id);
    if (previous.ok() && !previous->empty()) {
      detail += ": changed " + DescribeChange(previous->front(), order);
    }
  }
  PP_RETURN_IF_ERROR(WriteOrder(impl, order, json));
  return impl.AppendLogInTx(old->empty() ? "order-import" : "order-update", "", order.id, detail);
}

}  // namespace

Result<OrderImportSummary> Store::ImportOrders(const std::vector<Order>& orders,
                                               const std::string& source) {
  PP_RETURN_IF_ERROR(impl_->RequireWritable("import orders"));
  OrderImportSummary sum;
  for (const Order& o : orders) {
    if (o.id.empty()) return Status::InvalidArgument(source + ": an order has no id");
  }
  Status s = store::InTransaction(*impl_->db, [&]() -> Status {
    for (const Order& o : orders) PP_RETURN_IF_ERROR(ImportOne(*impl_, o, source, &sum));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return sum;
}

Result<std::vector<std::string>> Store::OrdersWithTracking(const std::string& tracking) {
  auto st = impl_->db->Prepare("SELECT order_id FROM tracking WHERE number = ? ORDER BY order_id");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, NormalizeTracking(tracking));
  std::vector<std::string> out;
  Status s;
  while ((*st)->Step(&s)) out.push_back((*st)->Text(0));
  if (!s.ok()) return s;
  return out;
}

Result<Order> Store::FindOrder(const std::string& id_or_tracking) {
  auto json = StoredJson(*impl_->db, id_or_tracking);
  if (!json.ok()) return json.status();
  std::string id = id_or_tracking;
  if (json->empty()) {
    auto ids = OrdersWithTracking(id_or_tracking);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) {
      return Status::NotFound("no order with id or tracking number '" + id_or_tracking + "'");
    }
    id = ids->front();
    json = StoredJson(*impl_->db, id);
    if (!json.ok()) return json.status();
  }
  auto orders = ParseOrdersJson(*json, "stored order " + id);
  if (!orders.ok()) return orders.status();
  if (orders->size() != 1) return Status::Corrupt("stored order " + id + ": not one order");
  return orders->front();
}

}  // namespace parcelproof
