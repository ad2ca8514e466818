// Scanning a batch of images in a forked coordinator process, so that the
// ingest can commit and thumbnail the previous batch meanwhile (the caller is
// single-threaded, so forking is safe). Falls back to scanning in this
// process when the coordinator fails.
#ifndef PARCELPROOF_STORE_SCAN_ASYNC_H_
#define PARCELPROOF_STORE_SCAN_ASYNC_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "parcelproof/scan.h"

namespace parcelproof::store {

class AsyncScan {
 public:
  AsyncScan() = default;
  ~AsyncScan();  // stops a coordinator whose results were not collected
  AsyncScan(const AsyncScan&) = delete;
  AsyncScan& operator=(const AsyncScan&) = delete;

  // Starts scanning paths (ScanImages with options) in a child process.
  void Start(const std::vector<std::string>& paths, const ScanOptions& options);
  // Waits for the results, in input order.
  std::vector<ImageScan> Collect();

 private:
  std::vector<std::string> paths_;
  ScanOptions options_;
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_SCAN_ASYNC_H_
