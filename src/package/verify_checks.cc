// The bag-level steps of VerifyPackage.
#include <set>

#include "core/sha256.h"
#include "package/bag_layout.h"
#include "package/manifest_parse.h"
#include "package/verify_context.h"
#include "sign/ed25519.h"

namespace parcelproof::package {
namespace {

constexpr uint64_t kMaxTagBytes = 64ull << 20;
const char kManifest[] = "manifest-sha256.txt";
const char kTagManifest[] = "tagmanifest-sha256.txt";

bool IsPayload(const std::string& rel) { return rel.compare(0, 5, "data/") == 0; }
bool IsSignatureFile(const std::string& rel) {
  return rel == kSignatureFile || rel == kPublicKeyFile;
}

void CheckOxum(VerifyContext& ctx, const std::string& bag_info) {
  std::string oxum;
  for (const auto& [label, value] : ParseBagInfo(bag_info)) {
    if (label == "Payload-Oxum") oxum = value;
    if (label == "External-Identifier") ctx.report->order_id = value;
    if (label == "Parcelproof-Dispute-Reason") ctx.report->reason = value;
    if (label == "Parcelproof-Package-Id") ctx.report->package_id = value;
  }
  std::string expect =
      std::to_string(ctx.report->payload_bytes) + "." + std::to_string(ctx.report->payload_files);
  if (oxum.empty()) {
    ctx.Fail("payload-oxum-mismatch", "bag-info.txt has no Payload-Oxum");
  } else if (oxum != expect) {
    ctx.Fail("payload-oxum-mismatch",
             "bag-info.txt Payload-Oxum is " + oxum + ", the payload is " + expect);
  }
}

}  // namespace

void CheckBagit(VerifyContext& ctx) {
  std::string text;
  if (!ctx.ReadTag("bagit.txt", 4096, "bagit-missing", &text)) return;
  std::string norm = text;
  for (size_t p; (p = norm.find('\r')) != std::string::npos;) norm.erase(p, 1);
  if (norm != kBagitTxt) {
    ctx.Fail("bagit-invalid", "bagit.txt is not \"BagIt-Version: 1.0\" with UTF-8 tag files");
  }
}

void CheckPayload(VerifyContext& ctx) {
  std::string text;
  ParsedManifest manifest;
  if (ctx.ReadTag(kManifest, kMaxTagBytes, "manifest-missing", &text)) {
    manifest = ParseManifest(text, kManifest);
    for (const VerifyFailure& f : manifest.failures) ctx.report->failures.push_back(f);
    if (manifest.hashes.empty()) ctx.Fail("manifest-empty", std::string(kManifest) + " is empty");
  }
  for (const auto& [path, hash] : manifest.hashes) {
    if (!IsPayload(path)) {
      ctx.Fail("manifest-outside-payload",
               std::string(kManifest) + " lists " + path + ", which is not under data/");
    } else if (!ctx.files.count(path)) {
      ctx.Fail("manifest-phantom",
               std::string(kManifest) + " lists " + path + ", which is not in the package");
    }
  }
  for (const auto& [rel, entry] : ctx.files) {
    if (!IsPayload(rel)) continue;
    ctx.report->payload_files += 1;
    ctx.report->payload_bytes += entry.size;
    auto listed = manifest.hashes.find(rel);
    if (listed == manifest.hashes.end()) {
      ctx.Fail("payload-unlisted", rel + " is not listed in " + kManifest);
      continue;
    }
    std::string got = ctx.HashEntry(rel);
    if (!got.empty() && got != listed->second) {
      ctx.Fail("payload-hash-mismatch",
               rel + ": SHA-256 is " + got + ", " + kManifest + " says " + listed->second);
    }
  }
  std::string bag_info;
  if (ctx.ReadTag("bag-info.txt", 1 << 20, "baginfo-missing", &bag_info)) CheckOxum(ctx, bag_info);
}

void CheckTagManifest(VerifyContext& ctx) {
  std::string text;
  ParsedManifest tags;
  if (ctx.ReadTag(kTagManifest, 1 << 20, "tagmanifest-missing", &text)) {
    tags = ParseManifest(text, kTagManifest);
    for (const VerifyFailure& f : tags.failures) ctx.report->failures.push_back(f);
    for (const std::string& required : SignedTagFiles()) {
      if (!tags.hashes.count(required)) {
        ctx.Fail("tagmanifest-incomplete",
                 std::string(kTagManifest) + " does not cover " + required);
      }
    }
  }
  for (const auto& [path, hash] : tags.hashes) {
    if (IsPayload(path) || IsSignatureFile(path) || path == kTagManifest) {
      ctx.Fail("tagmanifest-malformed", std::string(kTagManifest) + " lists " + path);
    } else if (!ctx.files.count(path)) {
      ctx.Fail("tagmanifest-phantom",
               std::string(kTagManifest) + " lists " + path + ", which is not in the package");
    } else {
      std::string got = ctx.HashEntry(path);
      if (!got.empty() && got != hash) {
        ctx.Fail("tag-hash-mismatch",
                 path + ": SHA-256 is " + got + ", " + kTagManifest + " says " + hash);
      }
    }
  }
  for (const auto& [rel, entry] : ctx.files) {
    if (IsPayload(rel) || IsSignatureFile(rel) || rel == kTagManifest) continue;
    if (!tags.hashes.count(rel)) ctx.Fail("extra-file", rel + " is not listed in any manifest");
  }
}

void CheckSignature(VerifyContext& ctx, const std::string& expected_public_pem) {
  std::string signed_text, sig, pem;
  bool have_text = ctx.files.count(kTagManifest) &&
                   ctx.ReadTag(kTagManifest, 1 << 20, "tagmanifest-missing", &signed_text);
  bool have_sig = ctx.ReadTag(kSignatureFile, 4096, "signature-missing", &sig);
  bool have_pem = ctx.ReadTag(kPublicKeyFile, 64 * 1024, "public-key-missing", &pem);
  if (!have_pem) return;
  Result<std::string> fp = sign::Fingerprint(pem);
  if (!fp.ok()) {
    ctx.Fail("public-key-invalid", std::string(kPublicKeyFile) + ": " + fp.status().message());
    return;
  }
  ctx.report->fingerprint = *fp;
  if (!expected_public_pem.empty()) {
    Result<std::string> want = sign::Fingerprint(expected_public_pem);
    if (!want.ok() || *want != *fp) {
      ctx.Fail("key-mismatch", "the embedded key (fingerprint " + *fp +
                                   ") is not the expected key" +
                                   (want.ok() ? " (fingerprint " + *want + ")" : ""));
    }
  }
  if (!have_sig || !have_text) return;
  if (sig.size() != 64) {
    ctx.Fail("signature-length",
             std::string(kSignatureFile) + " is " + std::to_string(sig.size()) + " bytes, not 64");
    return;
  }
  Status st = sign::Verify(pem, signed_text, sig);
  if (!st.ok()) {
    ctx.Fail("signature-invalid", std::string(kSignatureFile) + ": " + st.message());
  }
}

}  // namespace parcelproof::package
