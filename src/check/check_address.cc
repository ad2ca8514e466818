#include "check/check_address.h"

#include <cstdio>

#include "address/address.h"

namespace parcelproof {
namespace {

const char* Label(const std::string& field) {
  if (field == "postal_code") return "postal code";
  return field.c_str();
}

std::string Conf(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

bool Same(const std::string& field, const std::string& read, const std::string& expected) {
  if (field == "postal_code") return SamePostalCode(read, expected);
  if (field == "country") return read == expected;
  if (field == "city") return SameCity(read, expected);
  return SameRecipient(read, expected);
}

// A postal code read with middling confidence is still evidence when it is
// another code of the country altogether: in the country's format, apart
// from the order's by more than OCR's slips explain, and so is the other
// model's reading when it differs. A look-alike repaired ("Mi 1AE") or a
// second reading that disagrees lowers the confidence; neither makes
// "191000" or "1015 CJ" the order's "443099" or "3511 LX".
bool ClearlyAnotherCode(const AddressFieldRead& f, const std::string& expected,
                        const std::string& country) {
  auto other = [&](const std::string& code) {
    return PostalCodeFits(code, country) && PostalCodeFarFrom(code, expected);
  };
  return f.name == "postal_code" && !country.empty() && f.confidence >= kFairOcr &&
         other(f.value) && (f.second_reading.empty() || other(f.second_reading));
}

// Why a difference is not evidence enough for a MISMATCH; empty when it is.
std::string Doubt(const AddressFieldRead& f, const std::string& expected,
                  const std::string& country) {
  if (f.confidence < kConfidentOcr && !ClearlyAnotherCode(f, expected, country)) {
    return "the reading is not confident";
  }
  if (DifferentScripts(f.value, expected)) return "it is written in another script";
  if (f.name == "postal_code" && !country.empty() && !PostalCodeFits(f.value, country)) {
    return "it is not a postal code of " + country + " (misread?)";
  }
  if (f.name == "city") {
    for (char ch : f.value) {
      if (ch >= '0' && ch <= '9') return "the city line holds digits (misread?)";
    }
  }
  return "";
}

void Compare(const AddressFieldRead& f, const std::string& expected, const std::string& country,
             LabelCheck* c) {
  if (expected.empty() || f.value.empty()) return;
  AddressComparison cmp{f.name, f.value, expected, f.confidence, "same"};
  std::string what =
      std::string(Label(f.name)) + " '" + f.value +
      "' read from the printed address (OCR, confidence " + Conf(f.confidence) +
      (f.second_reading.empty() ? "" : "; the other model read '" + f.second_reading + "'") + ")";
  if (Same(f.name, f.value, expected)) {
    c->reasons.push_back(what + " is the order's");
  } else if (f.name == "recipient") {
    cmp.outcome = "differs";
    c->warnings.push_back(what + " differs from the order's '" + expected +
                          "' (names are spelled in many ways: look at the photo)");
  } else if (std::string doubt = Doubt(f, expected, country); !doubt.empty()) {
    cmp.outcome = "unsure";
    c->warnings.push_back(what + " differs from the order's '" + expected + "', but " + doubt +
                          ": not counted");
  } else {
    cmp.outcome = "differs";
    c->verdict = Verdict::kMismatch;
    c->reasons.push_back(
        what + " differs from the order's '" + expected + "'" +
        (f.confidence < kConfidentOcr ? ", in more characters than OCR's slips explain" : ""));
  }
  c->address.push_back(cmp);
}

}  // namespace

void CheckPrintedAddress(const ShipToRead& read, const Expectation& expect, LabelCheck* c) {
  if (!read.attempted) return;
  if (read.fields.empty()) {
    std::string why = read.notes.empty() ? "address not read" : read.notes.front();
    c->notes.push_back("printed address: " + why + "; only the barcodes were compared");
    return;
  }
  for (const AddressFieldRead& f : read.fields) {
    if (f.name == "postal_code") Compare(f, expect.postal_code, expect.country, c);
    if (f.name == "country") Compare(f, expect.country, expect.country, c);
    if (f.name == "city") Compare(f, expect.city, expect.country, c);
    if (f.name == "recipient") Compare(f, expect.recipient, expect.country, c);
  }
  for (size_t i = 1; i < read.notes.size(); ++i)
    c->notes.push_back("printed address: " + read.notes[i]);
}

}  // namespace parcelproof
