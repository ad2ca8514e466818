// AttachConversation: a chat item's messages for the timeline, read again
// from the stored original (never from a derived copy), with the zone and
// seller names that ingest recorded in the item's metadata.
#include "parcelproof/chat.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

// Keeps the messages of a conversation in the timeline's terms.
class MessageCollector : public ConversationSink {
 public:
  explicit MessageCollector(std::vector<TimelineMessage>* out) : out_(out) {}
  void Message(const ChatMessage& m) override {
    TimelineMessage t;
    t.time = m.time;
    t.zone_known = m.zone_known;
    t.sender = m.sender;
    t.side = m.side;
    t.text = m.text;
    for (const std::string& f : m.flags) {
      t.edited |= f == "edited";
      t.deleted |= f == "deleted";
    }
    t.span_begin = m.span_begin;
    t.span_end = m.span_end;
    out_->push_back(std::move(t));
  }

 private:
  std::vector<TimelineMessage>* out_;
};

}  // namespace

void AttachConversation(const StoreItem& stored, const std::string& blob_path, TimelineItem* item) {
  if (stored.kind != ItemKind::kChat) return;
  std::vector<TimelineMessage> messages;
  MessageCollector collector(&messages);
  Result<ConversationInfo> info =
      ReadConversation(blob_path, ChatOptionsFromMetadata(stored.metadata_json), &collector);
  if (!info.ok() || !info->recognised()) return;
  item->conversation = true;
  item->messages = std::move(messages);
  item->participants = info->participants.size();
}

}  // namespace parcelproof
