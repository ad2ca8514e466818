#include "label/tracking.h"

#include <cctype>

namespace parcelproof {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int UpsValue(char c) {
  if (IsDigit(c)) return c - '0';
  return (c - 'A' + 2) % 10;  // A=2, B=3, ... wrapping mod 10
}

}  // namespace

bool LooksLikeS10(const std::string& s) {
  if (s.size() != 13) return false;
  for (int i : {0, 1, 11, 12}) {
    if (!IsUpper(s[i])) return false;
  }
  for (int i = 2; i < 11; ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

bool S10CheckDigitValid(const std::string& s) {
  static const int kWeights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
  if (!LooksLikeS10(s)) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (s[2 + i] - '0') * kWeights[i];
  int c = 11 - sum % 11;
  if (c == 10) c = 0;
  if (c == 11) c = 5;
  return c == s[10] - '0';
}

bool LooksLikeUps(const std::string& s) {
  if (s.size() != 18 || s[0] != '1' || s[1] != 'Z') return false;
  for (size_t i = 2; i < s.size(); ++i) {
    if (!IsUpper(s[i]) && !IsDigit(s[i])) return false;
  }
  return IsDigit(s[17]);
}

bool UpsCheckDigitValid(const std::string& s) {
  if (!LooksLikeUps(s)) return false;
  int total = 0;
  for (int i = 2; i < 17; ++i) {
    int v = UpsValue(s[i]);
    bool even_position = (i - 1) % 2 == 0;  // positions counted from 1 after "1Z"
    total += even_position ? 2 * v : v;
  }
  return (10 - total % 10) % 10 == s[17] - '0';
}

bool Gs1Mod10Valid(const std::string& d) {
  if (d.size() < 2) return false;
  int sum = 0;
  for (size_t i = 0; i + 1 < d.size(); ++i) {
    if (!IsDigit(d[i])) return false;
    bool weight3 = (d.size() - 1 - i) % 2 == 1;
    sum += (d[i] - '0') * (weight3 ? 3 : 1);
  }
  return IsDigit(d.back()) && (10 - sum % 10) % 10 == d.back() - '0';
}

std::string CanonicalTracking(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

std::optional<TrackingCandidate> ClassifyTracking(const std::string& text) {
  std::string s = CanonicalTracking(text);
  if (LooksLikeS10(s)) return TrackingCandidate{"UPU S10", s, true, S10CheckDigitValid(s)};
  if (LooksLikeUps(s)) return TrackingCandidate{"UPS 1Z", s, true, UpsCheckDigitValid(s)};
  if (s.size() < 10 || s.size() > 35) return std::nullopt;
  int digits = 0;
  for (char c : s) {
    if (!IsUpper(c) && !IsDigit(c)) return std::nullopt;
    digits += IsDigit(c);
  }
  if (digits < 6) return std::nullopt;
  return TrackingCandidate{"Unknown", s, false, false};
}

}  // namespace parcelproof
