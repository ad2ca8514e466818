// In-process chat parsing time, without process start-up:
//   chat_parse_bench FILE [RUNS]
// Reads the file into memory once, then times ReadConversationBytes over it
// RUNS times (default 5): once with a sink that only counts messages (the
// parse), once writing the --json document to /dev/null (what `chat --json`
// does). Prints the best run of each in ms, and the message count.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/file.h"
#include "parcelproof/chat.h"

namespace {

using Clock = std::chrono::steady_clock;

class Counter : public parcelproof::ConversationSink {
 public:
  void Message(const parcelproof::ChatMessage& /*m*/) override { ++count; }
  unsigned long long count = 0;
};

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: chat_parse_bench FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  parcelproof::Result<std::string> bytes = parcelproof::ReadFileLimited(argv[1], 1ull << 30);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.status().ToString().c_str());
    return 3;
  }
  parcelproof::ChatOptions options;
  double best_parse = 1e18, best_json = 1e18;
  unsigned long long count = 0;
  std::FILE* null = std::fopen("/dev/null", "wb");
  for (int i = 0; i < runs; ++i) {
    Counter counter;
    auto t0 = Clock::now();
    parcelproof::ReadConversationBytes(*bytes, argv[1], options, &counter);
    auto t1 = Clock::now();
    best_parse = std::min(best_parse, Ms(t0, t1));
    count = counter.count;
    parcelproof::ConversationJsonWriter writer(null);
    writer.BeginDocument();
    auto t2 = Clock::now();
    parcelproof::ConversationInfo info =
        parcelproof::ReadConversationBytes(*bytes, argv[1], options, &writer);
    writer.End(info);
    writer.EndDocument();
    std::fflush(null);
    auto t3 = Clock::now();
    best_json = std::min(best_json, Ms(t2, t3));
  }
  std::fclose(null);
  std::printf("messages %llu parse_ms %.1f parse_json_ms %.1f\n", count, best_parse, best_json);
  return 0;
}
