// OpenSSL Ed25519 (the only module that includes OpenSSL's key API):
// PEM keys, raw 64-byte signatures, fingerprints.
#ifndef PARCELPROOF_SIGN_ED25519_H_
#define PARCELPROOF_SIGN_ED25519_H_

#include <string>
#include <string_view>

#include "parcelproof/status.h"

namespace parcelproof::sign {

struct KeyPairPem {
  std::string private_pem;  // PKCS#8
  std::string public_pem;   // SubjectPublicKeyInfo
};

// A fresh key pair from the operating system's random source.
Result<KeyPairPem> GenerateKeyPair();
// The public key PEM of a private or public key PEM. Corrupt unless Ed25519.
Result<std::string> PublicPem(const std::string& pem);
// The DER SubjectPublicKeyInfo of a private or public key PEM.
Result<std::string> PublicDer(const std::string& pem);
// SHA-256 of PublicDer, hex.
Result<std::string> Fingerprint(const std::string& pem);
// The raw 64-byte Ed25519 signature of message with a private key PEM.
Result<std::string> Sign(const std::string& private_pem, std::string_view message);
// OK when signature (64 raw bytes) signs message under public_pem;
// VerifyFailed otherwise, Corrupt when the key cannot be read.
Status Verify(const std::string& public_pem, std::string_view message, std::string_view signature);

}  // namespace parcelproof::sign

#endif  // PARCELPROOF_SIGN_ED25519_H_
