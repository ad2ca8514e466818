// A store with real label photos (synthetic, scanned at ingest) and two
// dispute packages built from it, made once per test process for the
// report, browser and upload-set tests.
#ifndef PARCELPROOF_TESTS_DISPUTE_FIXTURE_H_
#define PARCELPROOF_TESTS_DISPUTE_FIXTURE_H_

#include <string>

namespace parcelproof::testing {

struct DisputeFixture {
  std::string dir;       // everything lives here
  std::string store;     // the evidence store
  std::string key, pub;  // the signing key pair
  // Order A-1001 (tracking RR123456785CN, times at +08:00, reason
  // wrong-address): its label PASSes; a packing photo, a chat export,
  // B-2002's label (--include) and a photo without capture time.
  std::string pass_zip;
  // Order C-3003 (tracking LZ309182649CN): its label photo shows
  // UA284703196CN, another parcel's number: MISMATCH.
  std::string mismatch_zip;
  std::string error;  // why the fixture could not be built, "" when it was
};

// The seller's --note of pass_zip: markup, Cyrillic ("Отправлено"),
// Chinese ("已发货") and Arabic ("تم الشحن").
extern const char kNote[];

// Built on first use (about 2 s), shared by every test of the process.
const DisputeFixture& GetDisputeFixture();

// <build>/test-artefacts/NAME (created): where tests keep screenshots and
// PDFs for a person to look at.
std::string ArtefactDir(const std::string& name);

// Unzips zip into dir with the stock unzip (false when it fails or is missing).
bool Unzip(const std::string& zip, const std::string& dir);

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_DISPUTE_FIXTURE_H_
