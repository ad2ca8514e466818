// The tamper matrix: every change to a valid package fails verification
// with the right, named reason.
#include <gtest/gtest.h>

#include <functional>

#include "package_fixture.h"
#include "parcelproof/package.h"
#include "sign/ed25519.h"

namespace parcelproof {
namespace {

using Entries = std::map<std::string, std::string>;

const std::string kBag = "dispute-ord-1001-damaged/";

class PackageTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    sample_ = testing::MakeSampleInput(dir_.path());
    ASSERT_TRUE(BuildPackage(sample_->input, dir_.File("p.zip")).ok());
    entries_ = testing::ReadEntries(dir_.File("p.zip"));
    ASSERT_EQ(entries_.size(), 14u);
    for (const auto& [name, data] : entries_) {
      if (name.find("/data/label/") != std::string::npos) label_ = name;
      if (name.find("/data/packing/") != std::string::npos &&
          name.find(".jpg") != std::string::npos)
        packing_ = name;
    }
  }

  // Rewrites the package after `change` and verifies it.
  VerifyReport Tampered(const std::function<void(Entries&)>& change,
                        const VerifyOptions& options = {}) {
    Entries e = entries_;
    change(e);
    testing::WriteEntries(dir_.File("t.zip"), e);
    return Verify(dir_.File("t.zip"), options);
  }

  VerifyReport Verify(const std::string& path, const VerifyOptions& options = {}) {
    Result<VerifyReport> r = VerifyPackage(path, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{};
  }

  void ExpectFailure(const VerifyReport& r, const std::string& code) {
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(testing::HasFailure(r, code)) << "expected " << code << ", got:\n"
                                              << testing::FailureList(r);
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::SampleInput> sample_;
  Entries entries_;
  std::string label_, packing_;
};

TEST_F(PackageTamper, RewrittenUnchangedStillVerifies) {
  VerifyReport r = Tampered([](Entries&) {});
  EXPECT_TRUE(r.ok()) << testing::FailureList(r);
}

// Regression (bagit_fuzz): a bag-info.txt continuation line of blanks threw
// inside verify (exit 4, internal error); it is a tag-file change like any other.
TEST_F(PackageTamper, BlankContinuationInBagInfoIsAFailureNotACrash) {
  VerifyReport r = Tampered([&](Entries& e) { e[kBag + "bag-info.txt"] += " \n"; });
  ExpectFailure(r, "tag-hash-mismatch");
}

TEST_F(PackageTamper, FlippedPayloadByte) {
  ExpectFailure(Tampered([&](Entries& e) { e[label_][20] ^= 1; }), "payload-hash-mismatch");
}

TEST_F(PackageTamper, DeletedPayloadFile) {
  ExpectFailure(Tampered([&](Entries& e) { e.erase(label_); }), "manifest-phantom");
}

TEST_F(PackageTamper, AddedPayloadFile) {
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "data/label/extra.jpg"] = "x"; }),
                "payload-unlisted");
}

TEST_F(PackageTamper, RenamedPayloadFile) {
  VerifyReport r = Tampered([&](Entries& e) {
    e[kBag + "data/label/renamed.jpg"] = e[label_];
    e.erase(label_);
  });
  ExpectFailure(r, "payload-unlisted");
  ExpectFailure(r, "manifest-phantom");
}

TEST_F(PackageTamper, TwoFilesContentsSwapped) {
  VerifyReport r = Tampered([&](Entries& e) { std::swap(e[label_], e[packing_]); });
  ExpectFailure(r, "payload-hash-mismatch");
  EXPECT_EQ(r.failures.size(), 2u) << testing::FailureList(r);
}

TEST_F(PackageTamper, ManifestHashEdited) {
  VerifyReport r = Tampered([&](Entries& e) {
    std::string& m = e[kBag + "manifest-sha256.txt"];
    m[0] = m[0] == 'a' ? 'b' : 'a';
  });
  ExpectFailure(r, "payload-hash-mismatch");
  ExpectFailure(r, "tag-hash-mismatch");
}

TEST_F(PackageTamper, PhantomManifestLine) {
  ExpectFailure(Tampered([&](Entries& e) {
                  e[kBag + "manifest-sha256.txt"] +=
                      std::string(64, 'c') + "  data/label/ghost.jpg\n";
                }),
                "manifest-phantom");
}

TEST_F(PackageTamper, DuplicatedManifestLine) {
  ExpectFailure(Tampered([&](Entries& e) {
                  std::string& m = e[kBag + "manifest-sha256.txt"];
                  m += m.substr(0, m.find('\n') + 1);
                }),
                "manifest-duplicate-line");
}

TEST_F(PackageTamper, EmptyManifest) {
  VerifyReport r = Tampered([&](Entries& e) { e[kBag + "manifest-sha256.txt"] = ""; });
  ExpectFailure(r, "manifest-empty");
  ExpectFailure(r, "payload-unlisted");
}

TEST_F(PackageTamper, MalformedManifestLine) {
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "manifest-sha256.txt"] += "nonsense\n"; }),
                "manifest-malformed");
}

TEST_F(PackageTamper, PayloadOxumEdited) {
  VerifyReport r = Tampered([&](Entries& e) {
    std::string& info = e[kBag + "bag-info.txt"];
    size_t p = info.find("Payload-Oxum: ") + 14;
    info[p] = info[p] == '9' ? '8' : '9';
  });
  ExpectFailure(r, "payload-oxum-mismatch");
  ExpectFailure(r, "tag-hash-mismatch");
}

TEST_F(PackageTamper, BagitTxtMissing) {
  ExpectFailure(Tampered([&](Entries& e) { e.erase(kBag + "bagit.txt"); }), "bagit-missing");
}

TEST_F(PackageTamper, ReportEdited) {
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "report.html"] += "<!-- -->"; }),
                "tag-hash-mismatch");
}

TEST_F(PackageTamper, ThumbnailReplaced) {
  VerifyReport r = Tampered([&](Entries& e) {
    for (auto& [name, data] : e) {
      if (name.find("/thumbnails/") != std::string::npos) data = "another picture";
    }
  });
  ExpectFailure(r, "tag-hash-mismatch");
}

TEST_F(PackageTamper, EvidenceJsonMissing) {
  ExpectFailure(Tampered([&](Entries& e) { e.erase(kBag + "evidence.json"); }),
                "tagmanifest-phantom");
}

TEST_F(PackageTamper, TagManifestReSignedWithoutAFileIsIncomplete) {
  // An attacker with the key drops report.html from the tag manifest: still refused.
  VerifyReport r = Tampered([&](Entries& e) {
    std::string& t = e[kBag + "tagmanifest-sha256.txt"];
    size_t p = t.find("  report.html\n");
    t.erase(t.rfind('\n', p - 1) + 1, p + 14 - (t.rfind('\n', p - 1) + 1));
    e[kBag + "signature/tagmanifest-sha256.txt.sig"] = *sign::Sign(sample_->private_pem, t);
  });
  ExpectFailure(r, "tagmanifest-incomplete");
  ExpectFailure(r, "extra-file");
}

TEST_F(PackageTamper, TagManifestEdited) {
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "tagmanifest-sha256.txt"] += "\n"; }),
                "signature-invalid");
}

TEST_F(PackageTamper, FlippedSignatureBit) {
  ExpectFailure(
      Tampered([&](Entries& e) { e[kBag + "signature/tagmanifest-sha256.txt.sig"][7] ^= 4; }),
      "signature-invalid");
}

TEST_F(PackageTamper, TruncatedSignature) {
  ExpectFailure(
      Tampered([&](Entries& e) { e[kBag + "signature/tagmanifest-sha256.txt.sig"].pop_back(); }),
      "signature-length");
}

TEST_F(PackageTamper, ExtendedSignature) {
  ExpectFailure(
      Tampered([&](Entries& e) { e[kBag + "signature/tagmanifest-sha256.txt.sig"] += "x"; }),
      "signature-length");
}

TEST_F(PackageTamper, SignatureMissing) {
  ExpectFailure(
      Tampered([&](Entries& e) { e.erase(kBag + "signature/tagmanifest-sha256.txt.sig"); }),
      "signature-missing");
}

TEST_F(PackageTamper, PublicKeyReplacedByAnotherKey) {
  auto other = sign::GenerateKeyPair();
  ASSERT_TRUE(other.ok());
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "signature/public.pem"] = other->public_pem; }),
                "signature-invalid");
}

TEST_F(PackageTamper, WrongExpectedKey) {
  auto other = sign::GenerateKeyPair();
  VerifyOptions options;
  options.expected_public_pem = other->public_pem;
  ExpectFailure(Verify(dir_.File("p.zip"), options), "key-mismatch");
  options.expected_public_pem = sample_->public_pem;
  EXPECT_TRUE(Verify(dir_.File("p.zip"), options).ok());
}

TEST_F(PackageTamper, ResignedWithAnotherKeyFailsOnlyAgainstTheExpectedKey) {
  auto other = sign::GenerateKeyPair();
  VerifyOptions options;
  options.expected_public_pem = sample_->public_pem;
  VerifyReport r = Tampered(
      [&](Entries& e) {
        e[kBag + "signature/public.pem"] = other->public_pem;
        e[kBag + "signature/tagmanifest-sha256.txt.sig"] =
            *sign::Sign(other->private_pem, e[kBag + "tagmanifest-sha256.txt"]);
      },
      options);
  ExpectFailure(r, "key-mismatch");
  EXPECT_EQ(r.failures.size(), 1u) << testing::FailureList(r);
}

TEST_F(PackageTamper, GarbageAppended) {
  std::string bytes = testing::ReadBytes(dir_.File("p.zip")) + "GARBAGE";
  testing::WriteBytes(dir_.File("g.zip"), bytes);
  ExpectFailure(Verify(dir_.File("g.zip")), "zip-trailing-garbage");
}

TEST_F(PackageTamper, GarbagePrepended) {
  std::string bytes = "MZ" + testing::ReadBytes(dir_.File("p.zip"));
  testing::WriteBytes(dir_.File("g.zip"), bytes);
  EXPECT_FALSE(Verify(dir_.File("g.zip")).ok());
}

TEST_F(PackageTamper, TruncatedZip) {
  std::string bytes = testing::ReadBytes(dir_.File("p.zip"));
  testing::WriteBytes(dir_.File("g.zip"), bytes.substr(0, bytes.size() / 2));
  ExpectFailure(Verify(dir_.File("g.zip")), "zip-no-eocd");
}

TEST_F(PackageTamper, CrcMismatchInStoredData) {
  std::string bytes = testing::ReadBytes(dir_.File("p.zip"));
  size_t p = bytes.find("packing-photo");
  ASSERT_NE(p, std::string::npos);
  bytes[p] ^= 1;
  testing::WriteBytes(dir_.File("c.zip"), bytes);
  ExpectFailure(Verify(dir_.File("c.zip")), "zip-crc");
}

TEST_F(PackageTamper, PathTraversalEntries) {
  for (const std::string& name :
       {kBag + "data/../../evil.txt", std::string("/etc/evil"), kBag + "data\\evil.txt",
        std::string("C:/evil.txt"), kBag + "data/./x.txt", kBag + "data//x.txt"}) {
    ExpectFailure(Tampered([&](Entries& e) { e[name] = "x"; }), "zip-unsafe-name");
  }
}

TEST_F(PackageTamper, EntryOutsideTheBag) {
  ExpectFailure(Tampered([&](Entries& e) { e["README.txt"] = "x"; }), "outside-bag");
  ExpectFailure(Tampered([&](Entries& e) { e["other-bag/x.txt"] = "x"; }), "outside-bag");
}

TEST_F(PackageTamper, ExtraUnlistedTagFile) {
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "notes.txt"] = "x"; }), "extra-file");
  ExpectFailure(Tampered([&](Entries& e) { e[kBag + "signature/other.sig"] = "x"; }), "extra-file");
}

// Hostile structures need the raw writer: symlinks, duplicates, bombs.
class PackageTamperRaw : public PackageTamper {
 protected:
  VerifyReport WithExtra(const testing::RawEntry& extra, bool first = false) {
    std::vector<testing::RawEntry> raw;
    for (const auto& [name, data] : entries_) {
      testing::RawEntry r;
      r.name = name;
      r.data = data;
      raw.push_back(r);
    }
    raw.insert(first ? raw.begin() : raw.end(), extra);
    testing::WriteBytes(dir_.File("r.zip"), testing::RawZip(raw));
    return Verify(dir_.File("r.zip"));
  }

  // The package rewritten entry for entry with every entry's Unix mode set.
  VerifyReport AllWithMode(uint32_t unix_mode) {
    std::vector<testing::RawEntry> raw;
    for (const auto& [name, data] : entries_) {
      testing::RawEntry r;
      r.name = name;
      r.data = data;
      r.unix_mode = unix_mode;
      raw.push_back(r);
    }
    testing::WriteBytes(dir_.File("m.zip"), testing::RawZip(raw));
    return Verify(dir_.File("m.zip"));
  }
};

// Regression (issue 14): Python's zipfile writes entries with mode 0600 and
// no file-type bits, or 0; both mean a regular file in zip practice.
TEST_F(PackageTamperRaw, EntriesWithoutFileTypeBitsAreRegularFiles) {
  for (uint32_t mode : {0u, 0600u, 0644u, 0100644u}) {
    VerifyReport r = AllWithMode(mode);
    EXPECT_TRUE(r.ok()) << "mode " << std::oct << mode << ":\n" << testing::FailureList(r);
  }
}

TEST_F(PackageTamperRaw, DevicesFifosSocketsAreSpecialFiles) {
  for (uint32_t mode : {0010644u, 0020644u, 0060644u, 0140644u, 0030644u}) {
    testing::RawEntry special{kBag + "data/label/x.jpg", "", 0, mode};
    ExpectFailure(WithExtra(special), "zip-special-file");
  }
  testing::RawEntry dir_with_data{kBag + "data/label/d", "data", 0, 040755};
  ExpectFailure(WithExtra(dir_with_data), "zip-special-file");
}

TEST_F(PackageTamperRaw, SymlinkEntry) {
  testing::RawEntry link{kBag + "data/label/link.jpg", "/etc/passwd", 0, 0120777};
  ExpectFailure(WithExtra(link), "zip-symlink");
}

TEST_F(PackageTamperRaw, DuplicateNames) {
  testing::RawEntry dup{kBag + "bagit.txt", "BagIt-Version: 1.0\n"};
  ExpectFailure(WithExtra(dup), "zip-duplicate-name");
}

TEST_F(PackageTamperRaw, CaseOnlyDuplicate) {
  testing::RawEntry dup{kBag + "BAGIT.txt", "x"};
  ExpectFailure(WithExtra(dup), "zip-duplicate-name");
}

TEST_F(PackageTamperRaw, UnicodeNormalisationDuplicate) {
  std::vector<testing::RawEntry> raw = {{kBag + "data/chat/caf\xc3\xa9.txt", "a"},
                                        {kBag + "data/chat/cafe\xcc\x81.txt", "b"}};
  testing::WriteBytes(dir_.File("u.zip"), testing::RawZip(raw));
  ExpectFailure(Verify(dir_.File("u.zip")), "zip-duplicate-name");
}

TEST_F(PackageTamperRaw, ZipBombDeclaredSize) {
  testing::RawEntry bomb{kBag + "data/label/bomb.bin", std::string(100, 'x'), 8};
  bomb.declared_size = 4000000000u;
  ExpectFailure(WithExtra(bomb), "zip-bomb");
}

TEST_F(PackageTamperRaw, OverlappingEntries) {
  std::string bytes = testing::RawZip({{kBag + "a.txt", "aaaa"}, {kBag + "b.txt", "bbbb"}});
  // Point the second central entry at the first local header.
  size_t cd = bytes.find(std::string("PK\x01\x02", 4));
  size_t second = bytes.find(std::string("PK\x01\x02", 4), cd + 4);
  ASSERT_NE(second, std::string::npos);
  for (int i = 0; i < 4; ++i) bytes[second + 42 + i] = 0;
  testing::WriteBytes(dir_.File("o.zip"), bytes);
  VerifyReport r = Verify(dir_.File("o.zip"));
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(testing::HasFailure(r, "zip-overlap") || testing::HasFailure(r, "zip-local-mismatch"))
      << testing::FailureList(r);
}

TEST_F(PackageTamperRaw, NotAZipAtAll) {
  testing::WriteBytes(dir_.File("n.zip"), "hello, I am not a zip file at all, sorry");
  ExpectFailure(Verify(dir_.File("n.zip")), "zip-no-eocd");
  testing::WriteBytes(dir_.File("e.zip"), "");
  ExpectFailure(Verify(dir_.File("e.zip")), "zip-no-eocd");
}

}  // namespace
}  // namespace parcelproof
