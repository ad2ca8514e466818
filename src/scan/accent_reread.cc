#include "scan/accent_reread.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "address/address.h"
#include "parcelproof/check.h"
#include "scan/ship_to_locate.h"

namespace parcelproof {
namespace {

bool IsAsciiPunct(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && std::ispunct(u);
}

// Two capitals, whatever punctuation surrounds them ("TX," "(ON)").
bool TwoCapitals(const std::string& word) {
  size_t b = 0, e = word.size();
  while (b < e && IsAsciiPunct(word[b])) ++b;
  while (e > b && IsAsciiPunct(word[e - 1])) --e;
  if (e - b != 2) return false;
  return std::isupper(static_cast<unsigned char>(word[b])) &&
         std::isupper(static_cast<unsigned char>(word[b + 1]));
}

bool HasDigit(const std::string& word) {
  return word.find_first_of("0123456789") != std::string::npos;
}

}  // namespace

bool MayHideLetter(const std::string& word) {
  bool letter = false;
  for (char c : word) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalpha(u)) letter = true;
  }
  return letter && !TwoCapitals(word);
}

bool WorthLatinReread(const OcrLine& line, const std::string& country, double sure) {
  size_t code_begin = 0, code_end = 0;
  if (!FindPostalCode(line.text, country, &code_begin, &code_end)) code_begin = code_end = 0;
  if (line.words.empty()) return line.confidence < sure && MayHideLetter(line.text);
  for (const OcrWord& w : line.words) {
    if (w.confidence >= sure || w.end > line.text.size() || w.begin >= w.end) continue;
    std::string word = line.text.substr(w.begin, w.end - w.begin);
    if (w.begin >= code_begin && w.end <= code_end) {
      // The letters of a code ("CJ" of "1015 CJ") have no other second
      // opinion: the Latin model's agreeing reading makes them sure enough
      // for a verdict (digits keep the confidence English read them with).
      if (w.confidence < kConfidentOcr && !HasDigit(word)) return true;
      continue;
    }
    if (MayHideLetter(word)) return true;
  }
  return false;
}

void LatinSpan(const OcrLine& line, const std::string& country, double sure, size_t* begin,
               size_t* end) {
  *begin = 0;
  *end = line.text.size();
  size_t code_begin = 0, code_end = 0;
  if (!FindPostalCode(line.text, country, &code_begin, &code_end)) code_begin = code_end = 0;
  size_t b = line.text.size(), e = 0;
  for (const OcrWord& w : line.words) {
    if (w.end > line.text.size() || w.begin >= w.end) return;
    std::string word = line.text.substr(w.begin, w.end - w.begin);
    if (w.begin >= code_begin && w.end <= code_end) {
      if (w.confidence < sure && w.confidence < kConfidentOcr && !HasDigit(word)) return;
      continue;
    }
    // Digits beside no code that fits: a broken code, read with its line.
    if (HasDigit(word)) return;
    if (!MayHideLetter(word)) continue;
    b = std::min(b, w.begin);
    e = std::max(e, w.end);
  }
  if (b >= e) return;
  *begin = b;
  *end = e;
}

GrayPixels SpanPicture(const GrayPixels& crop, const OcrLine& l, size_t begin, size_t end) {
  int prev_end = -1, first = -1, last = -1, next = -1;
  for (const OcrWord& w : l.words) {
    if (w.w <= 0) return {};
    if (w.end <= begin) {
      prev_end = std::max(prev_end, w.x + w.w);
    } else if (w.begin >= end) {
      next = next < 0 ? w.x : std::min(next, w.x);
    } else {
      first = first < 0 ? w.x : std::min(first, w.x);
      last = std::max(last, w.x + w.w);
    }
  }
  GrayPixels line = SubPicture(crop, l);
  if (first < 0 || line.width == 0) return {};
  int left = std::max(0, l.x - std::max(2, l.h / 4));  // SubPicture's padding
  int x0 = prev_end < 0 ? 0 : std::max(0, (prev_end + first) / 2 - left);
  int x1 = next < 0 ? line.width : std::min(line.width, (last + next + 1) / 2 - left);
  if (x1 - x0 < 4) return {};
  return CutRect(line, x0, 0, x1, line.height);
}

}  // namespace parcelproof
