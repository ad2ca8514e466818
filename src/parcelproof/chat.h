// Conversation logs read into a verifiable thread: WhatsApp "Export chat"
// (.txt, Android and iOS families), Telegram Desktop result.json, e-mail
// (.eml, .mbox) and the marketplace CSV / JSON-lines copies. Every message
// carries its byte range in the original file, so a rendered message can be
// checked against the signed original. Output shape:
// schemas/conversation.schema.json.
#ifndef PARCELPROOF_CHAT_H_
#define PARCELPROOF_CHAT_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

// One message. ChatMessage owns its strings (Conversation::messages,
// packages); ChatMessageView, what a ConversationSink receives, only views
// them: its time, sender, side and text point into the reader's buffer and
// scratch and are valid ONLY inside the ConversationSink::Message call.
// A sink that keeps a message copies it (ToChatMessage).
template <typename Str>
struct BasicChatMessage {
  // RFC 3339 when zone_known ("2026-03-01T14:05:00+08:00"), else the local
  // wall time "2026-03-01T14:05:00"; empty when the header's date is impossible.
  Str time;
  bool zone_known = false;
  // The local wall time read as if it were UTC (seconds since 1970); with
  // zone_known, utc_seconds is the instant.
  int64_t local_seconds = 0;
  int64_t utc_seconds = 0;
  bool has_time = false;
  Str sender;  // empty for system lines
  Str side;    // "seller", "buyer"; empty for system lines
  Str text;
  std::vector<std::string> attachments;  // file names as written
  std::vector<std::string> flags;        // "deleted", "edited", "system", "media-omitted"
  uint64_t span_begin = 0;               // byte range [begin, end) in the original file
  uint64_t span_end = 0;
};
using ChatMessage = BasicChatMessage<std::string>;
using ChatMessageView = BasicChatMessage<std::string_view>;

// An owned copy of a message a sink received.
ChatMessage ToChatMessage(const ChatMessageView& view);

struct ChatOptions {
  // The zone of local times (WhatsApp, CSV without offset); with has_zone,
  // zone-known times are shown in this zone too.
  bool has_zone = false;
  int zone_offset_minutes = 0;
  // Senders who are the seller (side "seller"); everyone else is the buyer.
  std::vector<std::string> me;
  // A WhatsApp zip's media are hashed (ConversationInfo::media[].sha256);
  // false leaves the hashes empty and skips decompressing the media.
  bool hash_media = true;
};

// A media member of a WhatsApp "with media" zip: its name in the zip, the
// SHA-256 of its bytes (the item ingest stores) and the message that
// attached it (index into the messages, -1 when no message names it).
struct ChatMedia {
  std::string name;
  std::string sha256;
  uint64_t size = 0;
  int64_t message = -1;
  std::string side;  // the attaching message's side ("buyer", "seller", "")
};

// What was read, apart from the messages themselves.
struct ConversationInfo {
  std::string file;
  std::string sha256;
  // "whatsapp-android", "whatsapp-ios", "telegram", "email", "mbox",
  // "marketplace-csv", "marketplace-jsonl", or "unrecognised".
  std::string format;
  std::vector<std::string> participants;  // senders in order of appearance
  std::vector<std::string> problems;      // "format not recognised", invalid UTF-8, ...
  uint64_t message_count = 0;
  // A zip "with media": sha256 is the zip's; member names the chat text
  // inside it (spans are byte ranges in that member), member_sha256 its hash.
  std::string member;
  std::string member_sha256;
  std::vector<ChatMedia> media;
  bool recognised() const { return format != "unrecognised"; }
};

// Receives the conversation as it is read (bounded memory on large exports).
class ConversationSink {
 public:
  virtual ~ConversationSink() = default;
  // Called once, before any message: file, sha256 and format are set.
  virtual void Begin(const ConversationInfo& /*info*/) {}
  // The message's strings are views valid only during this call.
  virtual void Message(const ChatMessageView& message) = 0;
};

// Reads the file at path. A file that matches no format is not an error: the
// info says "unrecognised" with the problem "format not recognised". Returns
// NotFound/IOError when the file cannot be read.
Result<ConversationInfo> ReadConversation(const std::string& path, const ChatOptions& options,
                                          ConversationSink* sink);
// The same for bytes already in memory (name is used in messages only).
ConversationInfo ReadConversationBytes(const std::string& bytes, const std::string& name,
                                       const ChatOptions& options, ConversationSink* sink);

struct Conversation {
  ConversationInfo info;
  std::vector<ChatMessage> messages;
};
Result<Conversation> LoadConversation(const std::string& path, const ChatOptions& options);
Conversation LoadConversationBytes(const std::string& bytes, const std::string& name,
                                   const ChatOptions& options);

// True when the bytes start like a zip archive (a WhatsApp export "with media").
bool LooksLikeZip(const std::string& head);

// A WhatsApp zip checked for safe extraction (no traversal names, absolute
// paths, symlinks, duplicate names, compression bombs: the checks verify
// applies to packages, with tighter size and ratio limits) with its chat
// text found (_chat.txt or "WhatsApp Chat with NAME.txt"). Errors
// (InvalidArgument / Corrupt) name the file and the first problem.
struct ChatZipMember {
  std::string name;
  std::string path;  // where ExtractChatZipMedia wrote it
  std::string sha256;
  uint64_t size = 0;
};
Status CheckChatZip(const std::string& path);
// Writes every media member (all but the chat text and folders) to dir as
// dir/0, dir/1, ... (never under their own names); CRC and sizes checked.
Result<std::vector<ChatZipMember>> ExtractChatZipMedia(const std::string& zip_path,
                                                       const std::string& dir);

// The conversation format the first bytes of a file show ("whatsapp-ios",
// "telegram", ...), or "" when they show none (used to sniff stored files).
std::string SniffConversationFormat(const std::string& head);

// The options a store item recorded at ingest: its metadata's
// "conversation" object's "zone" and "me" (defaults when absent).
ChatOptions ChatOptionsFromMetadata(const std::string& metadata_json);
// The format ingest recorded there ("whatsapp-android", ...); "" when the
// metadata has no "conversation" object (not recognised, or an older store).
std::string ConversationFormatFromMetadata(const std::string& metadata_json);

// "+08:00", "-05:30", "+0800", "Z", "UTC" -> minutes east of UTC.
Result<int> ParseZoneOffset(const std::string& text);

// Text safe to show: control characters and bidirectional overrides
// (U+202A..U+202E, U+2066..U+2069) written as "<U+202E>", "<0x07>"; newlines
// kept when keep_newlines.
std::string DisplaySafe(const std::string& text, bool keep_newlines);

// JSON of one conversation (schemas/conversation.schema.json, one element
// of "conversations").
std::string ConversationJson(const Conversation& conversation);

// Writes {"conversations":[...]} to a FILE* as messages arrive.
class ConversationJsonWriter : public ConversationSink {
 public:
  explicit ConversationJsonWriter(std::FILE* out);
  // Opens {"version":VERSION,"conversations":[ ("version" left out when empty).
  void BeginDocument(const std::string& version = "");
  void Begin(const ConversationInfo& info) override;
  void Message(const ChatMessageView& message) override;
  // Closes the current conversation with its participants and problems.
  void End(const ConversationInfo& info);
  // A file that could not be read at all: {"file","error"}.
  void Failed(const std::string& file, const std::string& error);
  void EndDocument();

 private:
  std::FILE* out_;
  std::string buf_;
  bool first_conversation_ = true;
  bool first_message_ = true;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_CHAT_H_
