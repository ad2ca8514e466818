// What goes on a label for an order: printed addresses, routing code, GS1
// ship-to postal code and the 2-D code payload (JSON, key=value or MH10.8.3).
#ifndef PARCELPROOF_SAMPLES_GEN_CONTENT_H_
#define PARCELPROOF_SAMPLES_GEN_CONTENT_H_

#include <string>

#include "label.h"
#include "parcelproof/order.h"

namespace samplegen {

// How a label is made; the empty *_override fields take the order's value.
struct LabelStyle {
  std::string code2d_format = "QRCode";  // or "DataMatrix"
  std::string payload = "json";          // "json", "kv" or "mh10"
  std::string gs1_ai = "420";            // or "421"
  std::string tracking_override;         // print another number than the order's
  std::string postal_2d_override;        // put another postal code in the 2-D code
  bool recipient_nfd = false;            // 2-D recipient in Unicode NFD form
  int weight_g = 450;
  std::string ship_date = "2026-03-03";  // printed in the footer
  std::string sort_code = "07B";
};

// ISO 3166 numeric code ("276") of an alpha-2 code, "000" when unknown.
std::string CountryNumeric(const std::string& alpha2);

// ASCII rendering of UTF-8 text for printing ("Müller" -> "Mueller").
std::string Ascii(const std::string& utf8);

// The label for `order` (its first tracking number and carrier).
LabelContent LabelForOrder(const parcelproof::Order& order, const LabelStyle& style);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_CONTENT_H_
