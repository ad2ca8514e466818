// parcelproof timeline ORDER [--dispute-opened TIME] [--store DIR] [--json]:
// order events and evidence items in time order, with the findings.
#include <cstdio>
#include <memory>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/order.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] =
    "parcelproof timeline ORDER [--dispute-opened TIME] [--store DIR] [--json]";

void PrintText(const Timeline& tl) {
  std::printf("order %s\n", tl.order_id.c_str());
  for (const TimelineEvent& e : tl.events) {
    std::string time = e.zone_known ? e.time : e.time + " (zone unknown)";
    std::printf("  %-40s %s", time.c_str(), e.what.c_str());
    if (!e.source.empty()) std::printf("  [%s]", e.source.c_str());
    std::printf("\n");
  }
  std::printf("findings: %zu\n", tl.findings.size());
  for (const Finding& f : tl.findings) {
    std::printf("  %-8s %s\n", SeverityName(f.severity), f.explanation.c_str());
  }
}

Result<Timeline> Build(const Args& args) {
  std::string dispute = args.Get("--dispute-opened");
  long long micros = 0;
  if (!dispute.empty() && !ParseRfc3339(dispute, &micros)) {
    return Status::InvalidArgument("--dispute-opened: not an RFC 3339 time: " + dispute);
  }
  std::string error;
  std::unique_ptr<Clock> clock = MakeDefaultClock(&error);
  if (!clock) return Status::InvalidArgument(error);
  Store::Options options;
  options.clock = clock.get();
  options.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(ResolveStoreDir(args.Get("--store")), options);
  if (!store.ok()) return store.status();
  Result<Order> order = (*store)->FindOrder(args.positionals()[0]);
  if (!order.ok()) return order.status();
  Result<std::vector<StoreItem>> items = (*store)->ItemsOfOrder(order->id);
  if (!items.ok()) return items.status();
  std::vector<TimelineItem> timeline_items;
  for (const StoreItem& item : *items) {
    timeline_items.push_back(TimelineItemFrom(item));
    Result<std::string> blob = (*store)->BlobPath(item.sha256);
    if (blob.ok()) AttachConversation(item, *blob, &timeline_items.back());
  }
  TimelineOptions topts;
  topts.now_micros = clock->NowMicros();
  TimelineOrder torder = TimelineOrderFrom(*order, dispute);
  topts.display_offset_minutes = TimelineZone(torder, timeline_items).offset_minutes;
  return BuildTimeline(torder, timeline_items, topts);
}

}  // namespace

int RunTimeline(int argc, char** argv) {
  ArgSpec spec{{"--json", "--help"}, {"--dispute-opened", "--store"}, {}};
  Result<Args> args = Args::Parse(argc, argv, 2, spec);
  if (!args.ok()) return Usage("timeline", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().size() != 1) return Usage("timeline", "give one ORDER", kSynopsis);
  Result<Timeline> tl = Build(*args);
  if (!tl.ok()) {
    if (tl.status().code() == Status::Code::kInvalidArgument) {
      return Usage("timeline", tl.status().message(), kSynopsis);
    }
    return Fail(tl.status());
  }
  if (args->Has("--json")) {
    PrintJsonDocument(TimelineJson(*tl));
  } else {
    PrintText(*tl);
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
