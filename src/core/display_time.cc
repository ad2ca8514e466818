#include "parcelproof/display_time.h"

#include <cstdio>
#include <cstdlib>

#include "parcelproof/clock.h"
#include "parcelproof/order.h"

namespace parcelproof {
namespace {

// "2026-03-02T02:00:00Z" -> "2026-03-02 02:00:00".
std::string Plain(const std::string& utc) {
  std::string s = utc.substr(0, 19);
  if (s.size() > 10) s[10] = ' ';
  return s;
}

// True for "YYYY-MM-DDTHH:MM:SS" with optional fraction and nothing else.
bool IsLocalWithoutZone(const std::string& t) {
  if (t.size() < 19 || t[10] != 'T') return false;
  size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  }
  return i == t.size();
}

}  // namespace

bool ParseOffset(const std::string& t, int* offset_minutes) {
  if (t.size() < 25) return false;
  std::string tail = t.substr(t.size() - 6);
  if ((tail[0] != '+' && tail[0] != '-') || tail[3] != ':') return false;
  for (int i : {1, 2, 4, 5}) {
    if (tail[i] < '0' || tail[i] > '9') return false;
  }
  int minutes = std::atoi(tail.substr(1, 2).c_str()) * 60 + std::atoi(tail.substr(4, 2).c_str());
  if (minutes > 18 * 60) return false;
  *offset_minutes = tail[0] == '-' ? -minutes : minutes;
  return true;
}

std::string OffsetName(int m) {
  if (m == 0) return "UTC";
  char buf[16];
  int a = m < 0 ? -m : m;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', a / 60 % 100, a % 60);
  return buf;
}

DisplayZone ChooseDisplayZone(const std::vector<std::string>& order_times,
                              const std::vector<std::string>& capture_times) {
  int m = 0;
  for (const std::string& t : order_times) {
    if (ParseOffset(t, &m)) return {m, "the order's times"};
  }
  for (const std::string& t : capture_times) {
    if (ParseOffset(t, &m)) return {m, "the station's capture times"};
  }
  return {0, ""};
}

std::string FormatDisplayTime(int64_t micros, int offset_minutes) {
  std::string utc = Plain(FormatUtc(micros));  // FormatUtc drops the fraction
  if (offset_minutes == 0) return utc + " UTC";
  std::string local = Plain(FormatUtc(micros + int64_t{offset_minutes} * 60000000));
  std::string utc_part = local.substr(0, 10) == utc.substr(0, 10) ? utc.substr(11) : utc;
  return local + " " + OffsetName(offset_minutes) + " (" + utc_part + " UTC)";
}

std::string FormatDisplayTime(const std::string& t, int offset_minutes) {
  if (t.empty()) return "";
  if (IsLocalWithoutZone(t)) return Plain(t) + " (local time, zone unknown)";
  long long micros = 0;
  if (!ParseRfc3339(t, &micros)) return t;
  return FormatDisplayTime(static_cast<int64_t>(micros), offset_minutes);
}

}  // namespace parcelproof
