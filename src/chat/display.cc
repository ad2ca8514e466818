// DisplaySafe: names and texts from a conversation are someone else's bytes;
// a right-to-left override or a terminal escape must be seen, not obeyed.
#include <cstdio>

#include "parcelproof/chat.h"

namespace parcelproof {

std::string DisplaySafe(const std::string& s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    char buf[16];
    if (c == '\n' && keep_newlines) {
      out += '\n';
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "<0x%02X>", c);
      out += buf;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) < 0xA0) {  // C1 controls
      std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) >= 0xAA &&
               static_cast<unsigned char>(s[i + 2]) <= 0xAE) {  // U+202A..U+202E
      std::snprintf(buf, sizeof buf, "<U+20%02X>",
                    0x2A + (static_cast<unsigned char>(s[i + 2]) - 0xAA));
      out += buf;
      i += 2;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
               static_cast<unsigned char>(s[i + 2]) >= 0xA6 &&
               static_cast<unsigned char>(s[i + 2]) <= 0xA9) {  // U+2066..U+2069
      std::snprintf(buf, sizeof buf, "<U+20%02X>",
                    0x66 + (static_cast<unsigned char>(s[i + 2]) - 0xA6));
      out += buf;
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace parcelproof
