// Status and Result<T>: how every parcelproof library call reports failure.
// A Status carries a code and a message with context ("photo.jpg: truncated JPEG").
// Per-item findings (no barcode on a photo) are data, not a failed Status.
#ifndef PARCELPROOF_STATUS_H_
#define PARCELPROOF_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace parcelproof {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's words are wrong (usage)
    kNotFound,         // a named file, order or item does not exist
    kCorrupt,          // the input exists but its content is broken
    kUnsupported,      // the input is of a kind we refuse (format, size)
    kIOError,          // the operating system failed a read or write
    kVerifyFailed,     // a check ran and the answer is "no"
    kBusy,             // a resource is held by someone else (a locked store)
    kInternal,         // a bug or a library failure we could not classify
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status Corrupt(std::string msg) { return {Code::kCorrupt, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status VerifyFailed(std::string msg) { return {Code::kVerifyFailed, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // True for the codes that mean "the input given to us is bad".
  bool IsInputError() const;
  // "Corrupt: photos/a.jpg: EXIF IFD0 truncated"; "OK" when ok().
  std::string ToString() const;
  // Returns a copy whose message is "context: message".
  Status WithContext(const std::string& context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

const char* CodeName(Status::Code code);

// Holds either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace parcelproof

#define PP_RETURN_IF_ERROR(expr)               \
  do {                                         \
    ::parcelproof::Status pp_status_ = (expr); \
    if (!pp_status_.ok()) return pp_status_;   \
  } while (0)

#endif  // PARCELPROOF_STATUS_H_
