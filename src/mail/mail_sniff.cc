// Telling mail from other text by its first lines (no GMime needed).
#include <cctype>
#include <string>

#include "mail/mail_reader.h"

namespace parcelproof::mail {
namespace {

std::string LowerName(std::string_view line, size_t colon) {
  std::string n(line.substr(0, colon));
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n;
}

bool IsFieldName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c <= ' ' || c > '~' || c == ':') return false;
  }
  return true;
}

}  // namespace

bool LooksLikeMbox(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) != "From ") return false;
  size_t nl = head.find('\n');
  return nl != std::string_view::npos && LooksLikeMessage(head.substr(nl + 1));
}

bool LooksLikeMessage(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  bool from = false;
  int fields = 0;
  size_t at = 0;
  while (at < head.size()) {
    size_t nl = head.find('\n', at);
    std::string_view line = head.substr(at, nl == std::string_view::npos ? nl : nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (line[0] != ' ' && line[0] != '\t') {
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || !IsFieldName(line.substr(0, colon))) return false;
      std::string name = LowerName(line, colon);
      from |= name == "from";
      if (name == "from" || name == "date" || name == "subject" || name == "message-id" ||
          name == "received" || name == "mime-version" || name == "to" || name == "return-path") {
        ++fields;
      }
    } else if (at == 0) {
      return false;
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return from && fields >= 2;
}

}  // namespace parcelproof::mail
