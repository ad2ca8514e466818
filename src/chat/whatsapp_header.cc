#include "chat/whatsapp_header.h"

#include <cstring>

namespace parcelproof::chat {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  size_t pos() const { return i_; }
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  bool EatStr(std::string_view t) {
    if (s_.substr(i_, t.size()) != t) return false;
    i_ += t.size();
    return true;
  }
  // 1..max digits.
  bool Number(int max, int* value, int* count) {
    int n = 0, v = 0;
    while (n < max && i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      v = v * 10 + (s_[i_++] - '0');
      ++n;
    }
    *value = v;
    if (count != nullptr) *count = n;
    return n > 0;
  }
  // One space: ASCII, U+00A0 or U+202F (phones put a narrow no-break space before AM/PM).
  bool Space() {
    switch (Peek()) {
      case ' ':
      case '\t':
        ++i_;
        return true;
      case '\xC2':
        return EatStr("\xC2\xA0");
      case '\xE2':
        return EatStr("\xE2\x80\xAF");
      default:
        return false;
    }
  }
  void Marks() {
    while (Peek() == '\xE2' && (EatStr("\xE2\x80\x8E") || EatStr("\xE2\x80\x8F"))) {
    }
  }
  std::string_view Rest() const { return s_.substr(i_ < s_.size() ? i_ : s_.size()); }
  void Skip(size_t n) { i_ += n; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool IsDateSep(char c) { return c == '/' || c == '.' || c == '-'; }

bool Date(Cursor* c, WaHeader* h) {
  for (int k = 0; k < 3; ++k) {
    if (k > 0) {
      if (!IsDateSep(c->Peek())) return false;
      c->Skip(1);
      c->Space();
    }
    if (!c->Number(4, &h->number[k], &h->digits[k])) return false;
  }
  return true;
}

// 12-hour markers written before the time (Chinese, Japanese, Korean).
WaHeader::Half LeadingHalf(std::string_view gap) {
  static const char* const kAm[] = {"上午", "午前", "오전"};
  static const char* const kPm[] = {"下午", "午後", "오후"};
  for (const char* m : kAm) {
    if (gap.find(m) != std::string_view::npos) return WaHeader::kAm;
  }
  for (const char* m : kPm) {
    if (gap.find(m) != std::string_view::npos) return WaHeader::kPm;
  }
  return WaHeader::kNone;
}

// Between date and time: spaces and a few words ("à", "um", "г.,"), no digits.
bool Gap(Cursor* c, WaHeader* h) {
  c->Eat('.');
  c->Eat(',');
  if (!c->Space()) return false;
  std::string_view rest = c->Rest();
  size_t n = 0;
  while (n < rest.size() && n < 24 && !(rest[n] >= '0' && rest[n] <= '9')) ++n;
  if (n == rest.size() || n == 24) return false;
  h->half = n > 0 ? LeadingHalf(rest.substr(0, n)) : WaHeader::kNone;
  c->Skip(n);
  return true;
}

bool Clock(Cursor* c, WaHeader* h) {
  int n = 0;
  if (!c->Number(2, &h->hour, nullptr)) return false;
  if (!c->Eat(':') && !c->Eat('.')) return false;
  if (!c->Number(2, &h->minute, &n) || n != 2) return false;
  h->second = 0;
  Cursor save = *c;
  if ((c->Eat(':') || c->Eat('.')) && c->Number(2, &h->second, &n) && n == 2) return true;
  *c = save;
  h->second = 0;
  return true;
}

// " AM", " p. m.", " a.m.", " 下午" after the time.
void TrailingHalf(Cursor* c, WaHeader* h) {
  Cursor save = *c;
  if (!c->Space()) return;
  if (static_cast<unsigned char>(c->Peek()) >= 0x80) {
    if (c->EatStr("上午") || c->EatStr("午前") || c->EatStr("오전")) {
      h->half = WaHeader::kAm;
      return;
    }
    if (c->EatStr("下午") || c->EatStr("午後") || c->EatStr("오후")) {
      h->half = WaHeader::kPm;
      return;
    }
  }
  char a = c->Peek();
  if (a != 'a' && a != 'A' && a != 'p' && a != 'P') {
    *c = save;
    return;
  }
  c->Skip(1);
  c->Eat('.');
  c->Space();
  if (!c->Eat('m') && !c->Eat('M')) {
    *c = save;
    return;
  }
  c->Eat('.');
  h->half = (a == 'a' || a == 'A') ? WaHeader::kAm : WaHeader::kPm;
}

// Up to max digits at line[*i]; false when there is none.
inline bool FastNumber(std::string_view line, size_t* i, int max, int* value, int* count) {
  const char* p = line.data() + *i;
  size_t left = line.size() - *i;
  // Digit values as unsigned: one compare tells a digit. Unrolled (max is 2
  // or 4; numbers have 1 to 4 digits).
  auto digit = [p](size_t k) { return static_cast<unsigned>(p[k] - '0'); };
  size_t limit = left < static_cast<size_t>(max) ? left : static_cast<size_t>(max);
  size_t n = 0;
  unsigned v = 0, d;
  if (limit > 0 && (v = digit(0)) <= 9) {
    n = 1;
    if (limit > 1 && (d = digit(1)) <= 9) {
      v = v * 10 + d, n = 2;
      if (limit > 2 && (d = digit(2)) <= 9) {
        v = v * 10 + d, n = 3;
        if (limit > 3 && (d = digit(3)) <= 9) v = v * 10 + d, n = 4;
      }
    }
  } else {
    v = 0;
  }
  *i += n;
  *value = static_cast<int>(v);
  *count = static_cast<int>(n);
  return n > 0;
}

// " AM", " pm", " p. m.", " a.m." (an ASCII space or U+202F before it) at
// line[*i], read past as the general parser's TrailingHalf reads them;
// kNone, *i unchanged, for anything else (left to the general parser).
WaHeader::Half FastHalf(std::string_view line, size_t* i) {
  size_t j = *i;
  if (j < line.size() && line[j] == ' ') {
    ++j;
  } else if (line.substr(j, 3) == "\xE2\x80\xAF") {
    j += 3;
  } else {
    return WaHeader::kNone;
  }
  if (j >= line.size()) return WaHeader::kNone;
  char a = line[j++];
  WaHeader::Half half = (a == 'A' || a == 'a')   ? WaHeader::kAm
                        : (a == 'P' || a == 'p') ? WaHeader::kPm
                                                 : WaHeader::kNone;
  if (half == WaHeader::kNone) return half;
  if (j < line.size() && line[j] == '.') ++j;
  if (j < line.size() && line[j] == ' ') ++j;
  if (j >= line.size() || (line[j] != 'M' && line[j] != 'm')) return WaHeader::kNone;
  ++j;
  if (j < line.size() && line[j] == '.') ++j;
  *i = j;
  return half;
}

// The most common headers, "31/12/21, 23:59 - " and "[31/12/21, 23:59:59] "
// (ASCII spaces, one separator right before each number; "AM", "p. m."
// and the like after an ASCII space or U+202F), read
// without the general parser's alternatives. True only when the general
// parser would read the same fields; anything else is left to it.
bool FastHeader(std::string_view line, WaHeader* h) {
  size_t i = 0;
  bool bracket = !line.empty() && line[0] == '[';
  if (bracket) ++i;
  for (int k = 0; k < 3; ++k) {
    if (k > 0) {
      if (i + 1 >= line.size() || !IsDateSep(line[i]) ||
          !(line[i + 1] >= '0' && line[i + 1] <= '9')) {
        return false;
      }
      ++i;
    }
    if (!FastNumber(line, &i, 4, &h->number[k], &h->digits[k])) return false;
  }
  if (i + 2 > line.size() || line[i] != ',' || line[i + 1] != ' ') return false;
  i += 2;
  int n = 0;
  if (!FastNumber(line, &i, 2, &h->hour, &n)) return false;
  if (i >= line.size() || line[i] != ':') return false;
  ++i;
  if (!FastNumber(line, &i, 2, &h->minute, &n) || n != 2) return false;
  h->second = 0;
  if (i < line.size() && line[i] == ':') {
    ++i;
    if (!FastNumber(line, &i, 2, &h->second, &n) || n != 2) return false;
  }
  h->half = FastHalf(line, &i);
  if (bracket) {
    if (i + 2 > line.size() || line[i] != ']' || line[i + 1] != ' ') return false;
    i += 2;
  } else {
    if (i + 3 > line.size() || line[i] != ' ' || line[i + 1] != '-' || line[i + 2] != ' ') {
      return false;
    }
    i += 3;
  }
  h->bracket = bracket;
  h->body = i;
  return true;
}

}  // namespace

bool ParseWaHeader(std::string_view line, WaHeader* h) {
  // Most continuation lines fail here: a header starts with a digit, "["
  // or a direction mark (U+200E, U+200F).
  if (line.empty()) return false;
  char first = line[0];
  if (!(first >= '0' && first <= '9') && first != '[' && first != '\xE2') return false;
  if (FastHeader(line, h)) return true;
  return ParseWaHeaderGeneral(line, h);
}

bool ParseWaHeaderGeneral(std::string_view line, WaHeader* h) {
  Cursor c(line);
  c.Marks();
  h->bracket = c.Eat('[');
  h->half = WaHeader::kNone;
  if (!Date(&c, h) || !Gap(&c, h) || !Clock(&c, h)) return false;
  TrailingHalf(&c, h);
  if (h->bracket) {
    if (!c.Eat(']')) return false;
    if (!c.Space()) return false;
  } else {
    if (!c.Space() || !(c.Eat('-') || c.EatStr("\xE2\x80\x93")) || !c.Space()) return false;
  }
  h->body = c.pos();
  return true;
}

}  // namespace parcelproof::chat
