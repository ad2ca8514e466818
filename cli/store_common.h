// Shared by the store verbs (init, orders, ingest, show, export, log, fsck):
// the --store/--station options, the clock, and opening the store.
#ifndef PARCELPROOF_CLI_STORE_COMMON_H_
#define PARCELPROOF_CLI_STORE_COMMON_H_

#include <memory>
#include <string>

#include "args.h"
#include "parcelproof/clock.h"
#include "parcelproof/store.h"

namespace parcelproof::cli {

// A store handle with the clock it borrows.
struct OpenedStore {
  std::unique_ptr<Clock> clock;
  std::unique_ptr<Store> store;
};

// Opens the store named by --store (else PARCELPROOF_STORE, else
// ./parcelproof-store), with --station when given.
inline Result<OpenedStore> OpenStoreFromArgs(const Args& args, bool read_only) {
  OpenedStore out;
  std::string error;
  out.clock = MakeDefaultClock(&error);
  if (!out.clock) return Status::InvalidArgument(error);
  Store::Options options;
  options.clock = out.clock.get();
  options.station = args.Get("--station");
  options.read_only = read_only;
  Result<std::unique_ptr<Store>> store = Store::Open(ResolveStoreDir(args.Get("--store")), options);
  if (!store.ok()) return store.status();
  out.store = std::move(*store);
  return out;
}

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_STORE_COMMON_H_
