// Bad input for the address OCR: labels whose ship-to block is printed in a
// script without OCR data (Han, Greek, Arabic), a label whose block is an
// invoice full of text, and one whose block is printed vertically. Each
// label's tracking barcode reads, so the verdict is PASS and the address is
// only a note.
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "rng.h"
#include "sample_set.h"
#include "ship_to.h"
#include "tracking.h"

namespace samplegen {
namespace {

const int64_t kBase = 1772330400;  // 2026-03-01T02:00:00Z

struct Bad {
  const char* file;
  const char* description;
  const char* font;
  const char* cue;
  std::vector<std::string> lines;
  bool vertical;
};

const std::vector<Bad>& Cases() {
  static const auto* cases = new std::vector<Bad>{
      {"b_han.jpg",
       "ship-to block in Han script (no OCR data installed)",
       "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
       "\xE6\x94\xB6\xE4\xBB\xB6\xE4\xBA\xBA:",  // 收件人:
       {"\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E",  // 王小明
        "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82\xE6\x9C\x9D\xE9\x98\xB3\xE5\x8C\xBA"
        "\xE5\xBB\xBA\xE5\x9B\xBD\xE8\xB7\xAF\x38\x38\xE5\x8F\xB7",  // 北京市朝阳区建国路88号
        "\xE4\xB8\xAD\xE5\x9B\xBD"},                                 // 中国
       false},
      {"b_greek.jpg",
       "ship-to block in Greek script (no OCR data installed)",
       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
       "\xCE\xA0\xCF\x81\xCE\xBF\xCF\x82:",  // Προς:
       {"\xCE\x93\xCE\xB9\xCF\x8E\xCF\x81\xCE\xB3\xCE\xBF\xCF\x82 "
        "\xCE\xA0\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB4\xCF\x8C\xCF\x80\xCE\xBF\xCF\x85\xCE\xBB\xCE\xBF"
        "\xCF\x82",  // Γιώργος Παπαδόπουλος
        "\xCE\x9F\xCE\xB4\xCF\x8C\xCF\x82 \xCE\x95\xCF\x81\xCE\xBC\xCE\xBF\xCF\x8D 12",  // Οδός
                                                                                         // Ερμού
        "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 10563",     // Αθήνα
        "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"},  // Ελλάδα
       false},
      {"b_arabic.jpg",
       "ship-to block in Arabic script (no OCR data installed)",
       "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf",
       "\xD8\xA5\xD9\x84\xD9\x89:",                                   // إلى:
       {"\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A",  // أحمد علي
        "\xD8\xB4\xD8\xA7\xD8\xB1\xD8\xB9 \xD8\xA7\xD9\x84\xD9\x86\xD9\x8A\xD9\x84",  // شارع النيل
        "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9",  // القاهرة
        "\xD9\x85\xD8\xB5\xD8\xB1"},                                 // مصر
       false},
      {"b_invoice.jpg",
       "an invoice full of text where the ship-to block belongs",
       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
       "INVOICE 2026-0311",
       {"1 x USB-C cable 2 m            4.99 EUR", "2 x Phone case, black          7.98 EUR",
        "1 x Screen protector            2.49 EUR", "3 x Sticker pack                 2.97 EUR",
        "Subtotal                       18.43 EUR", "Shipping                        0.00 EUR",
        "VAT 19%                         3.50 EUR", "Total                          21.93 EUR",
        "Paid by card **** 4242 on 2026-03-02", "Thank you for your order!"},
       false},
      {"b_vertical.jpg",
       "ship-to block printed vertically",
       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
       "SHIP TO:",
       {"Anna Becker",
        "Invalidenstra\xC3\x9F"
        "e 42",
        "10115 Berlin", "GERMANY"},
       true},
  };
  return *cases;
}

// The block printed by PrintShipTo, turned a quarter and scaled into the area.
void PrintVertical(cv::Mat* img, double dpi, const std::vector<std::string>& lines,
                   const ShipToStyle& style) {
  cv::Mat sheet(img->size(), img->type(), cv::Scalar(246, 248, 248));
  PrintShipTo(&sheet, dpi, lines, style);
  double u = dpi / 300.0;
  cv::Rect area(cv::Point(static_cast<int>(40 * u), static_cast<int>(418 * u)),
                cv::Point(static_cast<int>(770 * u), static_cast<int>(826 * u)));
  cv::Mat turned;
  cv::rotate(sheet(area), turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  double k = static_cast<double>(area.height) / turned.rows;
  cv::Mat small;
  cv::resize(turned, small, cv::Size(), k, k, cv::INTER_AREA);
  (*img)(area).setTo(cv::Scalar(246, 248, 248));
  small.copyTo((*img)(cv::Rect(area.x, area.y, small.cols, small.rows)));
}

}  // namespace

SampleSet OcrBadSet(double megapixels, uint64_t seed) {
  SampleSet set;
  set.name = "ocr-bad";
  Rng rng(seed);
  int i = 0;
  for (const Bad& b : Cases()) {
    parcelproof::Address to{"Anna Becker", {"Invalidenstrasse 42"}, "Berlin", "", "10115", "DE"};
    std::string tracking = MakeS10("RR", rng.Digits(8), "CN");
    std::string id = "B" + std::to_string(300000 + i);
    parcelproof::Order o =
        MakeOrder(id, "aliexpress", to, "China Post", tracking, kBase + 977LL * i, 1);
    LabelStyle style;
    style.code2d_format = "QRCode";
    style.payload = "json";
    style.ship_date = o.shipped_at.substr(0, 10);
    LabelContent label = LabelForOrder(o, style);
    label.recipient.clear();
    ShipToStyle ship;
    ship.font = b.font;
    ship.size = 40;
    ship.cue = b.cue;
    ship.seed = 95000 + static_cast<uint64_t>(i);
    std::vector<std::string> lines = b.lines;
    bool vertical = b.vertical;
    label.decorate = [lines, ship, vertical](cv::Mat* img, double dpi) {
      if (vertical) {
        PrintVertical(img, dpi, lines, ship);
      } else {
        PrintShipTo(img, dpi, lines, ship);
      }
    };
    PhotoJob j;
    j.file = b.file;
    j.description = b.description;
    j.order_id = o.id;
    j.verdict = "PASS";
    j.labels.push_back(label);
    j.photo.seed = 71000 + static_cast<uint64_t>(i);
    j.photo.sensor_width = (static_cast<int>(std::sqrt(megapixels * 1e6 * 4 / 3)) / 16) * 16;
    j.photo.sensor_height = j.photo.sensor_width * 3 / 4;
    j.photo.rotation_deg = rng.Uniform(-8, 8);
    j.photo.fill = 0.35;
    j.photo.whole_label = true;
    j.photo.tilt = 0.05;
    j.photo.blur_sigma = 0.6;
    j.photo.glare = 0.1;
    j.dpi = 300 * std::min(2.0, std::max(1.0, std::sqrt(megapixels / 3.0)));
    j.exif = ExifAt(kBase + 977LL * i + 30 * 3600, 0, 480, 1, i);
    set.orders.push_back(o);
    set.jobs.push_back(j);
    ++i;
  }
  return set;
}

}  // namespace samplegen
