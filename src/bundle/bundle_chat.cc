#include "bundle/bundle_chat.h"

#include <deque>

#include "parcelproof/timeline.h"

namespace parcelproof {
namespace {

// Keeps the first kHeadMessages and the last kTailMessages of a conversation
// as it is read, so that a huge export never sits in memory whole.
class CappedCollector : public ConversationSink {
 public:
  explicit CappedCollector(PackageConversation* out) : out_(out) {}
  void Message(const ChatMessageView& m) override {
    if (count_++ < kHeadMessages) {
      out_->messages.push_back(ToChatMessage(m));
      return;
    }
    tail_.push_back(ToChatMessage(m));
    if (tail_.size() > kTailMessages) {
      tail_.pop_front();
      ++out_->omitted;
    }
  }
  void Finish() {
    out_->omitted_from = out_->omitted > 0 ? kHeadMessages : 0;
    for (ChatMessage& m : tail_) out_->messages.push_back(std::move(m));
    tail_.clear();
  }

 private:
  PackageConversation* out_;
  uint64_t count_ = 0;
  std::deque<ChatMessage> tail_;
};

// The normalised conversation ingest stored for this export (role
// "conversation"), "" when there is none.
std::string StoredConversation(Store& store, const std::string& sha256) {
  Result<std::vector<StoreItem>> derived = store.DerivedItems(sha256);
  if (!derived.ok()) return "";
  for (const StoreItem& d : *derived) {
    if (d.kind == ItemKind::kDerived && d.media_type == "application/json" &&
        d.metadata_json.find("\"conversation_of\"") != std::string::npos) {
      return d.sha256;
    }
  }
  return "";
}

// A chat export has no capture time: its payload file is named by its first
// dated message (the time as read, zone-known or local).
void NameByFirstMessage(const PackageConversation& p, PackageInput* in) {
  for (const ChatMessage& m : p.messages) {
    if (!m.has_time) continue;
    for (PackageItem& it : in->items) {
      if (it.sha256 == p.source_sha256 && it.capture_time.empty()) it.name_time = m.time;
    }
    return;
  }
}

}  // namespace

std::vector<std::string> AddConversations(Store& store, const std::vector<StoreItem>& items,
                                          PackageInput* in) {
  std::vector<std::string> full;
  for (const StoreItem& item : items) {
    if (item.kind != ItemKind::kChat) continue;
    Result<std::string> blob = store.BlobPath(item.sha256);
    if (!blob.ok()) continue;
    PackageConversation p;
    CappedCollector collector(&p);
    Result<ConversationInfo> info =
        ReadConversation(*blob, ChatOptionsFromMetadata(item.metadata_json), &collector);
    if (!info.ok() || !info->recognised()) continue;
    collector.Finish();
    p.source_sha256 = item.sha256;
    NameByFirstMessage(p, in);
    p.info = std::move(*info);
    p.info.file = item.original_name;
    if (p.omitted > 0) {
      p.full_sha256 = StoredConversation(store, item.sha256);
      if (!p.full_sha256.empty()) full.push_back(p.full_sha256);
    }
    in->conversations.push_back(std::move(p));
  }
  return full;
}

}  // namespace parcelproof
