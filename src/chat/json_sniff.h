// Is this text JSON? Only when it parses: a whole file, or the first bytes of
// a longer one that parse up to where they were cut.
#ifndef PARCELPROOF_CHAT_JSON_SNIFF_H_
#define PARCELPROOF_CHAT_JSON_SNIFF_H_

#include <string_view>

namespace parcelproof::chat {

// head: the file's first bytes (a UTF-8 BOM allowed); truncated: the file
// goes on after them.
bool LooksLikeJson(std::string_view head, bool truncated);

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_JSON_SNIFF_H_
