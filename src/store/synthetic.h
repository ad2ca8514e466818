// Synthetic index rows for benchmarks: a store that looks like years of use
// (millions of items) without writing millions of blobs. Such a store fails
// fsck (its blobs are missing); never use it for evidence.
#ifndef PARCELPROOF_STORE_SYNTHETIC_H_
#define PARCELPROOF_STORE_SYNTHETIC_H_

#include <cstdint>
#include <string>

#include "parcelproof/status.h"

namespace parcelproof::store {

// Adds `items` item rows to the store at dir, linked items_per_order at a
// time to orders "SYN-0000001", ... with tracking numbers "SYN0000001XX".
Status AddSyntheticRows(const std::string& dir, int64_t items, int items_per_order);

// The id and tracking number of synthetic order i (1-based).
std::string SyntheticOrderId(int64_t i);
std::string SyntheticTracking(int64_t i);

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_SYNTHETIC_H_
