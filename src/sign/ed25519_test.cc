#include "sign/ed25519.h"

#include <gtest/gtest.h>

#include "core/sha256.h"

namespace parcelproof::sign {
namespace {

TEST(SignEd25519, SignsAndVerifiesRawSignatures) {
  Result<KeyPairPem> key = GenerateKeyPair();
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->private_pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
  Result<std::string> sig = Sign(key->private_pem, "message");
  ASSERT_TRUE(sig.ok());
  EXPECT_EQ(sig->size(), 64u);
  EXPECT_EQ(*Sign(key->private_pem, "message"), *sig);  // Ed25519 is deterministic
  EXPECT_TRUE(Verify(key->public_pem, "message", *sig).ok());
  EXPECT_TRUE(Verify(key->private_pem, "message", *sig).ok());
  EXPECT_EQ(Verify(key->public_pem, "messagf", *sig).code(), Status::Code::kVerifyFailed);
  std::string bad = *sig;
  bad[0] ^= 1;
  EXPECT_EQ(Verify(key->public_pem, "message", bad).code(), Status::Code::kVerifyFailed);
  EXPECT_EQ(Verify(key->public_pem, "message", sig->substr(0, 63)).code(),
            Status::Code::kVerifyFailed);
}

TEST(SignEd25519, FingerprintIsSha256OfTheDerPublicKeyForEitherHalf) {
  Result<KeyPairPem> key = GenerateKeyPair();
  ASSERT_TRUE(key.ok());
  Result<std::string> der = PublicDer(key->public_pem);
  ASSERT_TRUE(der.ok());
  EXPECT_EQ(der->size(), 44u);  // SubjectPublicKeyInfo of a 32-byte Ed25519 key
  EXPECT_EQ(*Fingerprint(key->public_pem), Sha256Hex(*der));
  EXPECT_EQ(*Fingerprint(key->private_pem), Sha256Hex(*der));
  EXPECT_EQ(*PublicPem(key->private_pem), key->public_pem);
}

TEST(SignEd25519, RefusesGarbageAndOtherKeyTypes) {
  EXPECT_EQ(Fingerprint("hello").status().code(), Status::Code::kCorrupt);
  EXPECT_EQ(Sign("", "m").status().code(), Status::Code::kCorrupt);
  Result<KeyPairPem> key = GenerateKeyPair();
  EXPECT_EQ(Sign(key->public_pem, "m").status().code(), Status::Code::kInvalidArgument);
  // An EC P-256 public key.
  const char kEc[] =
      "-----BEGIN PUBLIC KEY-----\n"
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
      "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
      "-----END PUBLIC KEY-----\n";
  Result<std::string> fp = Fingerprint(kEc);
  EXPECT_FALSE(fp.ok());
}

}  // namespace
}  // namespace parcelproof::sign
