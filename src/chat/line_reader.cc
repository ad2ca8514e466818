#include "chat/line_reader.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parcelproof::chat {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
inline size_t SequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  // Two-byte sequences (Latin letters with accents, Cyrillic) first.
  if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size() && (p[i + 1] & 0xC0) == 0x80) return 2;
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

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The first '\n' or '\r' in base[from, end), or end. ORs the bytes before it
// into *high, so that a line without a byte above 0x7F skips the UTF-8 check.
// Eight bytes at a time: (x - 1) & ~x sets the high bit of a zero byte of x
// (and maybe of bytes above it, which come after the first match).
size_t FindLineEnd(const char* base, size_t from, size_t end, uint64_t* high) {
  size_t i = from;
  uint64_t acc = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time where SSE2 is there (every x86-64).
  const __m128i nl16 = _mm_set1_epi8('\n');
  const __m128i cr16 = _mm_set1_epi8('\r');
  __m128i seen = _mm_setzero_si128();
  for (; i + 16 <= end; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    unsigned stop = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl16), _mm_cmpeq_epi8(v, cr16))));
    if (stop != 0) {
      unsigned k = static_cast<unsigned>(__builtin_ctz(stop));
      unsigned before = static_cast<unsigned>(_mm_movemask_epi8(v)) & ((1u << k) - 1);
      if (before != 0 || _mm_movemask_epi8(seen) != 0) acc |= 0x80;
      *high |= acc;
      return i + k;
    }
    seen = _mm_or_si128(seen, v);
  }
  if (_mm_movemask_epi8(seen) != 0) acc |= 0x80;
#endif
  for (uint64_t w; i + 8 <= end; i += 8) {
    std::memcpy(&w, base + i, 8);
    uint64_t nl = w ^ (kOnes * '\n');
    uint64_t cr = w ^ (kOnes * '\r');
    if ((((nl - kOnes) & ~nl) | ((cr - kOnes) & ~cr)) & kHighBits) break;
    acc |= w;
  }
  for (; i < end && base[i] != '\n' && base[i] != '\r'; ++i) {
    acc |= static_cast<unsigned char>(base[i]);
  }
  *high |= acc;
  return i;
}

inline bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The first byte above 0x7F in s[i, n), or n.
inline size_t NextHigh(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  auto mask = [p](size_t at) {
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at))));
  };
  for (; i + 16 <= n; i += 16) {
    unsigned high = mask(i);
    if (high != 0) return i + static_cast<size_t>(__builtin_ctz(high));
  }
  if (n >= 16) {  // the last bytes: the final 16, those before i masked off
    unsigned high = mask(n - 16) >> (i - (n - 16));
    return high != 0 ? i + static_cast<size_t>(__builtin_ctz(high)) : n;
  }
#endif
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// The length of the longest valid UTF-8 prefix of s (s.size() when it is all
// valid): the rules of SequenceLength, checked inline, ASCII runs skipped 16
// bytes at a time.
size_t ValidPrefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = NextHigh(p, 0, n); i < n; i = NextHigh(p, i, n)) {
    do {  // sequences in a row (a word in Cyrillic)
      unsigned char c = p[i];
      if (c >= 0xC2 && c <= 0xDF) {
        if (i + 1 >= n || !Continuation(p[i + 1])) return i;
        i += 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        if (i + 2 >= n || !Continuation(p[i + 2])) return i;
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        i += 3;
      } else if (c >= 0xF0 && c <= 0xF4) {
        if (i + 3 >= n || !Continuation(p[i + 2]) || !Continuation(p[i + 3])) return i;
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        i += 4;
      } else {
        return i;
      }
    } while (i < n && p[i] >= 0x80);
  }
  return n;
}

}  // namespace

bool IsValidUtf8(std::string_view s) { return ValidPrefix(s) == s.size(); }

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
  if (const std::string_view* all = source_->InMemory()) {
    buf_ = all->data();
    size_ = all->size();
    eof_ = true;
    in_memory_ = true;
    return size_ > 0;
  }
  if (pos_ > 0) {
    storage_.erase(0, pos_);
    consumed_ += pos_;
    pos_ = 0;
  }
  size_t old = storage_.size();
  storage_.resize(old + kReadChunk);
  size_t got = source_->Read(&storage_[old], kReadChunk, &error_);
  storage_.resize(old + got);
  buf_ = storage_.data();
  size_ = storage_.size();
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::NextFirst(Line* line) {
  if (!started_) {
    started_ = true;
    while (size_ < 3 && Fill()) {
    }
    auto b = [&](size_t i) { return i < size_ ? static_cast<unsigned char>(buf_[i]) : 0; };
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

bool LineReader::NextInMemory(Line* line) {
  const char* p = buf_ + pos_;
  size_t left = size_ - pos_;
  size_t k = 0;
#if defined(__SSE2__)
  const __m128i nl16 = _mm_set1_epi8('\n');
  const __m128i cr16 = _mm_set1_epi8('\r');
  for (;; k += 16) {
    if (k + 16 > left) {
      while (k < left && p[k] != '\n' && p[k] != '\r') ++k;
      break;
    }
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    auto stop = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl16), _mm_cmpeq_epi8(v, cr16))));
    if (stop != 0) {
      k += static_cast<size_t>(__builtin_ctz(stop));
      break;
    }
  }
#else
  while (k < left && p[k] != '\n' && p[k] != '\r') ++k;
#endif
  size_t stop = pos_ + k;
  if (k > kMaxLineBytes) return false;
  if (stop > valid_end_ && !checked_all_) CheckUpTo(stop);
  if (stop > valid_end_) return false;
  line->begin = pos_;
  line->end = stop;
  line->cut = false;
  line->raw = true;
  line->text = std::string_view(p, k);
  pos_ = stop;
  if (k < left) pos_ += (p[k] == '\r' && k + 1 < left && p[k + 1] == '\n') ? 2 : 1;
  return true;
}

bool LineReader::NextUtf8(Line* line) {
  // In-memory input: lines in the part checked valid are read without the
  // general loop (no chunks, no repair); the rest falls through to it.
  if (in_memory_ && pos_ < size_ && NextInMemory(line)) return true;
  size_t scan = pos_;
  bool cut = false;
  uint64_t high = 0;
  uint64_t begin = consumed_ + pos_;
  std::string head;  // the kept start of an overlong line
  for (;;) {
    const char* base = buf_;
    size_t end = size_;
    size_t i = FindLineEnd(base, scan, end, &high);
    // A "\r" at the end of the buffer may be the first half of "\r\n".
    bool found = i < end && !(base[i] == '\r' && i + 1 == end && !eof_);
    if (found || eof_) {
      if (!found && pos_ == end && !cut) return false;
      size_t stop = found ? i : end;
      if (!cut && stop - pos_ > kMaxLineBytes) {  // whole in the buffer (a memory source)
        cut = true;
        head.assign(base + pos_, kMaxLineBytes);
      }
      line->begin = begin;
      line->end = consumed_ + stop;
      line->cut = cut;
      line->raw = false;
      if (cut) {
        Repair(head, begin);
        if (line_.empty()) line_.swap(head);
        line->text = line_;
      } else {
        std::string_view raw(base + pos_, stop - pos_);
        if (in_memory_ && stop > valid_end_ && !checked_all_) CheckUpTo(stop);
        if ((high & kHighBits) != 0 && stop > valid_end_) {
          Repair(raw, begin);
        } else {
          line_.clear();  // ASCII only: valid as it is
        }
        line->raw = line_.empty();
        line->text = line->raw ? raw : std::string_view(line_);
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

void LineReader::CheckUpTo(size_t end) {
  constexpr size_t kBlock = 256 << 10;
  while (valid_end_ < end && !checked_all_) {
    size_t block_end = std::min(size_, std::max(end, valid_end_ + kBlock));
    size_t ok =
        valid_end_ + ValidPrefix(std::string_view(buf_ + valid_end_, block_end - valid_end_));
    // A sequence cut by the block's end is looked at again with the next block.
    bool cut_sequence = ok < block_end && block_end < size_ && block_end - ok < 4;
    checked_all_ = ok == size_ || (ok < block_end && !cut_sequence);
    valid_end_ = ok;
  }
}

void LineReader::Repair(std::string_view raw, uint64_t offset) {
  line_.clear();
  size_t i = ValidPrefix(raw);
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
    while (size_ - pos_ < n) {
      if (!Fill()) return false;
    }
    return true;
  };
  if (!need(2)) {
    if (pos_ < size_) {  // an odd trailing byte
      line->begin = consumed_ + pos_;
      line->end = consumed_ + size_;
      if (invalid_++ == 0) first_invalid_ = line->begin;
      line_ = "\xEF\xBF\xBD";
      pos_ = size_;
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
  if (pos_ < size_) {  // odd trailing byte
    if (invalid_++ == 0) first_invalid_ = line->end;
    line_ += "\xEF\xBF\xBD";
    pos_ = size_;
    line->end = consumed_ + pos_;
  }
  line->text = line_;
  return true;
}

}  // namespace parcelproof::chat
