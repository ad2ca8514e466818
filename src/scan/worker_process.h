// What the forked decoding workers of ScanImages and ScanVideos share: the
// settings a worker takes before its first file, and how its end is told.
#ifndef PARCELPROOF_SCAN_WORKER_PROCESS_H_
#define PARCELPROOF_SCAN_WORKER_PROCESS_H_

#include <cstdint>
#include <string>

namespace parcelproof {

// Called first in a forked worker: no image threads; buffers of megabytes
// (pictures, frames) stay on the heap between files instead of taking fresh
// pages (and their page faults) each time; the address space is capped at
// `address_space_bytes`, so that a decompression bomb fails, not the
// machine; and decoder chatter on stderr ("Corrupt JPEG data...") goes to
// /dev/null. The last two are skipped under AddressSanitizer, which needs
// its own address space and reports on stderr.
void EnterWorkerProcess(uint64_t address_space_bytes);

// "signal 11 (Segmentation fault)" or "exit status 3", from waitpid's status.
std::string DescribeExit(int wstatus);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_WORKER_PROCESS_H_
