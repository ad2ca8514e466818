// The store -> package glue for conversations: each chat item of the
// package read again from its stored original into PackageInput.
#ifndef PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_
#define PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_

#include <string>
#include <vector>

#include "parcelproof/package.h"
#include "parcelproof/store.h"

namespace parcelproof {

// Adds a PackageConversation for every recognised chat export among items
// (with the zone and seller names recorded at ingest), streamed: a long
// conversation keeps its first and last messages only. Returns the hashes
// of the stored normalised conversations of those long ones, which the
// package then carries as items (every message, with spans).
std::vector<std::string> AddConversations(Store& store, const std::vector<StoreItem>& items,
                                          PackageInput* in);

}  // namespace parcelproof

#endif  // PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_
