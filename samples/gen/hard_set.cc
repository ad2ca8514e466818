// The hard-condition photo sets (see hard_set.h).
#include "hard_set.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <thread>

#include "barcode/maxicode_read.h"
#include "hard_shoot.h"
#include "maxicode_draw.h"
#include "tracking.h"

namespace samplegen {
namespace {

struct Expected {
  std::string format, text;
};

struct HardPhoto {
  cv::Mat frame;
  std::vector<Expected> barcodes;
};

std::string Ean13(Rng* rng) {
  std::string d = "4" + rng->Digits(11);
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (d[i] - '0') * (i % 2 ? 3 : 1);
  return d + static_cast<char>('0' + (10 - sum % 10) % 10);
}

void Text(cv::Mat* sheet, const std::string& s, cv::Point at, double size) {
  cv::putText(*sheet, s, at, cv::FONT_HERSHEY_SIMPLEX, size, cv::Scalar(30),
              std::max(1, static_cast<int>(size * 2)), cv::LINE_AA);
}

struct Place {
  const char* street;
  const char* city;
  const char* state;
  const char* postal;
  const char* country;  // ISO numeric
};

const Place kPlaces[] = {
    {"634 ALPHA DR", "PITTSBURGH", "PA", "152382802", "840"},
    {"1600 AMPHI PKWY", "MTN VIEW", "CA", "940431351", "840"},
    {"55 KING ST W", "TORONTO", "ON", "M5K1A1", "124"},
    {"10 DOWNING ST", "LONDON", "", "SW1A2A", "826"},
    {"400 BROAD ST", "SEATTLE", "WA", "981094000", "840"},
};

HardPhoto MaxiCodeLabel(Rng* rng) {
  const Place& p = kPlaces[rng->Int(0, 4)];
  CarrierMessage m{p.postal,
                   p.country,
                   rng->Pick(std::vector<std::string>{"001", "002", "003"}),
                   MakeUps1Z(rng->Pick(std::vector<std::string>{"06X610", "A12B34", "9W7E21"}),
                             "01", rng->Digits(7)),
                   "UPSN",
                   p.street,
                   p.city,
                   p.state};
  parcelproof::MaxiGrid grid = EncodeMaxiCode(m);
  std::optional<parcelproof::RawCode> clean = parcelproof::ReadMaxiGrid(grid);
  if (!clean) throw std::runtime_error("MaxiCode sample does not decode from its own grid");
  cv::Mat sheet(1150, 1200, CV_8U, cv::Scalar(245));
  double pitch = 13;
  DrawMaxiCode(grid, {40, 60}, pitch, &sheet);
  Text(&sheet, "SHIP TO:", {500, 90}, 1.0);
  Text(&sheet, p.street, {500, 150}, 0.9);
  Text(&sheet, std::string(p.city) + " " + p.state + " " + p.postal, {500, 210}, 0.9);
  Text(&sheet, "UPS GROUND", {500, 330}, 1.6);
  Text(&sheet, "TRACKING #: " + m.tracking, {40, 560}, 1.0);
  cv::Mat code = Modules("Code128", m.tracking);
  DrawModules(code, true, {60, 620}, 4, 260, 20, &sheet);
  cv::Mat frame = Background({2400, 1800}, 150, rng);
  Shot shot;
  shot.fill = rng->Uniform(0.18, 0.35);
  shot.angle_deg = rng->Uniform(0, 360);
  shot.tilt = rng->Uniform(0.0, 0.12);
  shot.blur = rng->Uniform(0.6, 1.3);
  shot.gain = rng->Uniform(0.75, 1.0);
  shot.offset = {rng->Uniform(-0.15, 0.15), rng->Uniform(-0.15, 0.15)};
  Shoot(sheet, shot, rng, &frame);
  return {frame, {{"MaxiCode", clean->text}, {"Code128", m.tracking}}};
}

HardPhoto EanSheet(Rng* rng) {
  std::vector<std::string> distinct;
  for (int i = 0; i < 14; ++i) distinct.push_back(Ean13(rng));
  const int cols = 4, rows = 7, module = 3, w = 113 * module, h = 70 * module + 30;
  cv::Mat sheet(rows * (h + 24) + 40, cols * (w + 10) + 40, CV_8U, cv::Scalar(240));
  for (int i = 0; i < cols * rows; ++i) {
    int r = i / cols, c = i % cols;
    cv::Point at(20 + c * (w + 10) + 9 * module, 20 + r * (h + 24));
    DrawModules(Modules("EAN-13", distinct[i % 14]), true, at, module, 70 * module, 25, &sheet);
    Text(&sheet, distinct[i % 14], {at.x + 20, at.y + 70 * module + 26}, 0.8);
  }
  cv::Mat frame = Background({3000, 2250}, 120, rng);
  Shot shot;
  shot.fill = rng->Uniform(0.55, 0.7);
  shot.angle_deg = rng->Uniform(-6, 6) + (rng->Chance(0.5) ? 90 : 0);
  shot.tilt = rng->Uniform(0.0, 0.05);
  shot.blur = rng->Uniform(0.5, 1.0);
  Shoot(sheet, shot, rng, &frame);
  std::vector<Expected> want;
  for (const std::string& d : distinct) want.push_back({"EAN-13", d});
  return {frame, want};
}

HardPhoto InvertedTray(Rng* rng) {
  const int cols = 5, rows = 4, module = 9;
  cv::Mat sheet(rows * 260 + 40, cols * 260 + 40, CV_8U, cv::Scalar(35));
  std::vector<Expected> want;
  for (int i = 0; i < cols * rows; ++i) {
    std::string text = "LOT" + rng->Digits(6) + "-" + std::to_string(i + 1);
    cv::Mat m = Modules("DataMatrix", text);
    // The dark modules of an ordinary symbol marked light on the dark tray
    // (laser-etched parts): finder L light, no light quiet zone.
    cv::Point at(40 + (i % cols) * 260, 40 + (i / cols) * 260);
    cv::rectangle(sheet,
                  cv::Rect(at.x - 2 * module, at.y - 2 * module, (m.cols + 4) * module,
                           (m.rows + 4) * module),
                  cv::Scalar(35), cv::FILLED);
    DrawModules(m, false, at, module, 0, 225, &sheet);
    want.push_back({"DataMatrix", text});
  }
  cv::Mat frame = Background({2400, 1800}, 90, rng);
  Shot shot;
  shot.fill = rng->Uniform(0.5, 0.65);
  shot.angle_deg = rng->Uniform(-10, 10);
  shot.tilt = rng->Uniform(0.0, 0.06);
  shot.blur = rng->Uniform(0.5, 1.0);
  Shoot(sheet, shot, rng, &frame);
  return {frame, want};
}

// A shipping label with a 1-D, a QR and a PDF417 code, underexposed, with a
// glare band from plastic wrap.
HardPhoto DimGlare(Rng* rng) {
  std::string s10 = MakeS10("RR", rng->Digits(8), "CN");
  std::string qr = "{\"tracking\":\"" + s10 + "\",\"postal_code\":\"10115\",\"country\":\"DE\"}";
  std::string pdf = std::string(
                        "[)>\x1E"
                        "06\x1D"
                        "P") +
                    rng->Digits(8) + "\x1DQ" + std::to_string(rng->Int(1, 500)) +
                    "\x1D"
                    "1J" +
                    rng->Digits(12) + "\x1E\x04";
  cv::Mat sheet(1100, 1500, CV_8U, cv::Scalar(240));
  DrawModules(Modules("Code128", s10), true, {80, 80}, 5, 220, 20, &sheet);
  DrawModules(Modules("QRCode", qr), false, {80, 400}, 10, 0, 20, &sheet);
  DrawModules(Modules("PDF417", pdf), false, {700, 450}, 4, 0, 20, &sheet);
  cv::Mat frame = Background({2400, 1800}, 140, rng);
  Shot shot;
  shot.fill = rng->Uniform(0.3, 0.45);
  shot.angle_deg = rng->Uniform(-30, 30);
  shot.tilt = rng->Uniform(0.0, 0.08);
  shot.gain = rng->Uniform(0.18, 0.35);
  shot.glare = rng->Uniform(0.5, 0.9);
  shot.blur = rng->Uniform(0.6, 1.1);
  shot.noise = 2.5;
  Shoot(sheet, shot, rng, &frame);
  return {frame, {{"Code128", s10}, {"QRCode", qr}, {"PDF417", pdf}}};
}

// ISO 15434 PDF417 with modules of 1.5 to 2.5 px in a 12-MP photo, dim.
HardPhoto SmallPdf417(Rng* rng) {
  std::string pdf = std::string(
                        "[)>\x1E"
                        "06\x1D"
                        "P") +
                    rng->Digits(10) + "\x1DQ" + std::to_string(rng->Int(1, 900)) +
                    "\x1D"
                    "V" +
                    rng->Digits(6) +
                    "\x1D"
                    "1T" +
                    rng->Digits(9) +
                    "\x1D"
                    "K" +
                    rng->Digits(8) + "\x1E\x04";
  cv::Mat modules = Modules("PDF417", pdf);
  const int module = 8;
  cv::Mat sheet(modules.rows * module + 400, modules.cols * module + 200, CV_8U, cv::Scalar(240));
  DrawModules(modules, false, {100, 100}, module, 0, 20, &sheet);
  Text(&sheet, "PART NO / QTY / SUPPLIER", {100, sheet.rows - 150}, 2.0);
  double target = rng->Uniform(1.5, 2.5);  // px per module in the photo
  cv::Mat frame = Background({4000, 3000}, 130, rng);
  Shot shot;
  double side = target / module;  // linear scale of the sheet
  shot.fill = side * side * sheet.cols * sheet.rows / (4000.0 * 3000.0);
  shot.angle_deg = rng->Uniform(-20, 20);
  shot.tilt = rng->Uniform(0.0, 0.05);
  shot.gain = rng->Uniform(0.45, 0.7);
  shot.glare = rng->Uniform(0.0, 0.4);
  shot.blur = rng->Uniform(0.5, 0.8);
  shot.offset = {rng->Uniform(-0.25, 0.25), rng->Uniform(-0.25, 0.25)};
  Shoot(sheet, shot, rng, &frame);
  return {frame, {{"PDF417", pdf}}};
}

// Three small labels on boxes in a wide, dim shelf photo.
HardPhoto WideSmall(Rng* rng) {
  cv::Mat frame = Background({4000, 3000}, 110, rng);
  std::vector<Expected> want;
  std::vector<cv::Point2f> any;
  Shot shot;
  for (int i = 0; i < 3; ++i) {
    std::string s10 = MakeS10("LP", rng->Digits(8), "CN");
    cv::Mat sheet(420, 900, CV_8U, cv::Scalar(235));
    DrawModules(Modules("Code128", s10), true, {70, 60}, 4, 240, 20, &sheet);
    Text(&sheet, s10, {200, 370}, 1.4);
    double module_px = rng->Uniform(1.6, 2.6);
    double side = module_px / 4;
    shot.fill = side * side * sheet.cols * sheet.rows / (4000.0 * 3000.0);
    shot.angle_deg = rng->Uniform(-15, 15);
    shot.tilt = 0.03;
    shot.offset = {-0.32 + 0.32 * i, rng->Uniform(-0.3, 0.3)};
    any = PlaceSheet(sheet, shot, rng, &frame);
    want.push_back({"Code128", s10});
  }
  shot.gain = rng->Uniform(0.35, 0.6);
  shot.blur = rng->Uniform(0.5, 0.9);
  FinishShot(shot, any, rng, &frame);
  return {frame, want};
}

using Maker = std::function<HardPhoto(Rng*)>;

std::vector<std::pair<std::string, Maker>> Makers() {
  return {{"maxicode", MaxiCodeLabel}, {"dim_glare", DimGlare},       {"small_pdf417", SmallPdf417},
          {"ean13_sheet", EanSheet},   {"inverted_dm", InvertedTray}, {"wide_small", WideSmall}};
}

}  // namespace

std::vector<std::string> HardConditions() {
  std::vector<std::string> out;
  for (const auto& m : Makers()) out.push_back(m.first);
  return out;
}

void WriteHardSets(const std::string& dir, int per_condition, uint64_t seed, int threads,
                   const std::vector<std::string>& only) {
  std::filesystem::create_directories(dir);
  uint64_t cond_seed = seed;
  for (const auto& [name, make] : Makers()) {
    ++cond_seed;
    if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
    if (name == "maxicode" && !CanEncodeMaxiCode()) continue;
    std::string sub = dir + "/" + name;
    std::filesystem::create_directories(sub);
    std::vector<nlohmann::ordered_json> photos(per_condition);
    std::atomic<int> next{0};
    std::mutex error_mutex;
    std::string error;
    auto worker = [&, &make = make, &name = name]() {
      for (int i = next++; i < per_condition; i = next++) {
        try {
          Rng rng(cond_seed * 1000003 + static_cast<uint64_t>(i));
          HardPhoto p = make(&rng);
          char file[64];
          std::snprintf(file, sizeof(file), "%s_%03d.jpg", name.c_str(), i + 1);
          if (!cv::imwrite(sub + "/" + file, p.frame, {cv::IMWRITE_JPEG_QUALITY, 90}))
            throw std::runtime_error(sub + "/" + file + ": cannot write");
          nlohmann::ordered_json codes = nlohmann::ordered_json::array();
          for (const Expected& e : p.barcodes)
            codes.push_back({{"format", e.format}, {"text", e.text}});
          photos[i] = {{"file", file}, {"barcodes", codes}};
        } catch (const std::exception& e) {
          std::lock_guard<std::mutex> lock(error_mutex);
          error = e.what();
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
    if (!error.empty()) throw std::runtime_error(error);
    nlohmann::ordered_json doc = {{"condition", name}, {"photos", photos}};
    std::ofstream out(sub + "/expected.json", std::ios::trunc);
    out << doc.dump(1) << "\n";
    if (!out) throw std::runtime_error(sub + "/expected.json: cannot write");
  }
}

}  // namespace samplegen
