#include "bundle/bundle_chat.h"

namespace parcelproof {

void AddConversations(Store& store, const std::vector<StoreItem>& items, PackageInput* in) {
  for (const StoreItem& item : items) {
    if (item.kind != ItemKind::kChat) continue;
    Result<std::string> blob = store.BlobPath(item.sha256);
    if (!blob.ok()) continue;
    Result<Conversation> c = LoadConversation(*blob, ChatOptionsFromMetadata(item.metadata_json));
    if (!c.ok() || !c->info.recognised()) continue;
    PackageConversation p;
    p.source_sha256 = item.sha256;
    p.info = std::move(c->info);
    p.info.file = item.original_name;
    p.messages = std::move(c->messages);
    in->conversations.push_back(std::move(p));
  }
}

}  // namespace parcelproof
