// Ed25519 signing keys as PEM files: generation and fingerprints.
#ifndef PARCELPROOF_KEYS_H_
#define PARCELPROOF_KEYS_H_

#include <string>

#include "parcelproof/status.h"

namespace parcelproof {

struct KeyFiles {
  std::string private_path;  // NAME.key, PKCS#8 PEM, mode 0600
  std::string public_path;   // NAME.pub, SubjectPublicKeyInfo PEM
  std::string fingerprint;   // SHA-256 of the DER public key, lower-case hex
};

// Generates an Ed25519 key pair and writes NAME.key (0600) and NAME.pub.
// Refuses (InvalidArgument) when either file exists; writes neither then.
Result<KeyFiles> WriteNewKeyPair(const std::string& name);

// The fingerprint of a PEM key, public or private (SHA-256 of the DER public
// key, hex). Corrupt when the text is not an Ed25519 key.
Result<std::string> KeyFingerprint(const std::string& pem);

// Reads a PEM key file (at most 64 KiB) and checks it is an Ed25519 key,
// private or public; NotFound/IOError/Corrupt name the path.
Result<std::string> ReadKeyFile(const std::string& path);

}  // namespace parcelproof

#endif  // PARCELPROOF_KEYS_H_
