// Store::Impl: the state behind a Store handle, shared by the store's .cc files.
#ifndef PARCELPROOF_STORE_STORE_IMPL_H_
#define PARCELPROOF_STORE_STORE_IMPL_H_

#include <memory>
#include <string>

#include "parcelproof/store.h"
#include "store/db.h"

namespace parcelproof {

struct Store::Impl {
  std::string dir;  // absolute
  std::string station;
  std::string actor;
  Clock* clock = nullptr;
  bool read_only = false;
  std::unique_ptr<store::Db> db;

  // RFC 3339 UTC with microseconds, from the injected clock.
  std::string Now() const { return FormatUtc(clock->NowMicros(), 6); }
  std::string TmpDir() const { return dir + "/tmp"; }
  Status RequireWritable(const char* what) const {
    if (read_only) return Status::Internal(std::string(what) + ": store opened read-only");
    return Status::Ok();
  }
  // Appends a custody entry; must run inside a write transaction.
  Status AppendLogInTx(const std::string& action, const std::string& item_sha256,
                       const std::string& order_id, const std::string& detail);
};

namespace store {

constexpr char kMarkerFile[] = "PARCELPROOF-STORE";
constexpr char kIndexFile[] = "index.sqlite";
// The zero hash that the first custody entry points back to.
constexpr char kGenesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

// Creates the tables (format version 1).
Status CreateSchema(Db& db);
// Finishes or discards adds of processes that died mid-ingest.
Status RecoverPending(Store::Impl& impl);

}  // namespace store
}  // namespace parcelproof

#endif  // PARCELPROOF_STORE_STORE_IMPL_H_
