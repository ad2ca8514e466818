// Tracking numbers with correct check digits, as carriers print them.
#ifndef PARCELPROOF_SAMPLES_GEN_TRACKING_H_
#define PARCELPROOF_SAMPLES_GEN_TRACKING_H_

#include <string>

namespace samplegen {

// UPU S10 check digit over 8 digits: weights 8 6 4 2 3 5 9 7,
// c = 11 - sum mod 11; 10 becomes 0 and 11 becomes 5.
int S10CheckDigit(const std::string& eight_digits);

// "RR" + 8 digits + check digit + "CN". `service` and `country` are two letters.
std::string MakeS10(const std::string& service, const std::string& eight_digits,
                    const std::string& country);

// UPS 1Z check digit over the 15 characters after "1Z": letters map to
// (letter - 'A' + 2) mod 10, odd positions + 2 x even positions,
// check = (10 - total mod 10) mod 10.
int Ups1ZCheckDigit(const std::string& body15);

// "1Z" + shipper (6) + service (2) + package (7 digits) + check digit.
std::string MakeUps1Z(const std::string& shipper6, const std::string& service2,
                      const std::string& package7);

// Groups a number for the human-readable line under a barcode:
// "RR 1234 5678 5CN" style, or UPS "1Z 999 AA1 01 2345 6784".
std::string HumanReadable(const std::string& tracking);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_TRACKING_H_
