#include "parcelproof/status.h"

namespace parcelproof {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kInvalidArgument:
      return "Invalid argument";
    case Status::Code::kNotFound:
      return "Not found";
    case Status::Code::kCorrupt:
      return "Corrupt";
    case Status::Code::kUnsupported:
      return "Unsupported";
    case Status::Code::kIOError:
      return "IO error";
    case Status::Code::kVerifyFailed:
      return "Verification failed";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kInternal:
      return "Internal error";
  }
  return "Unknown";
}

bool Status::IsInputError() const {
  return code_ == Code::kNotFound || code_ == Code::kCorrupt || code_ == Code::kUnsupported ||
         code_ == Code::kIOError;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  return Status(code_, context + ": " + message_);
}

}  // namespace parcelproof
