// Streaming lines out of a chat export: bytes from a file or memory, a BOM
// skipped, UTF-16 (with BOM) converted to UTF-8, invalid UTF-8 replaced by
// U+FFFD (and counted), "\r\n", "\n" and a lone "\r" all ending a line.
// Every line keeps its byte range in the original file.
#ifndef PARCELPROOF_CHAT_LINE_READER_H_
#define PARCELPROOF_CHAT_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace parcelproof::chat {

// Where the bytes come from; Rewind starts over (the readers make two passes).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 at the end. Sets *error on a read failure.
  virtual size_t Read(char* buf, size_t n, bool* error) = 0;
  virtual bool Rewind() = 0;
  // All the bytes when they are in memory already (read in place, no copy);
  // nullptr otherwise.
  virtual const std::string_view* InMemory() const { return nullptr; }
};

class FileSource : public ByteSource {
 public:
  explicit FileSource(std::FILE* f) : f_(f) {}
  size_t Read(char* buf, size_t n, bool* error) override;
  bool Rewind() override;

 private:
  std::FILE* f_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n, bool* error) override;
  bool Rewind() override {
    pos_ = 0;
    return true;
  }
  const std::string_view* InMemory() const override { return &bytes_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

enum class Encoding { kUtf8, kUtf16Le, kUtf16Be };

// Lines longer than this are cut (the span still covers the whole line).
constexpr size_t kMaxLineBytes = 1 << 20;

// Bytes asked of a source at a time. Small enough that a short export does not
// pay for clearing a large buffer (each read buffer is zero-filled on growth),
// large enough that a 200 MB export is a few thousand reads.
constexpr size_t kReadChunk = 64 << 10;

struct Line {
  std::string_view text;  // valid UTF-8, no terminator
  uint64_t begin = 0;     // byte range of the line in the original file,
  uint64_t end = 0;       // terminator excluded
  bool cut = false;       // longer than kMaxLineBytes
  // text views the original bytes (valid UTF-8 read as it is, not cut).
  bool raw = false;
};

class LineReader {
 public:
  explicit LineReader(ByteSource* source);
  // The next line; false at the end of the input or on a read error.
  bool Next(Line* line) {
    if (started_ && encoding_ == Encoding::kUtf8) return NextUtf8(line);
    return NextFirst(line);
  }

  Encoding encoding() const { return encoding_; }
  bool had_bom() const { return bom_ > 0; }
  bool read_error() const { return error_; }
  uint64_t invalid_sequences() const { return invalid_; }
  uint64_t first_invalid_offset() const { return first_invalid_; }

  // True when the source's bytes are all in memory: a raw line's text then
  // stays valid (and contiguous with the lines after it) until the source
  // goes away, not only until the next call to Next().
  bool in_place() const { return source_->InMemory() != nullptr; }

 private:
  bool Fill();
  bool NextFirst(Line* line);
  // The next line of in-memory input when it is all valid UTF-8 and not
  // overlong; false (nothing consumed) otherwise.
  bool NextInMemory(Line* line);
  // In-memory input: checks the bytes up to `end` in large blocks (cheaper
  // than line by line) as far as they are valid UTF-8.
  void CheckUpTo(size_t end);
  size_t size() const { return size_; }
  bool NextUtf8(Line* line);
  bool NextUtf16(Line* line);
  void Repair(std::string_view raw, uint64_t offset);
  void AppendUnit(uint32_t cp);

  ByteSource* source_;
  std::string storage_;        // bytes read from a source that is not in memory
  const char* buf_ = nullptr;  // raw bytes not consumed: [pos_, size_), in
  size_t size_ = 0;            // storage_ or the source's own memory
  size_t pos_ = 0;
  uint64_t consumed_ = 0;  // original offset of buf_[0]
  bool eof_ = false;
  bool error_ = false;
  bool started_ = false;
  bool in_memory_ = false;
  // In-memory input: buf_[0, valid_end_) is valid UTF-8; checked_all_ once
  // the check has reached the end or an invalid byte.
  size_t valid_end_ = 0;
  bool checked_all_ = false;
  size_t bom_ = 0;
  Encoding encoding_ = Encoding::kUtf8;
  std::string line_;  // repaired or converted text of the current line
  uint64_t invalid_ = 0;
  uint64_t first_invalid_ = 0;
};

// True when s is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view s);
// s with every invalid byte replaced by U+FFFD; adds their count to *invalid
// and sets *first (relative to s) for the first one when *invalid was 0.
std::string RepairUtf8(std::string_view s, uint64_t* invalid, uint64_t* first);

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_LINE_READER_H_
