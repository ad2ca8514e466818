// The conversation excerpt of summary.pdf: the parsed threads of
// evidence.json's "conversations" (sender, side, local time, text, flags),
// a bounded window around the dispute rather than the export's first lines.
#ifndef PARCELPROOF_UPLOAD_SUMMARY_CHAT_H_
#define PARCELPROOF_UPLOAD_SUMMARY_CHAT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parcelproof/display_time.h"
#include "pdf/pdf_doc.h"

namespace parcelproof::upload {

struct ExcerptMessage {
  std::string time;                // in the display format, "time unknown" when the export had none
  std::string who;                 // "buyer Ana", "seller Mei", "Ana" (side unknown), "system"
  std::string side;                // "seller", "buyer" or ""
  std::string text;                // as written (the PDF draws it as plain text)
  std::vector<std::string> flags;  // "deleted", "edited", "media-omitted"...
};

struct ChatExcerpt {
  std::string heading;  // "chat.txt (whatsapp-android): 16 messages between Ana, Mei"
  std::string path;     // the export inside the package, "" when not found
  std::vector<ExcerptMessage> messages;
  size_t earlier = 0, later = 0;  // messages of the thread not shown, before and after
  // messages[dispute_before] is the first shown message written after the
  // dispute was opened; messages.size() when none is (or the time is unknown).
  size_t dispute_before = 0;
};

// Up to max_messages per conversation: the last ones written before the
// dispute was opened and the first two after it (without a dispute time,
// the last ones); at most max_threads conversations.
std::vector<ChatExcerpt> ChatExcerpts(const nlohmann::json& evidence, const DisplayZone& zone,
                                      size_t max_messages, size_t max_threads);

// The excerpt as summary.pdf blocks: a heading, per conversation a line
// naming it, one row per message (time; sender and text, flags in
// brackets; seller blue, buyer black, system grey), a red line where the
// dispute was opened, and "N more messages in the package (...): PATH".
// Names and texts go through package::SafeText (controls made visible).
void ConversationBlocks(const nlohmann::json& evidence, const DisplayZone& zone,
                        std::vector<pdf::Block>* out);

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_SUMMARY_CHAT_H_
