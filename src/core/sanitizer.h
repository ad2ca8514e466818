// Whether this build runs under AddressSanitizer (gcc defines
// __SANITIZE_ADDRESS__, clang answers __has_feature): workers then keep their
// address space unlimited, since ASan reserves terabytes of it.
#ifndef PARCELPROOF_CORE_SANITIZER_H_
#define PARCELPROOF_CORE_SANITIZER_H_

namespace parcelproof {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_SANITIZER_H_
