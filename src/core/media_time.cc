#include "core/media_time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parcelproof {
namespace {

long long Millis(double time_s) {
  // Times are stored to the microsecond: the epsilon keeps 1.000000 at 1000.
  return static_cast<long long>(std::floor(std::max(0.0, time_s) * 1000 + 1e-6));
}

}  // namespace

std::string MediaClock(double time_s) {
  long long ms = Millis(time_s);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, ms % 1000);
  return buf;
}

std::string SeekArgument(double time_s) {
  long long ms = Millis(time_s);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", ms / 1000, ms % 1000);
  return buf;
}

}  // namespace parcelproof
