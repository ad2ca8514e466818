// parcelproof inspect FILE... [--json]: sha256, raw time fields and one
// normalised capture time per file. No store needed.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "json_out.h"
#include "parcelproof/inspect.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] = "parcelproof inspect FILE... [--json]";

void Line(const char* label, const std::string& value) {
  if (!value.empty()) std::printf("  %-22s %s\n", label, value.c_str());
}

void PrintText(const FileInspection& f) {
  std::printf("%s\n", f.file.c_str());
  if (!f.status.ok()) {
    std::printf("  error: %s\n", f.status.ToString().c_str());
    return;
  }
  Line("sha256", f.sha256);
  if (f.capture_time.known) {
    Line("capture time", f.capture_time.value + "  (" + f.capture_time.source + ")");
  }
  const InspectedExif& e = f.exif;
  Line("DateTimeOriginal", e.date_time_original);
  Line("SubSecTimeOriginal", e.subsec_time_original);
  Line("OffsetTimeOriginal", e.offset_time_original);
  Line("DateTimeDigitized", e.date_time_digitized);
  Line("DateTime", e.date_time);
  Line("GPS date/time (UTC)", e.gps_date_time);
  if (e.orientation) Line("Orientation", std::to_string(e.orientation));
  Line("Make", e.make);
  Line("Model", e.model);
  Line("Software", e.software);
  Line("container", f.video.container);
  Line("creation time (UTC)", f.video.creation_time);
  Line("creation time (local)", f.video.creation_time_local);
  Line("QuickTime creationdate", f.video.quicktime_creation_date);
  Line("XMP CreateDate", f.video.xmp_create_date);
  if (f.video.has_duration) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f s", f.video.duration_s);
    Line("duration", buf);
  }
  for (const std::string& p : f.problems) std::printf("  problem: %s\n", p.c_str());
}

}  // namespace

int RunInspect(int argc, char** argv) {
  Result<Args> args = Args::Parse(argc, argv, 2, ArgSpec{{"--json", "--help"}, {}, {}});
  if (!args.ok()) return Usage("inspect", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().empty()) return Usage("inspect", "no file given", kSynopsis);
  std::vector<FileInspection> files;
  int exit_code = kExitOk;
  for (const std::string& path : args->positionals()) {
    files.push_back(InspectFile(path));
    if (!files.back().status.ok()) {
      std::fprintf(stderr, "parcelproof: %s\n", files.back().status.ToString().c_str());
      exit_code = kExitInput;
    }
  }
  if (args->Has("--json")) {
    PrintJsonDocument(InspectReportJson(files));
  } else {
    for (const FileInspection& f : files) PrintText(f);
  }
  return exit_code;
}

}  // namespace parcelproof::cli
