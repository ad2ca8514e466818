#include "tracking.h"

namespace samplegen {

int S10CheckDigit(const std::string& eight_digits) {
  static const int kWeights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (eight_digits[i] - '0') * kWeights[i];
  int c = 11 - sum % 11;
  return c == 10 ? 0 : c == 11 ? 5 : c;
}

std::string MakeS10(const std::string& service, const std::string& eight_digits,
                    const std::string& country) {
  return service + eight_digits + std::to_string(S10CheckDigit(eight_digits)) + country;
}

int Ups1ZCheckDigit(const std::string& body15) {
  int total = 0;
  for (size_t i = 0; i < body15.size(); ++i) {
    char ch = body15[i];
    int v = (ch >= '0' && ch <= '9') ? ch - '0' : (ch - 'A' + 2) % 10;
    total += (i % 2 == 0) ? v : 2 * v;  // position i+1: odd positions count once
  }
  return (10 - total % 10) % 10;
}

std::string MakeUps1Z(const std::string& shipper6, const std::string& service2,
                      const std::string& package7) {
  std::string body = shipper6 + service2 + package7;
  return "1Z" + body + std::to_string(Ups1ZCheckDigit(body));
}

std::string HumanReadable(const std::string& t) {
  if (t.size() == 18 && t.compare(0, 2, "1Z") == 0) {
    return t.substr(0, 2) + " " + t.substr(2, 3) + " " + t.substr(5, 3) + " " + t.substr(8, 2) +
           " " + t.substr(10, 4) + " " + t.substr(14, 4);
  }
  if (t.size() == 13) {
    return t.substr(0, 2) + " " + t.substr(2, 3) + " " + t.substr(5, 3) + " " + t.substr(8, 3) +
           " " + t.substr(11, 2);
  }
  return t;
}

}  // namespace samplegen
