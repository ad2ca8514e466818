// AttachConversation: a chat item's messages for the timeline, read again
// from the stored original (never from a derived copy), with the zone and
// seller names that ingest recorded in the item's metadata.
#include "parcelproof/chat.h"
#include "parcelproof/store.h"
#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

TimelineMessage ToTimeline(const ChatMessageView& m) {
  TimelineMessage t;
  t.time = std::string(m.time);
  t.zone_known = m.zone_known;
  t.sender = std::string(m.sender);
  t.side = std::string(m.side);
  t.text = std::string(m.text);
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
  void Message(const ChatMessageView& m) override {
    if (on_ != nullptr) (*on_)(ToTimeline(m));
  }

 private:
  const std::function<void(const TimelineMessage&)>* on_;
};

}  // namespace

// The export is read once, streaming, when the timeline takes its messages
// (memory stays bounded whatever its size); the participants are counted
// then. Whether it is a conversation comes from what ingest recorded; only
// an item without that record (an older store) is read once more here.
void AttachConversation(const StoreItem& stored, const std::string& blob_path, TimelineItem* item) {
  if (stored.kind != ItemKind::kChat) return;
  ChatOptions options = ChatOptionsFromMetadata(stored.metadata_json);
  options.hash_media = false;  // the timeline needs the messages only
  std::string format = ConversationFormatFromMetadata(stored.metadata_json);
  if (format.empty()) {
    MessageForwarder counter(nullptr);
    Result<ConversationInfo> info = ReadConversation(blob_path, options, &counter);
    if (!info.ok() || !info->recognised()) return;
    item->participants = info->participants.size();
  } else if (format == "unrecognised") {
    return;
  }
  item->conversation = true;
  item->replay_messages = [blob_path,
                           options](const std::function<void(const TimelineMessage&)>& on) {
    MessageForwarder forward(&on);
    (void)ReadConversation(blob_path, options, &forward);
  };
}

}  // namespace parcelproof
