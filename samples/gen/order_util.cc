// Orders, timestamps and camera EXIF shared by the demo set and the corpus.
#include <ctime>

#include "sample_set.h"

namespace samplegen {
namespace {

struct Item {
  const char* sku;
  const char* title;
};

const Item kItems[] = {
    {"PH-CASE-13-BLK", "Phone case, black, iPhone 13"},
    {"USB-C-2M-WHT", "USB-C cable 2 m, white"},
    {"LED-STRIP-5M", "LED strip 5 m, warm white"},
    {"WATCH-BAND-22-BRN", "Leather watch band 22 mm, brown"},
    {"EARBUD-TIPS-M", "Silicone ear tips, size M (3 pairs)"},
    {"KNIFE-SHARP-3S", "Knife sharpener, 3 stages"},
};

const char* kCameras[][2] = {{"Apple", "iPhone 13"},
                             {"samsung", "SM-A546B"},
                             {"Google", "Pixel 7a"},
                             {"Xiaomi", "Redmi Note 12"}};

std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::tm Utc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

std::string Rfc3339Utc(int64_t unix_seconds) {
  std::tm tm = Utc(unix_seconds);
  return std::to_string(tm.tm_year + 1900) + "-" + Two(tm.tm_mon + 1) + "-" + Two(tm.tm_mday) +
         "T" + Two(tm.tm_hour) + ":" + Two(tm.tm_min) + ":" + Two(tm.tm_sec) + "Z";
}

parcelproof::Order MakeOrder(const std::string& id, const std::string& platform,
                             const parcelproof::Address& to, const std::string& carrier,
                             const std::string& tracking, int64_t placed_unix, int items) {
  parcelproof::Order o;
  o.id = id;
  o.platform = platform;
  o.recipient = to;
  o.tracking.push_back({carrier, tracking});
  const size_t n = sizeof(kItems) / sizeof(kItems[0]);
  for (int i = 0; i < items; ++i) {
    const Item& it = kItems[(placed_unix / 60 + i * 5) % n];
    o.items.push_back({it.sku, it.title, 1 + (i % 2)});
  }
  o.placed_at = Rfc3339Utc(placed_unix);
  o.paid_at = Rfc3339Utc(placed_unix + 17 * 60);
  o.shipped_at = Rfc3339Utc(placed_unix + 51 * 3600);
  return o;
}

CameraExif ExifAt(int64_t unix_seconds, int subsec_ms, int offset_minutes, int orientation,
                  int camera) {
  std::tm tm = Utc(unix_seconds + offset_minutes * 60LL);
  CameraExif x;
  x.make = kCameras[camera % 4][0];
  x.model = kCameras[camera % 4][1];
  x.date_time = std::to_string(tm.tm_year + 1900) + ":" + Two(tm.tm_mon + 1) + ":" +
                Two(tm.tm_mday) + " " + Two(tm.tm_hour) + ":" + Two(tm.tm_min) + ":" +
                Two(tm.tm_sec);
  std::string ms = std::to_string(subsec_ms % 1000);
  x.subsec = std::string(3 - ms.size(), '0') + ms;
  int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  x.offset = std::string(offset_minutes < 0 ? "-" : "+") + Two(off / 60) + ":" + Two(off % 60);
  x.orientation = orientation;
  return x;
}

}  // namespace samplegen
