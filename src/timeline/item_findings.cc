// Per-item findings: missing or doubtful capture times, edits, clock skew,
// and capture times that contradict the order.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "exif/exif_time.h"
#include "parcelproof/display_time.h"
#include "parcelproof/order.h"
#include "timeline/findings.h"

namespace parcelproof {
namespace {

bool IsEditor(const std::string& software) {
  static const char* kEditors[] = {
      "photoshop", "lightroom",   "gimp",      "snapseed",    "picsart",  "pixelmator",
      "affinity",  "paint.net",   "canva",     "fotor",       "facetune", "vsco",
      "luminar",   "capture one", "darktable", "rawtherapee", "acdsee",   "polarr",
      "meitu",     "photoscape",  "paintshop", "picasa",      "krita",    "photopea"};
  std::string s = software;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kEditors), std::end(kEditors),
                     [&](const char* e) { return s.find(e) != std::string::npos; });
}

void MetadataFindings(const ItemTimes& t, std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  if (!i.date_time.empty() && !i.date_time_original.empty() &&
      i.date_time != i.date_time_original) {
    AddFinding(out, "resaved", Severity::kWarning, i,
               ItemLabel(i) + ": DateTime (" + i.date_time + ") differs from DateTimeOriginal (" +
                   i.date_time_original + "): the file was saved again after it was taken.");
  }
  if (IsEditor(i.software)) {
    AddFinding(out, "editor-software", Severity::kWarning, i,
               ItemLabel(i) + ": the Software field names an editor (\"" + i.software +
                   "\"): the image was processed after capture.");
  }
}

void GpsSkew(const ItemTimes& t, const TimelineOptions& o, std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  CivilTime civil;
  std::string why;
  long long gps = 0;
  if (i.gps_date_time.empty() || !ParseRfc3339(i.gps_date_time, &gps) ||
      !ParseExifDateTime(i.date_time_original, "DateTimeOriginal", &civil, &why)) {
    return;
  }
  int64_t camera = CivilToMicros(civil);
  int minutes = 0;
  bool zone = ParseExifOffset(i.offset_time_original, "OffsetTimeOriginal", &minutes, &why);
  int64_t diff_s = (camera - int64_t{minutes} * 60000000 - gps) / 1000000;
  if (!zone) diff_s -= (diff_s >= 0 ? diff_s + 450 : diff_s - 450) / 900 * 900;  // unknown zone
  if (std::llabs(diff_s) <= o.gps_skew_limit_s) return;
  AddFinding(out, "gps-clock-skew", Severity::kWarning, i,
             ItemLabel(i) + ": the camera clock and GPS time differ by " +
                 HumanDuration(std::llabs(diff_s)) + " (camera " +
                 (diff_s > 0 ? "ahead" : "behind") + (zone ? "" : ", beyond its time zone") + ").");
}

void ClockFindings(const ItemTimes& t, const TimelineOptions& o, std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  int64_t tolerance = o.ingest_tolerance_s * 1000000;
  if (t.ingested.known && SurelyAfter(t.capture, t.ingested.micros, tolerance)) {
    AddFinding(out, "captured-after-ingest", Severity::kSerious, i,
               ItemLabel(i) + ": captured " + Shown(t.capture, o.display_offset_minutes) +
                   ", after the store received it at " +
                   Shown(i.ingested_at, o.display_offset_minutes) +
                   ": the camera clock is ahead by at least " +
                   HumanDuration((t.capture.micros - t.ingested.micros) / 1000000) + ".");
  } else if (t.modified.known && SurelyAfter(t.capture, t.modified.micros, tolerance)) {
    AddFinding(out, "captured-after-file-modified", Severity::kWarning, i,
               ItemLabel(i) + ": captured " + Shown(t.capture, o.display_offset_minutes) +
                   ", after the file was last modified (" +
                   Shown(i.file_modified_at, o.display_offset_minutes) +
                   "): the camera clock was ahead or the time was edited.");
  } else if (o.now_micros > 0 && SurelyAfter(t.capture, o.now_micros, tolerance)) {
    AddFinding(out, "captured-in-future", Severity::kSerious, i,
               ItemLabel(i) + ": capture time " + Shown(t.capture, o.display_offset_minutes) +
                   " is in the future (now " + Shown(o.now_micros, o.display_offset_minutes) +
                   ").");
  }
}

}  // namespace

std::string Shown(const CaptureTime& c, int offset_minutes) {
  return c.zone_known ? FormatDisplayTime(c.micros, offset_minutes)
                      : FormatDisplayTime(c.value, offset_minutes);
}

std::string Shown(int64_t micros, int offset_minutes) {
  return FormatDisplayTime(micros, offset_minutes);
}

std::string Shown(const std::string& text, int offset_minutes) {
  return text.empty() ? "(unknown)" : FormatDisplayTime(text, offset_minutes);
}

bool SurelyBefore(const CaptureTime& c, int64_t t) {
  return (c.zone_known ? c.micros : c.micros + kBehindSlack) < t;
}

bool SurelyAfter(const CaptureTime& c, int64_t t, int64_t tolerance) {
  return (c.zone_known ? c.micros : c.micros - kAheadSlack) > t + tolerance;
}

std::string ItemLabel(const TimelineItem& i) {
  std::string role = i.role.empty() ? "item" : i.role;
  return role + " " + (i.name.empty() ? i.sha256.substr(0, 12) : i.name);
}

void AddFinding(std::vector<Finding>* out, const char* code, Severity s, const TimelineItem& i,
                std::string text) {
  out->push_back({code, s, i.sha256, std::move(text)});
}

bool IsPackingRole(const std::string& role) {
  return role == "packing" || role == "label" || role == "contents" || role == "weight";
}

std::string HumanDuration(int64_t s) {
  if (s < 0) s = -s;
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  if (s < 86400) return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
  return std::to_string(s / 86400) + " days " + std::to_string(s % 86400 / 3600) + " h";
}

void ItemFindings(const ItemTimes& t, const OrderTimes& order, const TimelineOptions& o,
                  std::vector<Finding>* out) {
  const TimelineItem& i = *t.item;
  MetadataFindings(t, out);
  GpsSkew(t, o, out);
  if (!t.capture.known) {
    if (i.conversation) return;  // a chat export: its messages carry the times
    AddFinding(out, "no-capture-time", Severity::kWarning, i,
               ItemLabel(i) +
                   ": no capture time (no usable EXIF, GPS or container time); only the ingest "
                   "time " +
                   Shown(i.ingested_at, o.display_offset_minutes) + " vouches for it.");
    return;
  }
  if (!t.capture.zone_known) {
    AddFinding(out, "zone-unknown", Severity::kInfo, i,
               ItemLabel(i) + ": capture time " + Shown(t.capture, o.display_offset_minutes) +
                   ": the camera's local time, with no time zone; comparisons allow +-14 h.");
  }
  ClockFindings(t, o, out);
  OrderFindings(t, order, o.display_offset_minutes, out);
}

}  // namespace parcelproof
