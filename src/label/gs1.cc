#include "label/gs1.h"

#include <cstdlib>

#include "label/countries.h"
#include "label/tracking.h"

namespace parcelproof {
namespace {

constexpr char kGs = 29;

// The GS1 General Specifications fix the length of the AI itself by its
// first two digits, and predefine the value length of a few AIs; every other
// value runs to a group separator (at most 90 characters).
int AiLength(int prefix) {
  if (prefix <= 22 || prefix == 30 || prefix == 37 || prefix >= 90) return 2;
  if ((prefix >= 23 && prefix <= 29) || (prefix >= 40 && prefix <= 42)) return 3;
  if ((prefix >= 31 && prefix <= 36) || prefix == 39 || (prefix >= 70 && prefix <= 82)) return 4;
  return 0;  // not assigned
}

int FixedValueLength(int prefix) {
  switch (prefix) {
    case 0:
      return 18;
    case 1:
    case 2:
    case 3:
      return 14;
    case 4:
      return 16;
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 16:
    case 17:
    case 18:
    case 19:
      return 6;
    case 20:
      return 2;
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
      return 6;
    case 41:
      return 13;
    default:
      return 0;
  }
}

bool IsDigits(const std::string& s, size_t p, size_t n) {
  if (p + n > s.size()) return false;
  for (size_t i = p; i < p + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

Result<FieldList> ParseRaw(const std::string& s) {
  FieldList out;
  size_t p = 0;
  while (p < s.size()) {
    if (s[p] == kGs) {
      ++p;
      continue;
    }
    int prefix = IsDigits(s, p, 2) ? std::atoi(s.substr(p, 2).c_str()) : -1;
    int ai_len = prefix < 0 ? 0 : AiLength(prefix);
    if (ai_len == 0 || !IsDigits(s, p, ai_len)) {
      return Status::Corrupt("GS1: no application identifier at position " + std::to_string(p));
    }
    std::string ai = s.substr(p, ai_len);
    p += ai_len;
    int fixed = ai == "402" ? 17 : FixedValueLength(prefix);
    size_t end = fixed ? p + fixed : s.find(kGs, p);
    if (end == std::string::npos) end = s.size();
    if (end > s.size() || end == p || (!fixed && end - p > 90)) {
      return Status::Corrupt("GS1: value of AI (" + ai + ") has the wrong length");
    }
    out.emplace_back(ai, s.substr(p, end - p));
    p = end;
  }
  return out;
}

Result<FieldList> ParseHri(const std::string& s) {
  std::string raw;
  size_t p = 0;
  while (p < s.size()) {
    size_t close = s.find(')', p);
    if (s[p] != '(' || close == std::string::npos)
      return Status::Corrupt("GS1: malformed (AI) at position " + std::to_string(p));
    size_t next = s.find('(', close);
    if (next == std::string::npos) next = s.size();
    raw += s.substr(p + 1, close - p - 1) + s.substr(close + 1, next - close - 1) + kGs;
    p = next;
  }
  return ParseRaw(raw);
}

}  // namespace

Result<FieldList> ParseGs1(const std::string& text) {
  std::string s = text;
  if (s.rfind("]C1", 0) == 0 || s.rfind("]d2", 0) == 0 || s.rfind("]Q3", 0) == 0) s = s.substr(3);
  if (s.empty()) return Status::Corrupt("GS1: empty");
  return s[0] == '(' ? ParseHri(s) : ParseRaw(s);
}

void InterpretGs1(const FieldList& ais, Barcode* b) {
  for (const auto& [ai, value] : ais) {
    if (ai == "00") b->tracking.push_back({"SSCC", value, true, Gs1Mod10Valid(value)});
    if (ai == "401") b->tracking.push_back({"GS1 401", value, false, false});
    if (ai == "402") b->tracking.push_back({"GS1 402", value, true, Gs1Mod10Valid(value)});
    if (ai == "420") b->fields.emplace_back("postal_code", value);
    if (ai == "421" && value.size() > 3) {
      std::string alpha2 = CountryAlpha2FromNumeric(value.substr(0, 3));
      b->fields.emplace_back("country", alpha2.empty() ? value.substr(0, 3) : alpha2);
      b->fields.emplace_back("postal_code", value.substr(3));
    }
  }
}

}  // namespace parcelproof
