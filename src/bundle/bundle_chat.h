// The store -> package glue for conversations: each chat item of the
// package read again from its stored original into PackageInput.
#ifndef PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_
#define PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_

#include <vector>

#include "parcelproof/package.h"
#include "parcelproof/store.h"

namespace parcelproof {

// Adds a PackageConversation for every recognised chat export among items
// (with the zone and seller names recorded at ingest).
void AddConversations(Store& store, const std::vector<StoreItem>& items, PackageInput* in);

}  // namespace parcelproof

#endif  // PARCELPROOF_BUNDLE_BUNDLE_CHAT_H_
