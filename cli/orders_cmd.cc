// parcelproof orders import FILE [--store DIR] [--station NAME] [--json]
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "store_common.h"

namespace parcelproof::cli {
namespace {
const char kSynopsis[] = "parcelproof orders import FILE [--store DIR] [--station NAME] [--json]";
}  // namespace

int RunOrders(int argc, char** argv) {
  Result<Args> args =
      Args::Parse(argc, argv, 2, {{"--json", "--help"}, {"--store", "--station"}, {}});
  if (!args.ok()) return Usage("orders", args.status().message(), kSynopsis);
  if (args->Has("--help")) return std::printf("usage: %s\n", kSynopsis), kExitOk;
  const std::vector<std::string>& pos = args->positionals();
  if (pos.size() != 2 || pos[0] != "import") {
    return Usage("orders", "expected: orders import FILE", kSynopsis);
  }
  Result<std::vector<Order>> orders = LoadOrdersFile(pos[1]);
  if (!orders.ok()) return Fail(orders.status());
  Result<OpenedStore> opened = OpenStoreFromArgs(*args, false);
  if (!opened.ok()) return Fail(opened.status());
  Result<OrderImportSummary> sum = opened->store->ImportOrders(*orders, pos[1]);
  if (!sum.ok()) return Fail(sum.status());
  if (args->Has("--json")) {
    PrintJsonDocument(OrderImportJson(pos[1], orders->size(), *sum));
  } else {
    std::printf("%s: %zu order(s): %d added, %d updated, %d unchanged\n", pos[1].c_str(),
                orders->size(), sum->added, sum->updated, sum->unchanged);
  }
  return kExitOk;
}

}  // namespace parcelproof::cli
