// The injected clock. Everything that stamps a time (custody log, packages,
// reports) takes a Clock so that tests and reproducible builds can fix it.
#ifndef PARCELPROOF_CLOCK_H_
#define PARCELPROOF_CLOCK_H_

#include <cstdint>
#include <memory>
#include <string>

namespace parcelproof {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since 1970-01-01T00:00:00Z.
  virtual int64_t NowMicros() const = 0;
};

// The real clock, or a fixed one when SOURCE_DATE_EPOCH (seconds) is set.
// Returns nullptr and sets *error when SOURCE_DATE_EPOCH is malformed.
std::unique_ptr<Clock> MakeDefaultClock(std::string* error);
std::unique_ptr<Clock> MakeSystemClock();
std::unique_ptr<Clock> MakeFixedClock(int64_t micros);

// RFC 3339 UTC: "2026-03-01T10:22:05Z", or with fraction digits when
// fraction_digits > 0 ("2026-03-01T10:22:05.512Z").
std::string FormatUtc(int64_t micros, int fraction_digits = 0);

}  // namespace parcelproof

#endif  // PARCELPROOF_CLOCK_H_
