// `show` latency on a store holding many items (synthetic index rows).
//   store_show_bench [--items N] [--per-order K] [--cli PATH]
// Prints the build time, then in-process lookup latency (FindOrder +
// ItemsOfOrder, by order id and by tracking number) and, with --cli, the
// wall time of `parcelproof show ID --json` processes (median, p95, max)
// next to that of `parcelproof --help`, which is process start-up alone.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "parcelproof/store.h"
#include "store/synthetic.h"

namespace {

using Clock = std::chrono::steady_clock;
using parcelproof::store::SyntheticOrderId;
using parcelproof::store::SyntheticTracking;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%-34s n=%zu median %.2f ms, p95 %.2f ms, max %.2f ms\n", what, ms.size(),
              ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  long long items = 1000000;
  int per_order = 5;
  std::string cli;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--items") items = std::atoll(argv[i + 1]);
    if (a == "--per-order") per_order = std::atoi(argv[i + 1]);
    if (a == "--cli") cli = argv[i + 1];
  }
  char tmpl[] = "/tmp/pp-show-bench-XXXXXX";
  std::string dir = std::string(mkdtemp(tmpl)) + "/store";
  auto clock = parcelproof::MakeFixedClock(1772300000000000LL);
  parcelproof::Store::Options options;
  options.clock = clock.get();
  auto t0 = Clock::now();
  auto created = parcelproof::Store::Init(dir, options, "bench");
  if (!created.ok()) return std::fprintf(stderr, "%s\n", created.status().ToString().c_str()), 1;
  created->reset();
  auto filled = parcelproof::store::AddSyntheticRows(dir, items, per_order);
  if (!filled.ok()) return std::fprintf(stderr, "%s\n", filled.ToString().c_str()), 1;
  std::printf("store %s: %lld items in %lld orders, built in %.1f s\n", dir.c_str(), items,
              items / per_order, Ms(t0, Clock::now()) / 1000);

  options.read_only = true;
  auto store = parcelproof::Store::Open(dir, options);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  std::mt19937 rng(1);
  std::uniform_int_distribution<long long> pick(1, items / per_order);
  for (int by_tracking = 0; by_tracking < 2; ++by_tracking) {
    std::vector<double> ms;
    for (int i = 0; i < 500; ++i) {
      long long n = pick(rng);
      auto s = Clock::now();
      auto order = (*store)->FindOrder(by_tracking ? SyntheticTracking(n) : SyntheticOrderId(n));
      auto found = (*store)->ItemsOfOrder(order->id);
      if (!found.ok() || found->size() != static_cast<size_t>(per_order)) return 1;
      ms.push_back(Ms(s, Clock::now()));
    }
    Report(by_tracking ? "in-process, by tracking number" : "in-process, by order id", ms);
  }
  if (!cli.empty()) {
    std::vector<double> ms;
    for (int i = 0; i < 30; ++i) {
      std::string cmd = "'" + cli + "' show " + SyntheticTracking(pick(rng)) + " --json --store '" +
                        dir + "' > /dev/null";
      auto s = Clock::now();
      if (std::system(cmd.c_str()) != 0) return 1;
      ms.push_back(Ms(s, Clock::now()));
    }
    Report("`parcelproof show` process (sh -c)", ms);
    ms.clear();
    for (int i = 0; i < 30; ++i) {
      auto s = Clock::now();
      if (std::system(("'" + cli + "' --help > /dev/null").c_str()) != 0) return 1;
      ms.push_back(Ms(s, Clock::now()));
    }
    Report("`parcelproof --help` (start-up only)", ms);
  }
  std::string rm = "rm -rf '" + dir.substr(0, dir.rfind('/')) + "'";
  return std::system(rm.c_str()) == 0 ? 0 : 1;
}
