// Renders a sample set to disk: photos, orders.json and expected.json.
#include <sys/stat.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <thread>

#include "sample_set.h"

namespace samplegen {
namespace {

using Json = nlohmann::ordered_json;

void WriteFile(const std::string& path, const void* data, size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) throw std::runtime_error(path + ": cannot write");
}

// Rounds to `digits` decimals so that the JSON shows short numbers.
double Round(double v, int digits) {
  double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

Json OrderJson(const parcelproof::Order& o) {
  Json tracking = Json::array(), items = Json::array();
  for (const auto& t : o.tracking)
    tracking.push_back({{"carrier", t.carrier}, {"number", t.number}});
  for (const auto& i : o.items) {
    items.push_back({{"sku", i.sku}, {"title", i.title}, {"quantity", i.quantity}});
  }
  const parcelproof::Address& a = o.recipient;
  return {{"id", o.id},
          {"platform", o.platform},
          {"recipient",
           {{"name", a.name},
            {"lines", a.lines},
            {"city", a.city},
            {"region", a.region},
            {"postal_code", a.postal_code},
            {"country", a.country}}},
          {"tracking", tracking},
          {"items", items},
          {"times", {{"placed", o.placed_at}, {"paid", o.paid_at}, {"shipped", o.shipped_at}}}};
}

Json BarcodeJson(const PlacedBarcode& b) {
  Json corners = Json::array();
  for (const cv::Point2f& p : b.corners) corners.push_back({Round(p.x, 1), Round(p.y, 1)});
  return {{"role", b.role}, {"format", b.format}, {"text", b.text}, {"corners", corners}};
}

Sheet MakeSheet(const PhotoJob& job) {
  RenderedLabel bottom = RenderLabel(job.labels.at(0), job.dpi);
  if (job.labels.size() == 1) return SingleSheet(bottom);
  RenderedLabel top = RenderLabel(job.labels.at(1), job.dpi);
  return StackedSheet(bottom, top, job.stack_dx, job.stack_dy, job.stack_angle);
}

Json AddressJson(const PhotoJob& job) {
  Json printed = Json::object();
  for (const auto& [k, v] : job.printed) printed[k] = v;
  return {{"printed", printed},
          {"mismatch", job.address_mismatch.empty() ? Json(nullptr) : Json(job.address_mismatch)}};
}

// Renders one job; returns its expected.json entry.
Json RenderJob(const PhotoJob& job, const std::string& dir, bool flat_labels) {
  Sheet sheet = MakeSheet(job);
  std::string stem = job.file.substr(0, job.file.rfind('.'));
  if (flat_labels && !cv::imwrite(dir + "/labels/" + stem + ".png", sheet.image)) {
    throw std::runtime_error(dir + "/labels/" + stem + ".png: cannot write");
  }
  Photo photo = TakePhoto(sheet, job.photo);
  std::vector<uint8_t> bytes = job.format == "jpeg"
                                   ? EncodeJpeg(photo.stored, job.quality, job.exif)
                                   : EncodeOther(photo.stored, job.format, job.quality);
  WriteFile(dir + "/" + job.file, bytes.data(), bytes.size());
  Json found = Json::array(), hidden = Json::array();
  for (const PlacedBarcode& b : photo.barcodes) {
    (b.visible && !job.unreadable ? found : hidden).push_back(BarcodeJson(b));
  }
  Json exif = nullptr;
  if (job.format == "jpeg") {
    exif = {{"Make", job.exif.make},
            {"Model", job.exif.model},
            {"DateTimeOriginal", job.exif.date_time},
            {"SubSecTimeOriginal", job.exif.subsec},
            {"OffsetTimeOriginal", job.exif.offset},
            {"Orientation", job.exif.orientation}};
  }
  return {{"file", job.file},
          {"order_id", job.order_id},
          {"verdict", job.verdict},
          {"description", job.description},
          {"format", job.format},
          {"width", photo.view_width},
          {"height", photo.view_height},
          {"orientation", job.format == "jpeg" ? job.photo.orientation : 1},
          {"rotation_deg", Round(job.photo.rotation_deg, 1)},
          {"label_fill", Round(photo.fill, 3)},
          {"exif", exif},
          {"barcodes", found},
          {"hidden_barcodes", hidden}};
}

void MakeDir(const std::string& path) {
  if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    throw std::runtime_error(path + ": cannot create directory");
  }
}

}  // namespace

void WriteSet(const SampleSet& set, const std::string& dir, int threads, bool flat_labels) {
  MakeDir(dir);
  if (flat_labels) MakeDir(dir + "/labels");
  for (const PhotoJob& j : set.jobs) {
    if (j.format != "jpeg" && j.photo.orientation != 1) {
      throw std::logic_error(j.file + ": only JPEG photos carry an EXIF orientation");
    }
  }
  std::vector<Json> entries(set.jobs.size());
  std::atomic<size_t> next{0};
  std::mutex error_mu;
  std::string error;
  auto worker = [&] {
    for (size_t i = next++; i < set.jobs.size(); i = next++) {
      try {
        entries[i] = RenderJob(set.jobs[i], dir, flat_labels);
        if (!set.jobs[i].printed.empty()) entries[i]["address"] = AddressJson(set.jobs[i]);
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (error.empty()) error = set.jobs[i].file + ": " + e.what();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (!error.empty()) throw std::runtime_error(error);

  Json orders = Json::array();
  for (const parcelproof::Order& o : set.orders) orders.push_back(OrderJson(o));
  std::string orders_text = orders.dump(2) + "\n";
  WriteFile(dir + "/orders.json", orders_text.data(), orders_text.size());
  Json expected = {{"generator", "pp-samplegen"},
                   {"set", set.name},
                   {"orders", "orders.json"},
                   {"photos", entries}};
  std::string expected_text = expected.dump(2) + "\n";
  WriteFile(dir + "/expected.json", expected_text.data(), expected_text.size());
}

}  // namespace samplegen
