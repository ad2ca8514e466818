#include "chat/line_reader.h"

#include <cstring>

namespace parcelproof::chat {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t SequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  size_t n;
  uint32_t min;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  for (uint64_t word; i + 8 <= s.size(); i += 8) {  // ASCII, 8 bytes at a time
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < s.size()) {
    size_t n = SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view s, uint64_t* invalid, uint64_t* first) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = SequenceLength(s, i);
    if (n == 0) {
      if ((*invalid)++ == 0) *first = i;
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

size_t FileSource::Read(char* buf, size_t n, bool* error) {
  size_t got = std::fread(buf, 1, n, f_);
  if (got < n && std::ferror(f_)) *error = true;
  return got;
}

bool FileSource::Rewind() { return std::fseek(f_, 0, SEEK_SET) == 0; }

size_t MemorySource::Read(char* buf, size_t n, bool* error) {
  size_t got = std::min(n, bytes_.size() - pos_);
  if (got > 0) std::memcpy(buf, bytes_.data() + pos_, got);
  pos_ += got;
  return got;
}

LineReader::LineReader(ByteSource* source) : source_(source) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    consumed_ += pos_;
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kReadChunk);
  size_t got = source_->Read(&buf_[old], kReadChunk, &error_);
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::Next(Line* line) {
  if (!started_) {
    started_ = true;
    while (buf_.size() < 3 && Fill()) {
    }
    auto b = [&](size_t i) { return i < buf_.size() ? static_cast<unsigned char>(buf_[i]) : 0; };
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
      bom_ = 3;
    } else if (b(0) == 0xFF && b(1) == 0xFE) {
      bom_ = 2, encoding_ = Encoding::kUtf16Le;
    } else if (b(0) == 0xFE && b(1) == 0xFF) {
      bom_ = 2, encoding_ = Encoding::kUtf16Be;
    }
    pos_ = bom_;
  }
  return encoding_ == Encoding::kUtf8 ? NextUtf8(line) : NextUtf16(line);
}

bool LineReader::NextUtf8(Line* line) {
  size_t scan = pos_;
  bool cut = false;
  uint64_t begin = consumed_ + pos_;
  std::string head;  // the kept start of an overlong line
  for (;;) {
    const char* base = buf_.data();
    size_t end = buf_.size();
    const void* nl = std::memchr(base + scan, '\n', end - scan);
    size_t i = nl != nullptr ? static_cast<const char*>(nl) - base : end;
    const void* cr = std::memchr(base + scan, '\r', i - scan);
    if (cr != nullptr) i = static_cast<const char*>(cr) - base;
    // A "\r" at the end of the buffer may be the first half of "\r\n".
    bool found = i < end && !(base[i] == '\r' && i + 1 == end && !eof_);
    if (found || eof_) {
      if (!found && pos_ == end && !cut) return false;
      size_t stop = found ? i : end;
      line->begin = begin;
      line->end = consumed_ + stop;
      line->cut = cut;
      if (cut) {
        Repair(head, begin);
        if (line_.empty()) line_.swap(head);
        line->text = line_;
      } else {
        std::string_view raw(base + pos_, stop - pos_);
        Repair(raw, begin);
        line->text = line_.empty() ? raw : std::string_view(line_);
      }
      pos_ = stop;
      if (found) pos_ += (base[i] == '\r' && i + 1 < end && base[i + 1] == '\n') ? 2 : 1;
      return true;
    }
    if (!cut && end - pos_ > kMaxLineBytes) {
      cut = true;
      head.assign(base + pos_, kMaxLineBytes);
    }
    // Look again from i (a trailing '\r' is looked at again once more bytes
    // are in). Fill() drops buf_[0, pos_): indexes move down by pos_.
    if (cut) pos_ = i;
    scan = i - pos_;
    Fill();
  }
}

void LineReader::Repair(std::string_view raw, uint64_t offset) {
  line_.clear();
  size_t i = 0;
  while (i < raw.size()) {
    // ASCII runs 8 bytes at a time, also after each multi-byte sequence.
    for (uint64_t word; i + 8 <= raw.size(); i += 8) {
      std::memcpy(&word, raw.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
    }
    if (i >= raw.size()) break;
    if (static_cast<unsigned char>(raw[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = SequenceLength(raw, i);
    if (n == 0) break;
    i += n;
  }
  if (i == raw.size()) return;  // valid: the caller uses raw directly
  line_.assign(raw.data(), i);
  while (i < raw.size()) {
    size_t n = SequenceLength(raw, i);
    if (n == 0) {
      if (invalid_++ == 0) first_invalid_ = offset + i;
      line_ += "\xEF\xBF\xBD";
      ++i;
    } else {
      line_.append(raw.data() + i, n);
      i += n;
    }
  }
}

void LineReader::AppendUnit(uint32_t cp) { AppendUtf8(&line_, cp); }

bool LineReader::NextUtf16(Line* line) {
  line_.clear();
  bool le = encoding_ == Encoding::kUtf16Le;
  auto unit = [&](size_t at) {
    auto lo = static_cast<unsigned char>(buf_[at]);
    auto hi = static_cast<unsigned char>(buf_[at + 1]);
    return le ? static_cast<uint32_t>(lo | (hi << 8)) : static_cast<uint32_t>((lo << 8) | hi);
  };
  auto need = [&](size_t n) {
    while (buf_.size() - pos_ < n) {
      if (!Fill()) return false;
    }
    return true;
  };
  if (!need(2)) {
    if (pos_ < buf_.size()) {  // an odd trailing byte
      line->begin = consumed_ + pos_;
      line->end = consumed_ + buf_.size();
      if (invalid_++ == 0) first_invalid_ = line->begin;
      line_ = "\xEF\xBF\xBD";
      pos_ = buf_.size();
      line->text = line_;
      line->cut = false;
      return true;
    }
    return false;
  }
  line->begin = consumed_ + pos_;
  line->cut = false;
  for (;;) {
    if (!need(2)) break;
    uint32_t u = unit(pos_);
    if (u == '\n' || u == '\r') {
      line->end = consumed_ + pos_;
      pos_ += 2;
      if (u == '\r' && need(2) && unit(pos_) == '\n') pos_ += 2;
      line->text = line_;
      return true;
    }
    uint64_t at = consumed_ + pos_;
    pos_ += 2;
    if (u >= 0xD800 && u <= 0xDBFF && need(2) && unit(pos_) >= 0xDC00 && unit(pos_) <= 0xDFFF) {
      u = 0x10000 + ((u - 0xD800) << 10) + (unit(pos_) - 0xDC00);
      pos_ += 2;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      if (invalid_++ == 0) first_invalid_ = at;
      u = 0xFFFD;
    }
    if (line_.size() < kMaxLineBytes) {
      AppendUnit(u);
    } else {
      line->cut = true;
    }
  }
  line->end = consumed_ + pos_;
  if (pos_ < buf_.size()) {  // odd trailing byte
    if (invalid_++ == 0) first_invalid_ = line->end;
    line_ += "\xEF\xBF\xBD";
    pos_ = buf_.size();
    line->end = consumed_ + pos_;
  }
  line->text = line_;
  return true;
}

}  // namespace parcelproof::chat
