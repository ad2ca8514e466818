// parcelproof show ORDER_ID_OR_TRACKING [--store DIR] [--json]
#include <algorithm>
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] = "parcelproof show ORDER_ID_OR_TRACKING [--store DIR] [--json]";

void PrintOrder(const Order& o) {
  std::printf("order %s", o.id.c_str());
  if (!o.platform.empty()) std::printf(" (%s)", o.platform.c_str());
  std::printf("\n  recipient: %s, %s %s %s\n", o.recipient.name.c_str(),
              o.recipient.postal_code.c_str(), o.recipient.city.c_str(),
              o.recipient.country.c_str());
  for (const TrackingNumber& t : o.tracking) {
    std::printf("  tracking:  %s %s\n", t.number.c_str(), t.carrier.c_str());
  }
}

void PrintDerived(const StoreItem& d) {
  std::printf("      derived %-12s %s  %s\n", d.role.c_str(), d.sha256.c_str(),
              d.original_name.c_str());
}

void PrintItem(const StoreItem& it, const std::vector<StoreItem>& derived) {
  std::printf("  %-13s %-8s %s  %s\n", it.role.c_str(), ItemKindName(it.kind), it.sha256.c_str(),
              it.original_name.c_str());
  std::printf("      taken %s%s%s; stored %s at %s\n",
              it.capture_time.empty() ? "(unknown)" : it.capture_time.c_str(),
              it.capture_time_source.empty() ? "" : " from ", it.capture_time_source.c_str(),
              it.ingested_at.c_str(), it.station.c_str());
  for (const std::string& b : it.barcodes) std::printf("      barcode %s\n", b.c_str());
  for (const LabelVerdict& v : it.verdicts) {
    std::printf("      label check for order %s: %s\n", v.order_id.c_str(), v.verdict.c_str());
    for (const std::string& r : v.reasons) std::printf("        %s\n", r.c_str());
  }
  for (const StoreItem& d : derived) PrintDerived(d);
}

}  // namespace

int RunShow(int argc, char** argv) {
  Result<Args> args = Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"--store"}, {}});
  if (!args.ok()) return Usage("show", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  if (args->positionals().size() != 1) {
    return Usage("show", "give one order id or tracking number", kSynopsis);
  }
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, true);
  if (!opened.ok()) return Fail(opened.status());
  Result<Order> order = opened->store->FindOrder(args->positionals()[0]);
  if (!order.ok()) return Fail(order.status());
  Result<std::vector<StoreItem>> items = opened->store->ItemsOfOrder(order->id);
  if (!items.ok()) return Fail(items.status());
  std::vector<std::vector<StoreItem>> derived;
  for (const StoreItem& it : *items) {
    Result<std::vector<StoreItem>> d = opened->store->DerivedItems(it.sha256);
    if (!d.ok()) return Fail(d.status());
    // By name: video stills are named by their zero-padded frame index.
    std::stable_sort(d->begin(), d->end(), [](const StoreItem& a, const StoreItem& b) {
      return a.original_name < b.original_name;
    });
    derived.push_back(std::move(*d));
  }
  if (args->Has("--json")) {
    PrintJsonDocument(ShowJson(*order, *items, derived));
    return kExitOk;
  }
  PrintOrder(*order);
  std::printf("items (%zu):\n", items->size());
  for (size_t i = 0; i < items->size(); ++i) PrintItem((*items)[i], derived[i]);
  return kExitOk;
}

}  // namespace parcelproof::cli
