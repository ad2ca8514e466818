// The label check: tracking numbers and address data on the label against
// the order. Rules (README "check"): the order's number must be on the label;
// another carrier number beside it, or any address datum that contradicts the
// order, is a mismatch.
#include "parcelproof/check.h"

#include <set>

#include "check/check_address.h"
#include "label/tracking.h"
#include "text/normalize.h"

namespace parcelproof {
namespace {

struct Seen {
  TrackingCandidate candidate;
  std::string format;
};

std::vector<Seen> CollectTracking(const ImageScan& scan) {
  std::vector<Seen> seen;
  std::set<std::string> numbers;
  for (const Barcode& b : scan.barcodes) {
    for (const TrackingCandidate& t : b.tracking) {
      if (numbers.insert(t.number).second) seen.push_back({t, b.format});
    }
  }
  return seen;
}

// "LP00123456789CN" -> "AA99999999999AA".
std::string Shape(const std::string& number) {
  std::string out;
  for (char c : number) out.push_back(c >= '0' && c <= '9' ? '9' : 'A');
  return out;
}

// A second carrier label: another number of a carrier scheme, or of the very
// shape of one of the order's numbers (same carrier, another parcel). Routing
// and postal codes of other shapes are not labels.
bool LooksLikeAnotherLabel(const TrackingCandidate& t, const std::set<std::string>& own) {
  if (t.scheme == "UPU S10" || t.scheme == "UPS 1Z") return true;
  for (const std::string& n : own) {
    if (Shape(n) == Shape(t.number)) return true;
  }
  return false;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

void CheckOwnNumbers(const Expectation& e, LabelCheck* c) {
  for (const std::string& n : e.tracking_numbers) {
    std::optional<TrackingCandidate> t = ClassifyTracking(n);
    if (t && t->check_digit_known && !t->check_digit_valid) {
      c->warnings.push_back("the order's tracking number " + t->number + " fails the " + t->scheme +
                            " check digit: the carrier may reject it (invalid waybill)");
    }
  }
}

// Postal codes agree when equal after folding, or when one extends the other
// by what a carrier's barcode adds or drops: a US ZIP+4 on the label for a
// five-digit ZIP in the order, a UK postcode cut to MaxiCode's six characters.
bool SamePostalCode(const std::string& label, const std::string& order) {
  std::string a = FoldForCompare(label), b = FoldForCompare(order);
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 5 && longer.compare(0, shorter.size(), shorter) == 0;
}

void CompareField(const Barcode& b, const std::string& field, const std::string& label,
                  const std::string& expected, std::vector<std::string>* contradictions) {
  if (expected.empty()) return;
  for (const auto& [key, value] : b.fields) {
    if (key != field || value.empty()) continue;
    if (field == "country" && value.size() != 2) continue;  // a numeric code we could not map
    bool same = field == "postal_code" ? SamePostalCode(value, expected)
                                       : FoldForCompare(value) == FoldForCompare(expected);
    if (!same) {
      contradictions->push_back(label + " on label " + value + " (" + b.format + "), order says " +
                                expected);
    }
  }
}

std::vector<std::string> AddressContradictions(const ImageScan& scan, const Expectation& e) {
  std::vector<std::string> out;
  for (const Barcode& b : scan.barcodes) {
    CompareField(b, "postal_code", "postal code", e.postal_code, &out);
    CompareField(b, "country", "country", e.country, &out);
    CompareField(b, "recipient", "recipient", e.recipient, &out);
  }
  return out;
}

void JudgeWithoutOwn(const ImageScan& scan, const std::vector<Seen>& seen, const std::string& own,
                     LabelCheck* c) {
  if (!seen.empty()) {
    c->verdict = Verdict::kMismatch;
    for (const Seen& s : seen) {
      c->reasons.push_back("label tracking " + s.candidate.number + " is not the order's " + own);
    }
    return;
  }
  c->verdict = Verdict::kUnreadable;
  if (scan.barcodes.empty()) {
    c->reasons.push_back("no barcode found on the photo; retake it closer, flat and sharp");
    return;
  }
  std::vector<std::string> read;
  for (const Barcode& b : scan.barcodes)
    read.push_back(b.format + " '" + b.text.substr(0, 40) + "'");
  c->reasons.push_back("no barcode holds a tracking number (read: " + Join(read, ", ") + ")");
}

void JudgeWithOwn(const std::vector<Seen>& seen, const std::set<std::string>& own, LabelCheck* c) {
  c->verdict = Verdict::kPass;
  std::vector<std::string> others;
  for (const Seen& s : seen) {
    if (own.count(s.candidate.number)) {
      c->reasons.push_back("label tracking " + s.candidate.number + " (" + s.format +
                           ") is the order's");
    } else if (LooksLikeAnotherLabel(s.candidate, own)) {
      c->verdict = Verdict::kMismatch;
      c->reasons.push_back("a second tracking number " + s.candidate.number +
                           " is also on the parcel: two labels stacked? remove the wrong one");
    } else {
      others.push_back(s.candidate.number);
    }
  }
  if (!others.empty()) c->reasons.push_back("other numbers on the label: " + Join(others, ", "));
}

}  // namespace

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kMismatch:
      return "MISMATCH";
    default:
      return "UNREADABLE";
  }
}

Expectation ExpectationFromOrder(const Order& order) {
  Expectation e;
  e.order_id = order.id;
  for (const TrackingNumber& t : order.tracking) e.tracking_numbers.push_back(t.number);
  e.postal_code = order.recipient.postal_code;
  e.country = order.recipient.country;
  e.recipient = order.recipient.name;
  e.city = order.recipient.city;
  return e;
}

LabelCheck CheckLabel(const ImageScan& scan, const Expectation& expect) {
  LabelCheck c;
  c.file = scan.file;
  c.sha256 = scan.sha256;
  c.order_id = expect.order_id;
  c.scan_status = scan.status;
  CheckOwnNumbers(expect, &c);
  if (!scan.status.ok()) {
    c.verdict = Verdict::kUnreadable;
    c.reasons.push_back("photo unreadable: " + scan.status.message());
    return c;
  }
  std::set<std::string> own;
  for (const std::string& n : expect.tracking_numbers) own.insert(CanonicalTracking(n));
  std::vector<Seen> seen = CollectTracking(scan);
  for (const Seen& s : seen) c.label_tracking.push_back(s.candidate.number);
  bool found_own = false;
  for (const Seen& s : seen) found_own |= own.count(s.candidate.number) > 0;
  if (found_own) {
    JudgeWithOwn(seen, own, &c);
  } else {
    JudgeWithoutOwn(scan, seen, Join(expect.tracking_numbers, " / "), &c);
  }
  std::vector<std::string> contradictions = AddressContradictions(scan, expect);
  if (!contradictions.empty()) c.verdict = Verdict::kMismatch;
  c.reasons.insert(c.reasons.end(), contradictions.begin(), contradictions.end());
  CheckPrintedAddress(scan.address, expect, &c);
  return c;
}

LabelCheck CheckLabelAgainstOrders(const ImageScan& scan, const std::vector<Order>& orders) {
  std::vector<Seen> seen = scan.status.ok() ? CollectTracking(scan) : std::vector<Seen>();
  for (const Order& order : orders) {
    for (const TrackingNumber& t : order.tracking) {
      for (const Seen& s : seen) {
        if (s.candidate.number == CanonicalTracking(t.number)) {
          return CheckLabel(scan, ExpectationFromOrder(order));
        }
      }
    }
  }
  LabelCheck c = CheckLabel(scan, Expectation());
  if (!seen.empty()) {
    c.verdict = Verdict::kMismatch;
    c.reasons.clear();
    for (const Seen& s : seen) {
      c.reasons.push_back("label tracking " + s.candidate.number +
                          " belongs to no order in the list");
    }
  }
  return c;
}

}  // namespace parcelproof
