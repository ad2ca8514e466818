#include "scan/worker_process.h"

#include <fcntl.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

#include "core/sanitizer.h"
#include "image/picture.h"

namespace parcelproof {

void EnterWorkerProcess(uint64_t address_space_bytes) {
  DisableImageThreads();
  ::mallopt(M_MMAP_THRESHOLD, 256 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 512 << 20);
  if (kUnderAddressSanitizer) return;
  struct rlimit lim = {address_space_bytes, address_space_bytes};
  setrlimit(RLIMIT_AS, &lim);
  int devnull = ::open("/dev/null", O_WRONLY);
  if (devnull >= 0) ::dup2(devnull, 2);
}

std::string DescribeExit(int wstatus) {
  if (WIFSIGNALED(wstatus)) {
    return std::string("signal ") + std::to_string(WTERMSIG(wstatus)) + " (" +
           strsignal(WTERMSIG(wstatus)) + ")";
  }
  return "exit status " + std::to_string(WEXITSTATUS(wstatus));
}

}  // namespace parcelproof
