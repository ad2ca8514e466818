#include "exif/exif_time.h"

#include <cctype>

namespace parcelproof {
namespace {

bool ReadNumber(const std::string& s, size_t at, size_t digits, int* out) {
  if (at + digits > s.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + digits; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsBlank(const std::string& s) {
  for (char c : s) {
    if (c != ' ' && c != ':' && c != '0' && c != '-') return false;
  }
  return true;
}

bool CheckDate(const CivilTime& t, const std::string& field, std::string* why) {
  if (t.year == 0) return *why = "year 0 in " + field, false;
  if (t.month < 1 || t.month > 12)
    return *why = "month " + std::to_string(t.month) + " in " + field, false;
  if (t.day < 1 || t.day > DaysInMonth(t.year, t.month)) {
    return *why = "day " + std::to_string(t.day) + " of month " + std::to_string(t.month) + " in " +
                  field,
           false;
  }
  return true;
}

bool CheckTime(const CivilTime& t, const std::string& field, std::string* why) {
  if (t.hour > 23) return *why = "hour " + std::to_string(t.hour) + " in " + field, false;
  if (t.minute > 59) return *why = "minute " + std::to_string(t.minute) + " in " + field, false;
  if (t.second > 59) return *why = "second " + std::to_string(t.second) + " in " + field, false;
  return true;
}

bool ParseDatePart(const std::string& s, const std::string& field, CivilTime* t, std::string* why) {
  bool sep_ok = s.size() >= 10 && (s[4] == ':' || s[4] == '-') && s[7] == s[4];
  if (!sep_ok || !ReadNumber(s, 0, 4, &t->year) || !ReadNumber(s, 5, 2, &t->month) ||
      !ReadNumber(s, 8, 2, &t->day)) {
    *why = "malformed " + field + " '" + s + "'";
    return false;
  }
  return CheckDate(*t, field, why);
}

}  // namespace

std::string TrimExifString(const std::string& s) {
  std::string cut = s.substr(0, s.find('\0'));
  size_t b = cut.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = cut.find_last_not_of(" \t\r\n");
  return cut.substr(b, e - b + 1);
}

bool ParseExifDateTime(const std::string& s, const std::string& field, CivilTime* out,
                       std::string* why) {
  if (s.empty() || IsBlank(s)) return *why = field + " is blank", false;
  CivilTime t;
  if (s.size() != 19 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' ||
      !ReadNumber(s, 11, 2, &t.hour) || !ReadNumber(s, 14, 2, &t.minute) ||
      !ReadNumber(s, 17, 2, &t.second)) {
    *why = "malformed " + field + " '" + s + "'";
    return false;
  }
  if (!ParseDatePart(s, field, &t, why) || !CheckTime(t, field, why)) return false;
  *out = t;
  return true;
}

bool ParseExifDate(const std::string& s, const std::string& field, CivilTime* out,
                   std::string* why) {
  if (s.empty() || IsBlank(s)) return *why = field + " is blank", false;
  CivilTime t;
  if (s.size() != 10) return *why = "malformed " + field + " '" + s + "'", false;
  if (!ParseDatePart(s, field, &t, why)) return false;
  *out = t;
  return true;
}

bool ParseExifOffset(const std::string& s, const std::string& field, int* minutes,
                     std::string* why) {
  if (s == "Z") return *minutes = 0, true;
  int h = 0, m = 0;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' || !ReadNumber(s, 1, 2, &h) ||
      !ReadNumber(s, 4, 2, &m)) {
    *why = "malformed " + field + " '" + s + "'";
    return false;
  }
  if (h > 14 || m > 59 || (h == 14 && m != 0)) {
    *why = "offset " + s + " out of range in " + field;
    return false;
  }
  *minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

bool ParseSubSec(const std::string& s, int64_t* micros) {
  if (s.empty()) return false;
  int64_t v = 0, scale = 100000;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v += (c - '0') * scale;
    scale /= 10;
  }
  *micros = v;
  return true;
}

int64_t CivilToMicros(const CivilTime& t) {
  // Howard Hinnant's days_from_civil.
  int y = t.year - (t.month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(t.month > 2 ? t.month - 3 : t.month + 9);
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(t.day) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = int64_t{era} * 146097 + static_cast<int64_t>(doe) - 719468;
  int64_t secs = days * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
  return secs * 1000000;
}

}  // namespace parcelproof
