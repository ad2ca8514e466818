#include "parcelproof/clock.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace parcelproof {
namespace {

class SystemClock : public Clock {
 public:
  int64_t NowMicros() const override {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
  }
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(int64_t micros) : micros_(micros) {}
  int64_t NowMicros() const override { return micros_; }

 private:
  int64_t micros_;
};

}  // namespace

std::unique_ptr<Clock> MakeSystemClock() { return std::make_unique<SystemClock>(); }

std::unique_ptr<Clock> MakeFixedClock(int64_t micros) {
  return std::make_unique<FixedClock>(micros);
}

std::unique_ptr<Clock> MakeDefaultClock(std::string* error) {
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  if (!sde || !*sde) return MakeSystemClock();
  char* end = nullptr;
  long long secs = std::strtoll(sde, &end, 10);
  if (*end != '\0' || secs < 0 || secs > 253402300799LL) {
    *error = std::string("SOURCE_DATE_EPOCH: not a number of seconds: ") + sde;
    return nullptr;
  }
  return MakeFixedClock(static_cast<int64_t>(secs) * 1000000);
}

std::string FormatUtc(int64_t micros, int fraction_digits) {
  int64_t secs = micros / 1000000;
  int64_t frac = micros % 1000000;
  if (frac < 0) {
    frac += 1000000;
    secs -= 1;
  }
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string out(buf);
  if (fraction_digits > 0) {
    char fb[8];
    std::snprintf(fb, sizeof fb, "%06lld", static_cast<long long>(frac));
    out += "." + std::string(fb, fraction_digits > 6 ? 6 : fraction_digits);
  }
  return out + "Z";
}

}  // namespace parcelproof
