#include "sign/ed25519.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include "core/sha256.h"

namespace parcelproof::sign {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

std::string OpenSslError() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

std::string BioText(BIO* b) {
  char* data = nullptr;
  long n = BIO_get_mem_data(b, &data);
  return std::string(data, n > 0 ? static_cast<size_t>(n) : 0);
}

// Reads a private key PEM, else a public key PEM. Only Ed25519 is accepted.
Result<Pkey> ReadKey(const std::string& pem, bool* is_private) {
  if (pem.size() > 64 * 1024) return Status::Corrupt("key PEM larger than 64 KiB");
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  *is_private = key != nullptr;
  if (!key) {
    ERR_clear_error();
    Bio bio2(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    key.reset(PEM_read_bio_PUBKEY(bio2.get(), nullptr, nullptr, nullptr));
  }
  if (!key) return Status::Corrupt("not a PEM key: " + OpenSslError());
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    return Status::Corrupt("key is not Ed25519");
  }
  return key;
}

}  // namespace

Result<KeyPairPem> GenerateKeyPair() {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!raw) return Status::Internal("Ed25519 key generation failed: " + OpenSslError());
  Pkey key(raw);
  Bio priv(BIO_new(BIO_s_mem())), pub(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
      !PEM_write_bio_PUBKEY(pub.get(), key.get())) {
    return Status::Internal("PEM encoding failed: " + OpenSslError());
  }
  return KeyPairPem{BioText(priv.get()), BioText(pub.get())};
}

Result<std::string> PublicPem(const std::string& pem) {
  bool is_private = false;
  Result<Pkey> key = ReadKey(pem, &is_private);
  if (!key.ok()) return key.status();
  Bio pub(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_PUBKEY(pub.get(), key->get())) {
    return Status::Internal("PEM encoding failed: " + OpenSslError());
  }
  return BioText(pub.get());
}

Result<std::string> PublicDer(const std::string& pem) {
  bool is_private = false;
  Result<Pkey> key = ReadKey(pem, &is_private);
  if (!key.ok()) return key.status();
  unsigned char* der = nullptr;
  int n = i2d_PUBKEY(key->get(), &der);
  if (n <= 0) return Status::Internal("DER encoding failed: " + OpenSslError());
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

Result<std::string> Fingerprint(const std::string& pem) {
  Result<std::string> der = PublicDer(pem);
  if (!der.ok()) return der.status();
  return Sha256Hex(*der);
}

Result<std::string> Sign(const std::string& private_pem, std::string_view message) {
  bool is_private = false;
  Result<Pkey> key = ReadKey(private_pem, &is_private);
  if (!key.ok()) return key.status();
  if (!is_private) return Status::InvalidArgument("a public key cannot sign");
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  unsigned char sig[64];
  size_t sig_len = sizeof sig;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig, &sig_len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return Status::Internal("Ed25519 signing failed: " + OpenSslError());
  }
  return std::string(reinterpret_cast<char*>(sig), sig_len);
}

Status Verify(const std::string& public_pem, std::string_view message, std::string_view signature) {
  bool is_private = false;
  Result<Pkey> key = ReadKey(public_pem, &is_private);
  if (!key.ok()) return key.status();
  if (signature.size() != 64) {
    return Status::VerifyFailed("signature is " + std::to_string(signature.size()) +
                                " bytes, an Ed25519 signature is 64");
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1) {
    return Status::Internal("Ed25519 verify init failed: " + OpenSslError());
  }
  int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size());
  ERR_clear_error();
  if (rc != 1) return Status::VerifyFailed("signature does not verify with the key");
  return Status::Ok();
}

}  // namespace parcelproof::sign
