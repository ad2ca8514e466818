// Renders control characters in decoded text visibly for terminal output.
#ifndef PARCELPROOF_CLI_PRINTABLE_H_
#define PARCELPROOF_CLI_PRINTABLE_H_

#include <cstdio>
#include <string>

namespace parcelproof::cli {

// "\x1d" -> "<GS>", "\x1e" -> "<RS>", "\x04" -> "<EOT>", other controls -> "<0xNN>".
inline std::string Printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == 29)
      out += "<GS>";
    else if (c == 30)
      out += "<RS>";
    else if (c == 4)
      out += "<EOT>";
    else if (c < 32 || c == 127) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "<0x%02X>", c);
      out += buf;
    } else
      out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_PRINTABLE_H_
