// The header that starts a WhatsApp message line: Android
// "31/12/21, 23:59 - " and iOS "[31/12/21, 23:59:59] " in every date order,
// separator, year length and clock the phone's locale produces.
#ifndef PARCELPROOF_CHAT_WHATSAPP_HEADER_H_
#define PARCELPROOF_CHAT_WHATSAPP_HEADER_H_

#include <cstddef>
#include <string_view>

namespace parcelproof::chat {

struct WaHeader {
  int number[3] = {0, 0, 0};  // the date's three numbers as written
  int digits[3] = {0, 0, 0};  // and their lengths
  int hour = 0, minute = 0, second = 0;
  enum Half { kNone, kAm, kPm } half = kNone;  // 12-hour clock marker
  bool bracket = false;                        // iOS "[...]"
  size_t body = 0;                             // offset of what follows the header
};

// True when line starts with a message header; fills *h.
bool ParseWaHeader(std::string_view line, WaHeader* h);
// The general parser alone, without the fast path for the common headers
// that ParseWaHeader tries first (tests compare the two).
bool ParseWaHeaderGeneral(std::string_view line, WaHeader* h);

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_WHATSAPP_HEADER_H_
