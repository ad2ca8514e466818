// The pre-dispatch label check: does this label belong to this order?
#ifndef PARCELPROOF_CHECK_H_
#define PARCELPROOF_CHECK_H_

#include <string>
#include <vector>

#include "parcelproof/order.h"
#include "parcelproof/scan.h"

namespace parcelproof {

enum class Verdict { kPass, kMismatch, kUnreadable };
const char* VerdictName(Verdict v);  // "PASS", "MISMATCH", "UNREADABLE"

// What the label must show. Empty optional fields are not compared.
struct Expectation {
  std::string order_id;                       // for messages; may be empty
  std::vector<std::string> tracking_numbers;  // at least one
  std::string postal_code;
  std::string country;  // ISO alpha-2
  std::string recipient;
  std::string city;
};

// One field of the printed ship-to block (read by OCR) against the order.
struct AddressComparison {
  std::string field;      // "postal_code", "country", "city", "recipient"
  std::string read;       // from the label
  std::string expected;   // from the order
  double confidence = 0;  // OCR, 0..1
  // "same", "differs", "unsure" (differs, read with low confidence or in another script)
  std::string outcome;
};

// An OCR'd postal code, country or city that differs from the order makes a
// MISMATCH only at or above this confidence.
constexpr double kConfidentOcr = 0.80;
// A postal code read with at least this confidence that is another code of
// the country altogether (see PostalCodeFarFrom) is a MISMATCH too.
constexpr double kFairOcr = 0.50;

Expectation ExpectationFromOrder(const Order& order);

struct LabelCheck {
  std::string file;
  std::string sha256;
  Verdict verdict = Verdict::kUnreadable;
  std::vector<std::string> reasons;         // plain words, why this verdict
  std::vector<std::string> warnings;        // e.g. the order's own number fails its check digit
  std::vector<std::string> notes;           // e.g. the printed address could not be read
  std::vector<std::string> label_tracking;  // tracking numbers seen on the label
  std::vector<AddressComparison> address;   // the printed address, field by field (OCR)
  std::string order_id;                     // the order checked against; empty when none
  Status scan_status;                       // not OK when the image was unreadable
};

// Judges one scanned image against the expectation.
LabelCheck CheckLabel(const ImageScan& scan, const Expectation& expect);

// Judges one scanned image against the order, among `orders`, whose tracking
// number is on the label. When none is: MISMATCH if the label carries a
// tracking number (it belongs to no order of the list), else UNREADABLE.
LabelCheck CheckLabelAgainstOrders(const ImageScan& scan, const std::vector<Order>& orders);

// {"checks":[...]} as documented in schemas/check.schema.json.
std::string CheckReportJson(const std::vector<LabelCheck>& checks);

}  // namespace parcelproof

#endif  // PARCELPROOF_CHECK_H_
