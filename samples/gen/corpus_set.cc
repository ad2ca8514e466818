// The benchmark corpus: random orders and random, realistic camera work.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rng.h"
#include "sample_set.h"
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
};

const std::vector<Place> kPlaces = {
    {"DE", "Berlin", "Berlin", "10115",
     "Invalidenstra\xC3\x9F"
     "e"},
    {"DE", "Hamburg", "Hamburg", "20095",
     "M\xC3\xB6nckebergstra\xC3\x9F"
     "e"},
    {"FR", "Lyon", "Auvergne-Rh\xC3\xB4ne-Alpes", "69002", "Rue de la R\xC3\xA9publique"},
    {"GB", "Manchester", "Greater Manchester", "M1 1AE", "Market Street"},
    {"IT", "Milano", "Lombardia", "20121", "Via Manzoni"},
    {"ES", "Barcelona",
     "Catalu\xC3\xB1"
     "a",
     "08002", "Carrer de Ferran"},
    {"NL", "Utrecht", "Utrecht", "3511 LX", "Oudegracht"},
    {"PL", "Krak\xC3\xB3w", "Ma\xC5\x82opolskie", "31-042", "ul. Floria\xC5\x84ska"},
    {"SE", "Uppsala", "Uppsala", "753 20", "Kungsgatan"},
    {"US", "Austin", "TX", "78701", "Congress Avenue"},
    {"US", "Seattle", "WA", "98101", "Pike Street"},
    {"CA", "Toronto", "ON", "M5V 2T6", "King Street W"},
    {"AU", "Melbourne", "VIC", "3000", "Collins Street"},
    {"JP", "Osaka", "Osaka", "530-0001", "Umeda 3-chome"},
};

const std::vector<std::string> kFirst = {"Anna",  "Ben",  "Clara", "David", "Elif",        "Felix",
                                         "Grace", "Hugo", "Ines",  "Jakub", "Kenji",       "Lucia",
                                         "Mateo", "Nora", "Omar",  "Priya", "Ren\xC3\xA9", "Sara"};
const std::vector<std::string> kLast = {
    "Becker", "Costa",  "Dubois", "Evans",     "Fern\xC3\xA1ndez", "Gr\xC3\xBCn",
    "Hansen", "Ito",    "Jensen", "Kowalczyk", "Larsen",           "Moreau",
    "Novak",  "Okafor", "Park",   "Quinn"};

bool IsAscii(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

parcelproof::Order RandomOrder(int i, Rng* rng) {
  const Place& p = rng->Pick(kPlaces);
  std::string name = rng->Pick(kFirst) + " " + rng->Pick(kLast);
  parcelproof::Address to{
      name,     {std::string(p.street) + " " + std::to_string(rng->Int(1, 180))},
      p.city,   p.region,
      p.postal, p.country};
  bool ups = rng->Chance(0.4);
  std::string tracking = ups ? MakeUps1Z("7W4E29", rng->Chance(0.5) ? "66" : "01", rng->Digits(7))
                             : MakeS10(rng->Chance(0.5) ? "RR" : (rng->Chance(0.5) ? "LZ" : "UA"),
                                       rng->Digits(8), "CN");
  std::string id = "C" + std::to_string(100000 + i);
  return MakeOrder(id, rng->Chance(0.5) ? "aliexpress" : "ebay", to, ups ? "UPS" : "China Post",
                   tracking, kBase + 977LL * i, rng->Int(1, 3));
}

PhotoParams RandomCamera(int i, double megapixels, Rng* rng) {
  PhotoParams p;
  p.seed = 50000 + i;
  p.sensor_width = (static_cast<int>(std::sqrt(megapixels * 1e6 * 4 / 3)) / 16) * 16;
  p.sensor_height = p.sensor_width * 3 / 4;
  const std::vector<int> orientations = {1, 1, 1, 6, 6, 8, 3};
  p.orientation = rng->Pick(orientations);
  p.background = rng->Chance(0.5) ? "cardboard" : "table";
  p.rotation_deg = rng->Uniform(-45, 45);
  p.fill = rng->Uniform(0.10, 1.0);
  p.tilt = rng->Uniform(0, 0.2);
  p.blur_sigma = rng->Uniform(0.4, 1.4);
  p.motion_px = rng->Chance(0.25) ? rng->Uniform(2, 6) : 0;
  p.noise_sigma = rng->Uniform(1.5, 5);
  p.glare = rng->Uniform(0, 0.6);
  p.light_falloff = rng->Uniform(0.1, 0.45);
  p.tape = rng->Chance(0.3) ? rng->Uniform(0.1, 0.5) : 0;
  return p;
}

}  // namespace

SampleSet CorpusSet(int count, double megapixels, uint64_t seed) {
  SampleSet set;
  set.name = "corpus";
  Rng rng(seed);
  for (int i = 0; i < count; ++i) {
    parcelproof::Order o = RandomOrder(i, &rng);
    LabelStyle style;
    style.code2d_format = rng.Chance(0.5) && IsAscii(o.recipient.name) ? "DataMatrix" : "QRCode";
    const std::vector<std::string> payloads = {"json", "kv", "mh10"};
    style.payload = rng.Pick(payloads);
    style.gs1_ai = rng.Chance(0.5) ? "420" : "421";
    style.weight_g = rng.Int(80, 4000);
    style.ship_date = o.shipped_at.substr(0, 10);
    style.sort_code = rng.Digits(2) + static_cast<char>('A' + rng.Int(0, 5));
    PhotoJob j;
    char name[32];
    std::snprintf(name, sizeof(name), "c%04d.jpg", i);
    j.file = name;
    j.description = "corpus photo";
    j.order_id = o.id;
    j.verdict = "PASS";
    j.labels.push_back(LabelForOrder(o, style));
    j.photo = RandomCamera(i, megapixels, &rng);
    j.dpi = 300 * std::min(2.5, std::max(1.0, std::sqrt(megapixels / 3.0)));
    j.quality = rng.Int(80, 95);
    bool ups = o.tracking[0].number.rfind("1Z", 0) == 0;
    j.exif = ExifAt(kBase + 977LL * i + 49 * 3600, rng.Int(0, 999), ups ? -300 : 480,
                    j.photo.orientation, i);
    set.orders.push_back(o);
    set.jobs.push_back(j);
  }
  return set;
}

}  // namespace samplegen
