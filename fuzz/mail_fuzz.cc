// GMime behind mail::ReadMailBytes: one message and mbox, every part walked
// within the limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/mail_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t total = 0;
  auto count = [&](const parcelproof::mail::MailMessage& m) {
    total += m.text.size() + m.attachments.size();
  };
  (void)parcelproof::mail::ReadMailBytes(bytes, false, count);
  (void)parcelproof::mail::ReadMailBytes(bytes, true, count);
  return total == static_cast<size_t>(-1) ? 1 : 0;
}
