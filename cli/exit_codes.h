// The documented exit codes of every verb (README "Exit codes").
#ifndef PARCELPROOF_CLI_EXIT_CODES_H_
#define PARCELPROOF_CLI_EXIT_CODES_H_

#include <cstdio>
#include <string>

#include "parcelproof/status.h"

namespace parcelproof::cli {

constexpr int kExitOk = 0;        // success, pass
constexpr int kExitFailed = 1;    // verification failed: mismatch, invalid, tampered
constexpr int kExitUsage = 2;     // the command line is wrong
constexpr int kExitInput = 3;     // an input is unreadable, corrupt, missing or refused
constexpr int kExitInternal = 4;  // a bug or an unexpected library failure

inline int ExitCodeFor(const Status& s) {
  if (s.ok()) return kExitOk;
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return kExitUsage;
    case Status::Code::kVerifyFailed:
      return kExitFailed;
    case Status::Code::kInternal:
      return kExitInternal;
    default:
      return kExitInput;
  }
}

// Prints "parcelproof: <status>" on stderr and returns its exit code.
inline int Fail(const Status& s) {
  std::fprintf(stderr, "parcelproof: %s\n", s.ToString().c_str());
  return ExitCodeFor(s);
}

inline int Usage(const std::string& verb, const std::string& message, const char* synopsis) {
  std::fprintf(stderr, "parcelproof %s: %s\nusage: %s\n", verb.c_str(), message.c_str(), synopsis);
  return kExitUsage;
}

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_EXIT_CODES_H_
