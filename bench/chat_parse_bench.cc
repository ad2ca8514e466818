// In-process chat parsing time, without process start-up:
//   chat_parse_bench FILE [RUNS] [parse]
// Reads the file into memory once, then times ReadConversationBytes over it
// RUNS times (default 5): once with a sink that only counts messages (the
// parse), once writing the --json document to /dev/null (what `chat --json`
// does; left out when the third argument is "parse"). Prints the best run of
// each in ms of wall time and of CPU time (this process, std::clock), and
// the message count. Also the best CPU time of the file's SHA-256 alone
// (which every parse includes: the JSON carries it), so that the parse
// can be stated with and without it.
//   chat_parse_bench FILE 1 json OUT
// writes that --json document (of the bytes in memory) to OUT instead, to
// compare it with `parcelproof chat --json FILE` (which reads the file in
// chunks).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/file.h"
#include "core/sha256.h"
#include "parcelproof/chat.h"

namespace {

using Clock = std::chrono::steady_clock;

class Counter : public parcelproof::ConversationSink {
 public:
  void Message(const parcelproof::ChatMessageView& /*m*/) override { ++count; }
  unsigned long long count = 0;
};

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double CpuMs(std::clock_t a, std::clock_t b) {
  return 1000.0 * static_cast<double>(b - a) / CLOCKS_PER_SEC;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: chat_parse_bench FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  bool json = !(argc > 3 && std::string(argv[3]) == "parse");
  parcelproof::Result<std::string> bytes = parcelproof::ReadFileLimited(argv[1], 1ull << 30);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.status().ToString().c_str());
    return 3;
  }
  parcelproof::ChatOptions options;
  double best_parse = 1e18, best_json = 1e18, cpu_parse = 1e18, cpu_json = 1e18;
  unsigned long long count = 0;
  const char* out_path = argc > 4 ? argv[4] : "/dev/null";
  std::FILE* null = std::fopen(out_path, "wb");
  if (null == nullptr) {
    std::fprintf(stderr, "%s: cannot open\n", out_path);
    return 3;
  }
  for (int i = 0; i < runs; ++i) {
    Counter counter;
    auto t0 = Clock::now();
    std::clock_t c0 = std::clock();
    parcelproof::ReadConversationBytes(*bytes, argv[1], options, &counter);
    std::clock_t c1 = std::clock();
    auto t1 = Clock::now();
    best_parse = std::min(best_parse, Ms(t0, t1));
    cpu_parse = std::min(cpu_parse, CpuMs(c0, c1));
    count = counter.count;
    if (!json) continue;
    parcelproof::ConversationJsonWriter writer(null);
    writer.BeginDocument();
    auto t2 = Clock::now();
    std::clock_t c2 = std::clock();
    parcelproof::ConversationInfo info =
        parcelproof::ReadConversationBytes(*bytes, argv[1], options, &writer);
    writer.End(info);
    writer.EndDocument();
    std::fflush(null);
    std::clock_t c3 = std::clock();
    auto t3 = Clock::now();
    best_json = std::min(best_json, Ms(t2, t3));
    cpu_json = std::min(cpu_json, CpuMs(c2, c3));
  }
  std::fclose(null);
  double cpu_hash = 1e18;
  for (int i = 0; i < runs; ++i) {
    std::clock_t h0 = std::clock();
    parcelproof::Sha256 sha;
    sha.Update(*bytes);
    std::string hex = sha.FinalHex();
    std::clock_t h1 = std::clock();
    if (hex.empty()) return 4;
    cpu_hash = std::min(cpu_hash, CpuMs(h0, h1));
  }
  if (!json) best_json = cpu_json = 0;
  std::printf(
      "messages %llu parse_ms %.1f parse_json_ms %.1f parse_cpu_ms %.1f parse_json_cpu_ms %.1f "
      "sha256_cpu_ms %.1f\n",
      count, best_parse, best_json, cpu_parse, cpu_json, cpu_hash);
  return 0;
}
