// AttachConversation: a chat item's messages for the timeline, read again
// from the stored original (never from a derived copy), with the zone and
// seller names that ingest recorded in the item's metadata.
#include "parcelproof/chat.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

TimelineMessage ToTimeline(const ChatMessage& m) {
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
  return t;
}

// Hands each message on as it is read (nothing kept).
class MessageForwarder : public ConversationSink {
 public:
  explicit MessageForwarder(const std::function<void(const TimelineMessage&)>* on) : on_(on) {}
  void Message(const ChatMessage& m) override {
    if (on_ != nullptr) (*on_)(ToTimeline(m));
  }

 private:
  const std::function<void(const TimelineMessage&)>* on_;
};

}  // namespace

// The export is read once here (is it a conversation, how many people wrote)
// and once more, streaming, when the timeline takes its messages: memory
// stays bounded whatever the export's size.
void AttachConversation(const StoreItem& stored, const std::string& blob_path, TimelineItem* item) {
  if (stored.kind != ItemKind::kChat) return;
  ChatOptions options = ChatOptionsFromMetadata(stored.metadata_json);
  options.hash_media = false;  // the timeline needs the messages only
  MessageForwarder counter(nullptr);
  Result<ConversationInfo> info = ReadConversation(blob_path, options, &counter);
  if (!info.ok() || !info->recognised()) return;
  item->conversation = true;
  item->participants = info->participants.size();
  item->replay_messages = [blob_path,
                           options](const std::function<void(const TimelineMessage&)>& on) {
    MessageForwarder forward(&on);
    (void)ReadConversation(blob_path, options, &forward);
  };
}

}  // namespace parcelproof
