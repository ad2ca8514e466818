// The store -> package glue for video stills: the stills stored beside each
// video of the package become payload items of their own (role "still",
// beside the untouched original), recording their parent.
#ifndef PARCELPROOF_BUNDLE_BUNDLE_STILLS_H_
#define PARCELPROOF_BUNDLE_BUNDLE_STILLS_H_

#include "parcelproof/package.h"
#include "parcelproof/store.h"

namespace parcelproof {

// Appends the stills of every video among in->items (in time order).
Status AddVideoStills(Store& store, PackageInput* in);

}  // namespace parcelproof

#endif  // PARCELPROOF_BUNDLE_BUNDLE_STILLS_H_
