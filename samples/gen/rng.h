// A small deterministic random number generator (splitmix64). Unlike the
// std:: distributions its output is the same on every platform and library.
#ifndef PARCELPROOF_SAMPLES_GEN_RNG_H_
#define PARCELPROOF_SAMPLES_GEN_RNG_H_

#include <cstdint>
#include <string>
#include <vector>

namespace samplegen {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  // The next 64 random bits.
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0);
  }
  // Uniform integer in [lo, hi] (inclusive).
  int Int(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  // True with probability p.
  bool Chance(double p) { return Uniform(0, 1) < p; }
  // A uniformly chosen element of a non-empty vector.
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }
  // `n` random decimal digits.
  std::string Digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + Next() % 10);
    return s;
  }

 private:
  uint64_t state_;
};

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_RNG_H_
