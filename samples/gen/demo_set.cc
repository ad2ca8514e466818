// The demo set: a dozen 3-MP label photos, each made by hand to show one case.
#include "sample_set.h"
#include "tracking.h"

namespace samplegen {
namespace {

const int64_t kBase = 1772330400;  // 2026-03-01T02:00:00Z
const int kShenzhen = 8 * 60, kColumbus = -5 * 60;

using parcelproof::Address;
using parcelproof::Order;

struct Case {
  const char* file;
  const char* description;
  const char* verdict;
  int order;  // index into the orders
  LabelStyle style;
  double rotation, fill;
  int orientation;
  const char* background;
  double glare;
};

std::vector<Order> DemoOrders() {
  auto s10 = [](const char* svc, const char* digits) { return MakeS10(svc, digits, "CN"); };
  std::vector<Order> o = {
      MakeOrder("8190337412650218", "aliexpress",
                {"Jonas M\xC3\xBCller",
                 {"Invalidenstra\xC3\x9F"
                  "e 117"},
                 "Berlin",
                 "Berlin",
                 "10115",
                 "DE"},
                "China Post", s10("RR", "47251836"), kBase, 2),
      MakeOrder("12-10542-88317", "ebay",
                {"Emily Carter", {"245 Park Avenue", "Apt 12B"}, "New York", "NY", "10167", "US"},
                "UPS", MakeUps1Z("7W4E29", "66", "0123456"), kBase + 3600, 1),
      MakeOrder("#1042", "shopify",
                {"Chlo\xC3\xA9 Martin",
                 {"12 Rue de Rivoli"},
                 "Paris",
                 "\xC3\x8Ele-de-France",
                 "75004",
                 "FR"},
                "Cainiao", s10("LZ", "30918264"), kBase + 7200, 3),
      MakeOrder(
          "302-4417092-3118554", "amazon",
          {"Oliver Smith", {"221B Baker Street"}, "London", "Greater London", "NW1 6XE", "GB"},
          "China Post", s10("RX", "19374520"), kBase + 9000, 1),
      MakeOrder("8190337412650377", "aliexpress",
                {"Sofia Rossi", {"Via Roma 12"}, "Roma", "Lazio", "00184", "IT"}, "China Post",
                s10("RR", "82046153"), kBase + 11000, 2),
      MakeOrder(
          "12-10542-90021", "ebay",
          {"Liam Tremblay", {"1200 Rue Sainte-Catherine O"}, "Montreal", "QC", "H3B 1K9", "CA"},
          "UPS", MakeUps1Z("7W4E29", "66", "0123457"), kBase + 13000, 1),
      MakeOrder("8190337412650421", "aliexpress",
                {"Ana Garc\xC3\xAD"
                 "a",
                 {"Calle de Alcal\xC3\xA1 45"},
                 "Madrid",
                 "Madrid",
                 "28014",
                 "ES"},
                "China Post", s10("UA", "61538407"), kBase + 15000, 1),
      MakeOrder("#1057", "shopify",
                {"Emma Wilson", {"88 George Street"}, "Sydney", "NSW", "2000", "AU"}, "UPS",
                MakeUps1Z("7W4E29", "66", "0123458"), kBase + 17000, 2),
      MakeOrder(
          "#1063", "shopify",
          {"Noah de Vries", {"Keizersgracht 123"}, "Amsterdam", "Noord-Holland", "1015 CJ", "NL"},
          "Cainiao", s10("LZ", "55102938"), kBase + 19000, 1),
      MakeOrder("8190337412650590", "aliexpress",
                {"Lena Fischer",
                 {"Hauptstra\xC3\x9F"
                  "e 5"},
                 "M\xC3\xBCnchen",
                 "Bayern",
                 "80331",
                 "DE"},
                "China Post", s10("RR", "73615092"), kBase + 21000, 2),
      MakeOrder("12-10542-93307", "ebay",
                {"Mia Johansson", {"Drottninggatan 50"}, "Stockholm", "Stockholm", "111 21", "SE"},
                "China Post", s10("UA", "28470319"), kBase + 23000, 1),
      MakeOrder("12-10542-93311", "ebay",
                {"Erik Lindqvist",
                 {"Kungsportsavenyen 8"},
                 "G\xC3\xB6teborg",
                 "V\xC3\xA4stra G\xC3\xB6taland",
                 "411 05",
                 "SE"},
                "China Post", s10("RR", "64029175"), kBase + 23100, 1),
      MakeOrder("8190337412650733", "aliexpress",
                {"Jan Kowalski",
                 {"ul. Marsza\xC5\x82kowska 10"},
                 "Warszawa",
                 "Mazowieckie",
                 "00-590",
                 "PL"},
                "China Post", s10("RR", "91826304"), kBase + 25000, 1),
  };
  return o;
}

LabelStyle Style(const char* format, const char* payload, const char* ai) {
  LabelStyle s;
  s.code2d_format = format;
  s.payload = payload;
  s.gs1_ai = ai;
  return s;
}

std::vector<Case> DemoCases() {
  LabelStyle nfd = Style("QRCode", "json", "421");
  nfd.recipient_nfd = true;
  LabelStyle wrong_tracking = Style("QRCode", "json", "420");
  wrong_tracking.tracking_override = MakeS10("LZ", "40721569", "CN");
  LabelStyle wrong_postal = Style("QRCode", "json", "420");
  wrong_postal.postal_2d_override = "80333";
  return {
      {"s01_pass_upu_qr_json.jpg", "China Post S10 label, QR with JSON, GS1 (420)", "PASS", 0,
       Style("QRCode", "json", "420"), 8, 0.45, 1, "cardboard", 0.25},
      {"s02_pass_ups_datamatrix_mh10.jpg",
       "UPS 1Z label, DataMatrix with ANSI MH10.8.3, GS1 (421), EXIF orientation 6", "PASS", 1,
       Style("DataMatrix", "mh10", "421"), -22, 0.35, 6, "table", 0.2},
      {"s03_pass_upu_nfd_name.jpg", "QR recipient in Unicode NFD, order in NFC; EXIF orientation 8",
       "PASS", 2, nfd, 33, 0.30, 8, "cardboard", 0.3},
      {"s04_pass_upu_datamatrix_kv.jpg",
       "DataMatrix key=value, UK postcode with a space, steep angle, glare", "PASS", 3,
       Style("DataMatrix", "kv", "420"), -40, 0.28, 1, "table", 0.5},
      {"s05_pass_upu_png.png", "PNG, QR key=value, GS1 (421)", "PASS", 4,
       Style("QRCode", "kv", "421"), 12, 0.5, 1, "cardboard", 0.2},
      {"s06_pass_ups_webp.webp", "WebP, UPS, DataMatrix MH10.8.3, Canadian postcode", "PASS", 5,
       Style("DataMatrix", "mh10", "420"), -8, 0.6, 1, "table", 0.15},
      {"s07_pass_small_label.jpg", "label fills about 12% of the frame", "PASS", 6,
       Style("QRCode", "json", "420"), 25, 0.12, 1, "cardboard", 0.2},
      {"s08_pass_close_glare.jpg", "close-up with strong glare, EXIF orientation 3", "PASS", 7,
       Style("QRCode", "json", "421"), -4, 0.85, 3, "table", 0.55},
      {"s09_mismatch_tracking.jpg", "label carries another tracking number than the order's",
       "MISMATCH", 8, wrong_tracking, 18, 0.4, 6, "cardboard", 0.25},
      {"s10_mismatch_postal_2d.jpg",
       "QR says postal code 80333, order says 80331; clear tape across the label", "MISMATCH", 9,
       wrong_postal, -15, 0.4, 1, "table", 0.2},
      {"s11_mismatch_stacked.jpg", "two stacked labels: another parcel's label over the order's",
       "MISMATCH", 10, Style("QRCode", "json", "420"), 10, 0.5, 1, "cardboard", 0.2},
      {"s12_unreadable_blur.jpg", "heavy motion blur: no barcode can be read", "UNREADABLE", 12,
       Style("QRCode", "json", "420"), 5, 0.4, 1, "table", 0.2},
  };
}

PhotoJob JobFor(const Case& c, const std::vector<Order>& orders, int index) {
  const Order& o = orders[c.order];
  PhotoJob j;
  j.file = c.file;
  j.description = c.description;
  j.order_id = o.id;
  j.verdict = c.verdict;
  LabelStyle style = c.style;
  style.weight_g = 300 + 130 * index;
  style.ship_date = o.shipped_at.substr(0, 10);
  j.labels.push_back(LabelForOrder(o, style));
  j.photo.seed = 1000 + index;
  j.photo.orientation = c.orientation;
  j.photo.rotation_deg = c.rotation;
  j.photo.fill = c.fill;
  j.photo.background = c.background;
  j.photo.glare = c.glare;
  j.photo.tilt = 0.12;
  j.photo.blur_sigma = 0.7 + 0.05 * (index % 5);
  j.photo.noise_sigma = 3;
  j.photo.light_falloff = 0.3;
  std::string f = c.file;
  j.format = f.substr(f.size() - 4) == ".png"    ? "png"
             : f.substr(f.size() - 5) == ".webp" ? "webp"
                                                 : "jpeg";
  j.quality = 88;
  // Packed between payment and hand-over (orders are placed within 7 h of kBase).
  int64_t shot = kBase + 3600LL * 48 + 600 * index;
  bool ups = o.tracking[0].number.rfind("1Z", 0) == 0;
  j.exif = ExifAt(shot, 137 * index, ups ? kColumbus : kShenzhen, c.orientation, index);
  return j;
}

}  // namespace

SampleSet DemoSet() {
  SampleSet set;
  set.name = "samples";
  set.orders = DemoOrders();
  std::vector<Case> cases = DemoCases();
  for (size_t i = 0; i < cases.size(); ++i) {
    set.jobs.push_back(JobFor(cases[i], set.orders, static_cast<int>(i)));
  }
  // s11: another parcel's label (order 11) stuck over the order's own label.
  PhotoJob& stacked = set.jobs[10];
  LabelStyle other = Style("QRCode", "json", "420");
  other.ship_date = set.orders[11].shipped_at.substr(0, 10);
  other.sort_code = "12C";
  stacked.labels.push_back(LabelForOrder(set.orders[11], other));
  stacked.stack_dx = 0.04;
  stacked.stack_dy = -0.29;
  stacked.stack_angle = 2;
  // s10: clear packing tape across the label.
  set.jobs[9].photo.tape = 0.35;
  // s12: motion blur far beyond any module size.
  PhotoJob& blurred = set.jobs[11];
  blurred.photo.blur_sigma = 6;
  blurred.photo.motion_px = 45;
  blurred.unreadable = true;
  return set;
}

}  // namespace samplegen
