#include "store/ingest_meta.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string_view>

#include "store/json_text.h"
#include "timeline/capture_time.h"
#include "video/video_reader.h"

namespace parcelproof::store {
namespace {

std::string Number(double v, const char* format) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), format, v);
  return buf;
}

}  // namespace

std::string ExifJson(const ExifFields& f) {
  JsonObject o;
  o.StrIf("date_time_original", f.date_time_original);
  o.StrIf("subsec_time_original", f.subsec_time_original);
  o.StrIf("offset_time_original", f.offset_time_original);
  o.StrIf("date_time_digitized", f.date_time_digitized);
  o.StrIf("subsec_time_digitized", f.subsec_time_digitized);
  o.StrIf("offset_time_digitized", f.offset_time_digitized);
  o.StrIf("date_time", f.date_time);
  o.StrIf("offset_time", f.offset_time);
  o.StrIf("make", f.make);
  o.StrIf("model", f.model);
  o.StrIf("software", f.software);
  o.StrIf("gps_date_time", f.gps_date_time);
  if (f.has_gps_position) {
    o.Raw("gps", JsonObject()
                     .Raw("latitude", Number(f.gps_latitude, "%.7f"))
                     .Raw("longitude", Number(f.gps_longitude, "%.7f"))
                     .Text());
  }
  if (f.orientation) o.Int("orientation", f.orientation);
  if (!f.problems.empty()) o.Raw("problems", JsonStringArray(f.problems));
  return o.Text();
}

void CaptureTimeFromExif(const ExifFields& f, StoreItem* info) {
  CaptureTime t = NormaliseCaptureTime(&f, nullptr);
  if (!t.known) return;
  info->capture_time = t.value;
  info->capture_time_source = "exif " + t.source;
}

Status ReadVideoInfo(const std::string& path, StoreItem* info, std::string* video_json) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open stored video");
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size == 0) {
    ::close(fd);
    return Status::Corrupt(path + ": empty video");
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::IOError(path + ": cannot map stored video");
  VideoTimes t = ReadVideoTimes(std::string_view(static_cast<const char*>(map), size));
  ::munmap(map, size);
  if (t.container.empty()) return Status::Unsupported("not a video container we read");
  if (!t.problems.empty() && !t.has_duration && t.creation_time.empty() &&
      t.creation_time_local.empty() && t.quicktime_creation_date.empty() &&
      t.xmp_create_date.empty()) {
    return Status::Corrupt(t.container + ": " + t.problems.front());
  }
  JsonObject o;
  o.Str("container", t.container);
  o.StrIf("creation_time", t.creation_time);
  o.StrIf("creation_time_local", t.creation_time_local);
  o.StrIf("creation_source", t.creation_source);
  o.StrIf("quicktime_creation_date", t.quicktime_creation_date);
  o.StrIf("xmp_create_date", t.xmp_create_date);
  if (t.has_duration) o.Raw("duration_s", Number(t.duration_s, "%.3f"));
  if (!t.problems.empty()) o.Raw("problems", JsonStringArray(t.problems));
  *video_json = o.Text();
  CaptureTime c = NormaliseCaptureTime(nullptr, &t);
  if (c.known) {
    info->capture_time = c.value;
    info->capture_time_source = "container " + c.source;
  }
  return Status::Ok();
}

std::string MetadataJson(const std::string& exif_json, const std::string& scan_json,
                         const std::string& checks_json, const std::string& video_json,
                         const std::vector<std::string>& problems,
                         const std::string& file_modified_at,
                         const std::string& conversation_json) {
  JsonObject o;
  o.StrIf("file_modified_at", file_modified_at);
  if (!exif_json.empty()) o.Raw("exif", exif_json);
  if (!scan_json.empty()) o.Raw("scan", scan_json);
  if (!checks_json.empty()) o.Raw("checks", checks_json);
  if (!video_json.empty()) o.Raw("video", video_json);
  if (!conversation_json.empty()) o.Raw("conversation", conversation_json);
  if (!problems.empty()) o.Raw("problems", JsonStringArray(problems));
  return o.Text();
}

std::vector<std::string> LinkCandidates(const ImageScan& scan) {
  std::vector<std::string> out;
  for (const Barcode& b : scan.barcodes) {
    for (const TrackingCandidate& t : b.tracking) out.push_back(t.number);
    if (!b.text.empty() && b.text.size() <= 64) out.push_back(b.text);
  }
  return out;
}

}  // namespace parcelproof::store
