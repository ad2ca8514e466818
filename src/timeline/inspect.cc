#include "parcelproof/inspect.h"

#include "core/image_header.h"
#include "core/sha256.h"
#include "exif/exif_locate.h"
#include "exif/exif_reader.h"
#include "exif/jpeg_check.h"
#include "timeline/capture_time.h"
#include "timeline/heif_exif_fields.h"
#include "timeline/mapped_file.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

InspectedExif Copy(const ExifFields& f) {
  InspectedExif e;
  e.date_time_original = f.date_time_original;
  e.subsec_time_original = f.subsec_time_original;
  e.offset_time_original = f.offset_time_original;
  e.date_time_digitized = f.date_time_digitized;
  e.subsec_time_digitized = f.subsec_time_digitized;
  e.offset_time_digitized = f.offset_time_digitized;
  e.date_time = f.date_time;
  e.offset_time = f.offset_time;
  e.make = f.make;
  e.model = f.model;
  e.software = f.software;
  e.gps_date_time = f.gps_date_time;
  e.has_gps_position = f.has_gps_position;
  e.gps_latitude = f.gps_latitude;
  e.gps_longitude = f.gps_longitude;
  e.orientation = f.orientation;
  return e;
}

bool AnyField(const InspectedExif& e) {
  return !(e.date_time_original + e.subsec_time_original + e.offset_time_original +
           e.date_time_digitized + e.subsec_time_digitized + e.offset_time_digitized + e.date_time +
           e.offset_time + e.make + e.model + e.software + e.gps_date_time)
              .empty() ||
         e.has_gps_position || e.orientation != 0;
}

InspectedVideo Copy(const VideoTimes& v) {
  InspectedVideo out;
  out.container = v.container;
  out.creation_time = v.creation_time;
  out.creation_time_local = v.creation_time_local;
  out.creation_source = v.creation_source;
  out.quicktime_creation_date = v.quicktime_creation_date;
  out.xmp_create_date = v.xmp_create_date;
  out.has_duration = v.has_duration;
  out.duration_s = v.duration_s;
  return out;
}

// Copies the fields and their problems into *out (JPEG structure is left to
// CheckJpegStructure) and notes when there is no EXIF block or nothing in it.
void TakeExif(const ExifFields& exif, bool has_block, FileInspection* out) {
  out->exif = Copy(exif);
  out->has_exif = AnyField(out->exif);
  for (const std::string& p : exif.problems) {
    if (p.rfind("JPEG ", 0) != 0) out->problems.push_back(p);
  }
  if (!has_block) {
    out->problems.push_back("no EXIF data");
  } else if (!out->has_exif) {
    out->problems.push_back("EXIF holds no time, camera or orientation field");
  }
  out->capture_time = NormaliseCaptureTime(&exif, nullptr);
}

void InspectImage(std::string_view bytes, FileInspection* out) {
  Result<ExifFields> exif = ReadExif(std::string(bytes.substr(0, 64 << 20)));
  if (!exif.ok()) {
    out->problems.push_back(exif.status().ToString());
    return;
  }
  TakeExif(*exif, !LocateExif(bytes).tiff.empty(), out);
  CheckJpegStructure(bytes, &out->problems);
}

// HEIF/HEIC: the primary image's Exif item, read through libheif.
void InspectHeif(std::string_view bytes, FileInspection* out) {
  bool found = false;
  Result<ExifFields> exif = ReadHeifExifFields(bytes, &found);
  if (!exif.ok()) {
    out->problems.push_back(exif.status().ToString());
    return;
  }
  TakeExif(*exif, found, out);
}

bool IsHeif(std::string_view bytes) {
  return SniffImageKind(std::string(bytes.substr(0, 16))) == ImageKind::kHeif;
}

}  // namespace

FileInspection InspectBytes(const std::string& name, std::string_view bytes) {
  FileInspection out;
  out.file = name;
  out.sha256 = Sha256Hex(bytes);
  VideoTimes video = ReadVideoTimes(bytes);
  if (!video.container.empty()) {
    out.has_video = true;
    out.video = Copy(video);
    out.problems = video.problems;
    out.capture_time = NormaliseCaptureTime(nullptr, &video);
  } else if (IsHeif(bytes)) {
    InspectHeif(bytes, &out);
  } else if (!LocateExif(bytes).container.empty()) {
    InspectImage(bytes, &out);
  } else {
    out.problems.push_back(
        "not a JPEG, PNG, WebP, TIFF, HEIF/HEIC, MP4/MOV, Matroska/WebM or AVI file");
  }
  if (!out.capture_time.known) out.problems.push_back("no capture time");
  return out;
}

FileInspection InspectFile(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    FileInspection out;
    out.file = path;
    out.status = file.status();
    return out;
  }
  return InspectBytes(path, file->bytes());
}

}  // namespace parcelproof
