// ReadExif: locate the block by hand (bounded), walk its structure by hand
// for problems, then let libexif decode the bounded block.
#include "exif/exif_reader.h"

#include <libexif/exif-data.h>
#include <libexif/exif-log.h>

#include <cstdarg>
#include <cstdio>
#include <memory>

#include "exif/exif_gps.h"
#include "exif/exif_locate.h"
#include "exif/exif_time.h"
#include "exif/tiff_check.h"

namespace parcelproof {
namespace {

// Larger EXIF blocks are refused (a bare TIFF file is one whole block).
constexpr size_t kMaxExifBytes = 64 << 20;

struct LogSink {
  std::vector<std::string> messages;
};

void OnLog(ExifLog*, ExifLogCode code, const char*, const char* format, va_list args, void* data) {
  if (code != EXIF_LOG_CODE_CORRUPT_DATA && code != EXIF_LOG_CODE_NO_MEMORY) return;
  auto* sink = static_cast<LogSink*>(data);
  if (sink->messages.size() >= 5) return;
  char buf[256];
  std::vsnprintf(buf, sizeof buf, format, args);
  sink->messages.push_back(buf);
}

struct ExifDataDeleter {
  void operator()(ExifData* d) const { exif_data_unref(d); }
};
struct ExifLogDeleter {
  void operator()(ExifLog* l) const { exif_log_unref(l); }
};

// Reads ASCII fields of one decoded block, noting malformed ones.
struct AsciiReader {
  ExifData* d;
  std::vector<std::string>* problems;

  // The value of tag in ifd, trimmed; "" when absent or not text. A string
  // without its NUL terminator is read within its count and reported.
  std::string Get(ExifIfd ifd, int tag, const char* name) const {
    ExifEntry* e = exif_content_get_entry(d->ifd[ifd], static_cast<ExifTag>(tag));
    if (e == nullptr || e->data == nullptr || e->size == 0) return "";
    if (e->format != EXIF_FORMAT_ASCII && e->format != EXIF_FORMAT_UNDEFINED) {
      problems->push_back(std::string(name) + " is not text");
      return "";
    }
    if (e->format == EXIF_FORMAT_ASCII && e->data[e->size - 1] != '\0') {
      problems->push_back(std::string(name) + " is not NUL-terminated");
    }
    return TrimExifString(std::string(reinterpret_cast<const char*>(e->data), e->size));
  }

  // Looks in the EXIF IFD first, then IFD0 (some writers misplace tags).
  std::string Exif(int tag, const char* name) const {
    std::string v = Get(EXIF_IFD_EXIF, tag, name);
    return v.empty() ? Get(EXIF_IFD_0, tag, name) : v;
  }
};

void ReadOrientation(ExifData* d, ExifFields* f) {
  ExifEntry* e = exif_content_get_entry(d->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (e == nullptr) return;
  if (e->format != EXIF_FORMAT_SHORT || e->data == nullptr || e->size < 2) {
    f->problems.push_back("Orientation has the wrong type");
    return;
  }
  int v = exif_get_short(e->data, exif_data_get_byte_order(d));
  if (v >= 1 && v <= 8) {
    f->orientation = v;
  } else {
    f->problems.push_back("invalid Orientation " + std::to_string(v));
  }
}

void CheckTimes(ExifFields* f) {
  struct Named {
    const std::string* value;
    const char* name;
  };
  const Named dates[] = {{&f->date_time_original, "DateTimeOriginal"},
                         {&f->date_time_digitized, "DateTimeDigitized"},
                         {&f->date_time, "DateTime"}};
  for (const Named& n : dates) {
    CivilTime t;
    std::string why;
    if (!n.value->empty() && !ParseExifDateTime(*n.value, n.name, &t, &why))
      f->problems.push_back(why);
  }
  const Named offsets[] = {{&f->offset_time_original, "OffsetTimeOriginal"},
                           {&f->offset_time_digitized, "OffsetTimeDigitized"},
                           {&f->offset_time, "OffsetTime"}};
  for (const Named& n : offsets) {
    int minutes = 0;
    std::string why;
    if (!n.value->empty() && !ParseExifOffset(*n.value, n.name, &minutes, &why))
      f->problems.push_back(why);
  }
  const Named subsecs[] = {{&f->subsec_time_original, "SubSecTimeOriginal"},
                           {&f->subsec_time_digitized, "SubSecTimeDigitized"}};
  for (const Named& n : subsecs) {
    int64_t us = 0;
    if (!n.value->empty() && !ParseSubSec(*n.value, &us)) {
      f->problems.push_back("malformed " + std::string(n.name) + " '" + *n.value + "'");
    }
  }
}

void ReadFields(ExifData* d, ExifFields* f) {
  AsciiReader r{d, &f->problems};
  f->date_time_original = r.Exif(EXIF_TAG_DATE_TIME_ORIGINAL, "DateTimeOriginal");
  f->subsec_time_original = r.Exif(EXIF_TAG_SUB_SEC_TIME_ORIGINAL, "SubSecTimeOriginal");
  f->offset_time_original = r.Exif(0x9011, "OffsetTimeOriginal");
  f->date_time_digitized = r.Exif(EXIF_TAG_DATE_TIME_DIGITIZED, "DateTimeDigitized");
  f->subsec_time_digitized = r.Exif(EXIF_TAG_SUB_SEC_TIME_DIGITIZED, "SubSecTimeDigitized");
  f->offset_time_digitized = r.Exif(0x9012, "OffsetTimeDigitized");
  f->offset_time = r.Exif(0x9010, "OffsetTime");
  f->date_time = r.Get(EXIF_IFD_0, EXIF_TAG_DATE_TIME, "DateTime");
  f->make = r.Get(EXIF_IFD_0, EXIF_TAG_MAKE, "Make");
  f->model = r.Get(EXIF_IFD_0, EXIF_TAG_MODEL, "Model");
  f->software = r.Get(EXIF_IFD_0, EXIF_TAG_SOFTWARE, "Software");
  ReadOrientation(d, f);
  ReadGps(d, f);
  CheckTimes(f);
}

// Checks and decodes one TIFF block into *fields (problems appended).
Status ParseTiff(std::string_view tiff, ExifFields* fields) {
  if (tiff.size() > kMaxExifBytes) {
    fields->problems.push_back("EXIF block of " + std::to_string(tiff.size()) +
                               " bytes refused (limit " + std::to_string(kMaxExifBytes) + ")");
    return Status::Ok();
  }
  CheckTiffStructure(tiff, &fields->problems);
  std::string buf = std::string("Exif\0\0", 6) + std::string(tiff);
  std::unique_ptr<ExifData, ExifDataDeleter> data(exif_data_new());
  std::unique_ptr<ExifLog, ExifLogDeleter> log(exif_log_new());
  if (!data || !log) return Status::Internal("libexif: out of memory");
  LogSink sink;
  exif_log_set_func(log.get(), OnLog, &sink);
  exif_data_log(data.get(), log.get());
  exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_unset_option(data.get(), EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
  exif_data_load_data(data.get(), reinterpret_cast<const unsigned char*>(buf.data()),
                      static_cast<unsigned int>(buf.size()));
  for (const std::string& m : sink.messages) fields->problems.push_back("libexif: " + m);
  ReadFields(data.get(), fields);
  return Status::Ok();
}

}  // namespace

Result<ExifFields> ReadExif(const std::string& file_bytes) {
  ExifFields fields;
  ExifBlock block = LocateExif(file_bytes);
  fields.problems = block.problems;
  if (block.tiff.empty()) return fields;
  PP_RETURN_IF_ERROR(ParseTiff(block.tiff, &fields));
  return fields;
}

Result<ExifFields> ReadExifBlock(std::string_view block) {
  ExifFields fields;
  std::string_view tiff = UnwrapExifBlock(block);
  if (block.empty()) return fields;
  if (tiff.empty()) {
    fields.problems.push_back("EXIF block has no TIFF header");
    return fields;
  }
  PP_RETURN_IF_ERROR(ParseTiff(tiff, &fields));
  return fields;
}

}  // namespace parcelproof
