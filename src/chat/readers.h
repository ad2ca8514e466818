// The format readers behind ReadConversation: each reads the source from
// its start and hands messages to the builder.
#ifndef PARCELPROOF_CHAT_READERS_H_
#define PARCELPROOF_CHAT_READERS_H_

#include <string>
#include <string_view>

#include "chat/builder.h"
#include "chat/line_reader.h"

namespace parcelproof::chat {

struct ReadContext {
  ByteSource* source;
  const std::string& name;
  const ChatOptions& options;
  ConversationInfo* info;
  ConversationBuilder* builder;
};

// WhatsApp .txt: two passes, the first infers the date order of the whole file.
void ReadWhatsApp(const ReadContext& ctx);
// Marketplace copies: CSV with a header (time,sender,text[,attachments]) and
// JSON lines ({"time","sender","text","attachments"}).
void ReadMarketplaceCsv(const ReadContext& ctx);
void ReadMarketplaceJsonl(const ReadContext& ctx);
// Telegram Desktop result.json (read whole, up to kMaxJsonBytes). False when
// the bytes are not a Telegram export (then *why says what they are).
bool ReadTelegram(const ReadContext& ctx, std::string* why);
// A WhatsApp zip "with media" (whatsapp_zip.cc): checked, its chat text
// read, its media hashed and tied to the messages that attach them.
Result<ConversationInfo> ReadChatZip(const std::string& path, const ChatOptions& options,
                                     ConversationSink* sink);
// Reads a zip's chat text from source; the info carries the container's
// sha256, member name and media (conversation.cc).
ConversationInfo ReadZipMember(ByteSource* source, const std::string& name,
                               const ChatOptions& options, ConversationSink* sink,
                               const ConversationInfo& container);
// Format tests on the first non-empty line of a file.
bool IsMarketplaceCsvHeader(std::string_view line);
bool IsMarketplaceJsonLine(std::string_view line);
// Problems common to line formats: invalid UTF-8, UTF-16, cut lines.
void ReportEncoding(const LineReader& reader, ConversationBuilder* builder);

constexpr size_t kMaxJsonBytes = size_t{256} << 20;
constexpr size_t kMaxTextBytes = size_t{4} << 20;

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_READERS_H_
