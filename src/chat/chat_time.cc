#include "chat/chat_time.h"

#include <cstdio>
#include <cstring>

#include "parcelproof/chat.h"

namespace parcelproof::chat {
namespace {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (*m <= 2));
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Digits(std::string_view s, size_t at, size_t n, int* value) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *value = v;
  return true;
}

}  // namespace

bool CivilSeconds(int year, int month, int day, int hour, int minute, int second,
                  int64_t* seconds) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (day > DaysInMonth(year, month)) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return false;
  }
  *seconds = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
             hour * 3600 + minute * 60 + second;
  return true;
}

namespace {

void Put(char* at, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

int64_t DayOf(int64_t seconds) {
  return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

// "00" to "99".
struct TwoDigits {
  char text[200];
  TwoDigits() : text() {
    for (int i = 0; i < 100; ++i) {
      text[2 * i] = static_cast<char>('0' + i / 10);
      text[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
  }
};
const TwoDigits kTwoDigits;

void Put2(char* at, int value) { std::memcpy(at, kTwoDigits.text + 2 * value, 2); }

// "2026-03-01" for a day number.
void FormatDate(int64_t days, char* out) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  if (y < 0 || y > 9999) y = 0;
  Put2(out, y / 100);
  Put2(out + 2, y % 100);
  out[4] = '-';
  Put2(out + 5, m);
  out[7] = '-';
  Put2(out + 8, d);
}

// "T14:05:00" for the seconds into a day (0 to 86399).
void FormatClock(int rest, char* out) {
  out[0] = 'T';
  Put2(out + 1, rest / 3600);
  out[3] = ':';
  Put2(out + 4, rest / 60 % 60);
  out[6] = ':';
  Put2(out + 7, rest % 60);
}

// "Z" or "+08:00" into out (16 bytes); returns the length.
size_t FormatOffset(int offset_minutes, char* out) {
  if (offset_minutes == 0) {
    out[0] = 'Z';
    return 1;
  }
  int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  if (a >= 100 * 60) {  // not an offset any zone has, printed as it is
    int n = std::snprintf(out, 16, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    return n > 0 ? static_cast<size_t>(n) : 0;
  }
  out[0] = offset_minutes < 0 ? '-' : '+';
  Put(out + 1, a / 60, 2);
  out[3] = ':';
  Put(out + 4, a % 60, 2);
  return 6;
}

}  // namespace

std::string FormatLocal(int64_t seconds) {
  std::string s;
  TimeFormatter().Format(seconds, false, 0, &s);
  return s;
}

std::string FormatWithOffset(int64_t local_seconds, int offset_minutes) {
  std::string s;
  TimeFormatter().Format(local_seconds, true, offset_minutes, &s);
  return s;
}

size_t TimeFormatter::Format(int64_t local_seconds, bool with_offset, int offset_minutes,
                             char* buf) {
  int64_t rest = day_ == INT64_MIN ? -1 : local_seconds - day_ * 86400;
  if (rest < 0 || rest >= 86400) {  // not the day of the last call
    day_ = DayOf(local_seconds);
    FormatDate(day_, date_);
    rest = local_seconds - day_ * 86400;
  }
  std::memcpy(buf, date_, 10);
  FormatClock(static_cast<int>(rest), buf + 10);
  size_t n = 19;
  if (with_offset) n += FormatOffset(offset_minutes, buf + 19);
  return n;
}

void TimeFormatter::Format(int64_t local_seconds, bool with_offset, int offset_minutes,
                           std::string* out) {
  char buf[kMaxTimeText];
  size_t n = Format(local_seconds, with_offset, offset_minutes, buf);
  if (out->size() == n) {
    std::memcpy(&(*out)[0], buf, n);  // the usual case: no reallocation check
  } else {
    out->assign(buf, n);
  }
}

bool ParseOffset(std::string_view t, int* minutes) {
  if (t == "Z" || t == "z" || t == "UTC" || t == "GMT") {
    *minutes = 0;
    return true;
  }
  if (t.size() < 3 || (t[0] != '+' && t[0] != '-')) return false;
  int h = 0, m = 0;
  if (!Digits(t, 1, 2, &h)) return false;
  if (t.size() == 6 && t[3] == ':') {
    if (!Digits(t, 4, 2, &m)) return false;
  } else if (t.size() == 5) {
    if (!Digits(t, 3, 2, &m)) return false;
  } else if (t.size() != 3) {
    return false;
  }
  if (h > 14 || m > 59) return false;
  *minutes = (t[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

bool ParseTimestamp(std::string_view t, int64_t* local_seconds, bool* has_offset,
                    int* offset_minutes) {
  int y, mo, d, h, mi, s = 0;
  if (!Digits(t, 0, 4, &y) || t.size() < 16 || t[4] != '-' || !Digits(t, 5, 2, &mo) ||
      t[7] != '-' || !Digits(t, 8, 2, &d) || (t[10] != 'T' && t[10] != ' ') ||
      !Digits(t, 11, 2, &h) || t[13] != ':' || !Digits(t, 14, 2, &mi)) {
    return false;
  }
  size_t at = 16;
  if (at < t.size() && t[at] == ':') {
    if (!Digits(t, at + 1, 2, &s)) return false;
    at += 3;
    if (at < t.size() && t[at] == '.') {  // fractions are dropped
      ++at;
      while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
    }
  }
  *has_offset = at < t.size();
  *offset_minutes = 0;
  if (*has_offset && !ParseOffset(t.substr(at), offset_minutes)) return false;
  return CivilSeconds(y, mo, d, h, mi, s, local_seconds);
}

}  // namespace parcelproof::chat

namespace parcelproof {

Result<int> ParseZoneOffset(const std::string& text) {
  int minutes = 0;
  if (!chat::ParseOffset(text, &minutes)) {
    return Status::InvalidArgument("zone '" + text + "' is not an offset such as +08:00 or Z");
  }
  return minutes;
}

}  // namespace parcelproof
