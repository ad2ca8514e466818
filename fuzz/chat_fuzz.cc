// Every chat format through the same entry point the CLI and the store use
// (WhatsApp, Telegram, marketplace CSV and JSON lines, e-mail), then the JSON
// and the display escaping of whatever was read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parcelproof/chat.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  parcelproof::ChatOptions options;
  options.me = {"Li Wei"};
  parcelproof::Conversation c = parcelproof::LoadConversationBytes(bytes, "fuzz", options);
  (void)parcelproof::ConversationJson(c);
  for (const parcelproof::ChatMessage& m : c.messages) {
    if (m.span_begin > m.span_end || m.span_end > size) __builtin_trap();
    (void)parcelproof::DisplaySafe(m.sender, false);
  }
  return 0;
}
