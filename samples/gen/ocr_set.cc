// The address-OCR set: labels whose ship-to block is printed in TrueType
// fonts (Latin and Cyrillic), photographed with random camera work; one in
// five carries a deliberate difference from its order (postal code, city,
// country or recipient).
#include <cmath>
#include <cstdio>

#include "rng.h"
#include "sample_set.h"
#include "ship_to.h"
#include "tracking.h"

namespace samplegen {
namespace {

const int64_t kBase = 1772330400;  // 2026-03-01T02:00:00Z

struct Place {
  const char* country;
  const char* city;
  const char* region;
  const char* postal;
  const char* street;
  const char* country_name;  // as printed
};

// Two places or more per country, so that a wrong postal code or city of the
// same country can be printed.
const std::vector<Place> kPlaces = {
    {"DE", "Berlin", "", "10115",
     "Invalidenstra\xC3\x9F"
     "e",
     "GERMANY"},
    {"DE", "M\xC3\xBCnchen", "", "80331",
     "Kaufingerstra\xC3\x9F"
     "e",
     "DEUTSCHLAND"},
    {"FR", "Paris", "", "75004", "Rue de Rivoli", "FRANCE"},
    {"FR", "Lyon", "", "69002", "Rue de la R\xC3\xA9publique", "FRANCE"},
    {"ES", "Madrid", "", "28014", "Calle de Alcal\xC3\xA1",
     "ESPA\xC3\x91"
     "A"},
    {"ES", "Barcelona", "", "08002", "Carrer de Ferran", "SPAIN"},
    {"IT", "Milano", "", "20121", "Via Manzoni", "ITALIA"},
    {"IT", "Roma", "", "00184", "Via Nazionale", "ITALY"},
    {"NL", "Amsterdam", "", "1015 CJ", "Keizersgracht", "NEDERLAND"},
    {"NL", "Utrecht", "", "3511 LX", "Oudegracht", "NETHERLANDS"},
    {"PT", "Lisboa", "", "1100-148", "Rua Augusta", "PORTUGAL"},
    {"PT", "Porto", "", "4000-322", "Rua de Santa Catarina", "PORTUGAL"},
    {"PL", "Krak\xC3\xB3w", "", "31-042", "ul. Floria\xC5\x84ska", "POLAND"},
    {"PL", "Warszawa", "", "00-026", "ul. Marsza\xC5\x82kowska", "POLSKA"},
    {"GB", "London", "", "NW1 6XE", "Baker Street", "UNITED KINGDOM"},
    {"GB", "Manchester", "", "M1 1AE", "Market Street", "UNITED KINGDOM"},
    {"US", "Austin", "TX", "78701", "Congress Avenue", "UNITED STATES"},
    {"US", "Seattle", "WA", "98101", "Pike Street", "USA"},
    {"CA", "Toronto", "ON", "M5V 2T6", "King Street W", "CANADA"},
    {"CA", "Vancouver", "BC", "V6B 1A1", "Granville Street", "CANADA"},
    {"BR", "S\xC3\xA3o Paulo", "SP", "01310-100", "Avenida Paulista", "BRASIL"},
    {"BR", "Curitiba", "PR", "80010-000", "Rua XV de Novembro", "BRAZIL"},
    {"RU", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "", "101000",
     "\xD1\x83\xD0\xBB. \xD0\x9C\xD1\x8F\xD1\x81\xD0\xBD\xD0\xB8\xD1\x86\xD0\xBA\xD0\xB0\xD1\x8F",
     "\xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xD0\xAF"},
    {"RU", "\xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBD\xD1\x8C", "", "420111",
     "\xD1\x83\xD0\xBB. \xD0\x91\xD0\xB0\xD1\x83\xD0\xBC\xD0\xB0\xD0\xBD\xD0\xB0",
     "\xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xD0\xAF"},
    {"RU", "\xD0\xA1\xD0\xB0\xD0\xBC\xD0\xB0\xD1\x80\xD0\xB0", "", "443099",
     "\xD1\x83\xD0\xBB. \xD0\x9B\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xBD\xD0\xB0",
     "\xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xD0\xAF"},
};

const std::vector<std::string> kLatinNames = {
    "Anna Becker",           "Ben Costa",         "Clara Dubois", "David Evans",
    "Elif Fern\xC3\xA1ndez", "Felix Gr\xC3\xBCn", "Grace Hansen", "Hugo Jensen",
    "Ines Kowalczyk",        "Jakub Larsen",      "Lucia Moreau", "Mateo Novak",
    "Nora Okafor",           "Omar Park",         "Priya Quinn",  "Sara Weber"};
const std::vector<std::string> kCyrillicNames = {
    "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD",
    "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0 \xD0\x90\xD0\xBD\xD0\xBD\xD0\xB0",
    "\xD0\xA1\xD0\xBC\xD0\xB8\xD1\x80\xD0\xBD\xD0\xBE\xD0\xB2 \xD0\x9E\xD0\xBB\xD0\xB5\xD0\xB3",
    "\xD0\x9A\xD1\x83\xD0\xB7\xD0\xBD\xD0\xB5\xD1\x86\xD0\xBE\xD0\xB2\xD0\xB0 "
    "\xD0\x9C\xD0\xB0\xD1\x80\xD0\xB8\xD1\x8F"};
const std::vector<std::string> kCues = {
    "SHIP TO:", "TO:", "Deliver to:", "Empf\xC3\xA4nger:", "Destinataire :", "", "SHIP TO:"};
const char kRussianCue[] =
    "\xD0\x9F\xD0\xBE\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C:";

// The block as the destination's post prints it.
std::vector<std::string> Lines(const parcelproof::Address& a, const std::string& country_name) {
  std::vector<std::string> out = {a.name, a.lines.at(0)};
  const std::string& c = a.country;
  if (c == "GB") {
    out.push_back(a.city);
    out.push_back(a.postal_code);
  } else if (c == "RU") {
    out.push_back("\xD0\xB3. " + a.city);
    out.push_back(a.postal_code);
  } else if (c == "BR") {
    out.push_back(a.city + " - " + a.region);
    out.push_back(a.postal_code);
  } else if (c == "US") {
    out.push_back(a.city + ", " + a.region + " " + a.postal_code);
  } else if (c == "CA") {
    out.push_back(a.city + " " + a.region + " " + a.postal_code);
  } else {
    out.push_back(a.postal_code + " " + a.city);
  }
  out.push_back(country_name);
  return out;
}

const Place& Another(const Place& p, Rng* rng, bool same_country) {
  for (;;) {
    const Place& q = rng->Pick(kPlaces);
    if (std::string(q.city) == p.city) continue;
    if ((std::string(q.country) == p.country) == same_country) return q;
  }
}

PhotoParams Camera(int i, double megapixels, Rng* rng) {
  PhotoParams p;
  p.seed = 70000 + i;
  p.sensor_width = (static_cast<int>(std::sqrt(megapixels * 1e6 * 4 / 3)) / 16) * 16;
  p.sensor_height = p.sensor_width * 3 / 4;
  const std::vector<int> orientations = {1, 1, 1, 6, 6, 8, 3};
  p.orientation = rng->Pick(orientations);
  p.background = rng->Chance(0.5) ? "cardboard" : "table";
  // The whole label in the frame, as a seller photographs it for its address.
  p.rotation_deg = rng->Uniform(-30, 30);
  p.fill = rng->Uniform(0.15, 0.4);
  p.whole_label = true;
  p.tilt = rng->Uniform(0, 0.15);
  p.blur_sigma = rng->Uniform(0.4, 1.2);
  p.motion_px = rng->Chance(0.15) ? rng->Uniform(1, 3) : 0;
  p.noise_sigma = rng->Uniform(1.5, 4);
  p.glare = rng->Uniform(0, 0.5);
  p.light_falloff = rng->Uniform(0.1, 0.4);
  return p;
}

}  // namespace

SampleSet OcrSet(int count, double megapixels, uint64_t seed) {
  SampleSet set;
  set.name = "ocr";
  Rng rng(seed);
  const std::vector<std::string> fonts = ShipToFonts();
  const std::vector<std::string> kinds = {"postal_code", "city", "country", "recipient"};
  for (int i = 0; i < count; ++i) {
    const Place& p = kPlaces[static_cast<size_t>(i) % kPlaces.size()];
    bool ru = std::string(p.country) == "RU";
    std::string name = rng.Pick(ru ? kCyrillicNames : kLatinNames);
    parcelproof::Address to{
        name,     {std::string(p.street) + " " + std::to_string(rng.Int(1, 99))},
        p.city,   p.region,
        p.postal, p.country};
    std::string tracking = MakeS10(rng.Chance(0.5) ? "RR" : "LZ", rng.Digits(8), "CN");
    std::string id = "O" + std::to_string(200000 + i);
    parcelproof::Order o =
        MakeOrder(id, "aliexpress", to, "China Post", tracking, kBase + 911LL * i, 1);
    parcelproof::Address printed = to;
    std::string country_name = p.country_name;
    std::string printed_country = p.country;
    PhotoJob j;
    j.verdict = "PASS";
    if (i % 5 == 4) {
      j.address_mismatch = kinds[static_cast<size_t>(i / 5) % kinds.size()];
      const Place& q = Another(p, &rng, j.address_mismatch != "country");
      if (j.address_mismatch == "postal_code") printed.postal_code = q.postal;
      if (j.address_mismatch == "city") printed.city = q.city;
      if (j.address_mismatch == "country") {
        country_name = q.country_name;
        printed_country = q.country;
      }
      if (j.address_mismatch == "recipient") {
        while (printed.name == name) printed.name = rng.Pick(ru ? kCyrillicNames : kLatinNames);
      }
      if (j.address_mismatch != "recipient") j.verdict = "MISMATCH";
    }
    LabelStyle style;
    style.code2d_format = "QRCode";
    style.payload = "json";
    style.ship_date = o.shipped_at.substr(0, 10);
    LabelContent label = LabelForOrder(o, style);
    label.recipient.clear();
    ShipToStyle ship;
    ship.font = fonts.at(static_cast<size_t>(rng.Int(0, static_cast<int>(fonts.size()) - 1)));
    ship.size = rng.Uniform(32, 46);
    ship.cue = ru && rng.Chance(0.7) ? kRussianCue : rng.Pick(kCues);
    ship.thermal = rng.Chance(0.4);
    ship.seed = 90000 + static_cast<uint64_t>(i);
    std::vector<std::string> lines = Lines(printed, country_name);
    label.decorate = [lines, ship](cv::Mat* img, double dpi) {
      PrintShipTo(img, dpi, lines, ship);
    };
    char file[32];
    std::snprintf(file, sizeof file, "a%04d.jpg", i);
    j.file = file;
    j.description = j.address_mismatch.empty() ? "printed address matches the order"
                                               : "printed " + j.address_mismatch + " differs";
    j.order_id = o.id;
    j.printed = {{"recipient", printed.name},
                 {"city", printed.city},
                 {"postal_code", printed.postal_code},
                 {"country", printed_country}};
    j.labels.push_back(label);
    j.photo = Camera(i, megapixels, &rng);
    j.dpi = 300 * std::min(2.0, std::max(1.0, std::sqrt(megapixels / 3.0)));
    j.quality = rng.Int(82, 95);
    j.exif = ExifAt(kBase + 911LL * i + 30 * 3600, rng.Int(0, 999), 480, j.photo.orientation, i);
    set.orders.push_back(o);
    set.jobs.push_back(j);
  }
  return set;
}

}  // namespace samplegen
