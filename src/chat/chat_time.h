// Calendar arithmetic and RFC 3339 text for chat messages (no zone database:
// offsets only).
#ifndef PARCELPROOF_CHAT_CHAT_TIME_H_
#define PARCELPROOF_CHAT_CHAT_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace parcelproof::chat {

// Seconds since 1970 of the civil date and time read as UTC; false when the
// date or time does not exist (month 13, 30 February, 24:00).
bool CivilSeconds(int year, int month, int day, int hour, int minute, int second, int64_t* seconds);
// "2026-03-01T14:05:00" for the wall time in seconds.
std::string FormatLocal(int64_t seconds);
// "2026-03-01T14:05:00+08:00" ("Z" for offset 0): the wall time plus offset.
std::string FormatWithOffset(int64_t local_seconds, int offset_minutes);

// FormatLocal and FormatWithOffset into a string whose capacity is kept,
// remembering the date of the last call (consecutive messages mostly share
// their date, so its calendar arithmetic is done once per day).
class TimeFormatter {
 public:
  // offset_minutes is used when with_offset is true.
  void Format(int64_t local_seconds, bool with_offset, int offset_minutes, std::string* out);
  // The same into out[0, kMaxTimeText); returns the length written.
  size_t Format(int64_t local_seconds, bool with_offset, int offset_minutes, char* out);
  static constexpr size_t kMaxTimeText = 40;

 private:
  int64_t day_ = INT64_MIN;
  char date_[10] = {};
};
// "+08:00", "+0800", "-05:30", "Z": minutes east of UTC; false when not an offset.
bool ParseOffset(std::string_view text, int* minutes);
// RFC 3339 with or without offset, "T" or " " between date and time, seconds
// optional: "2026-03-01T14:05:00+08:00", "2026-03-01 14:05". Sets has_offset.
bool ParseTimestamp(std::string_view text, int64_t* local_seconds, bool* has_offset,
                    int* offset_minutes);

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_CHAT_TIME_H_
