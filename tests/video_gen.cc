#include "video_gen.h"

#include <cstdio>

#include "cli_runner.h"
#include "synthetic_label.h"

namespace parcelproof::testing {

bool HaveFfmpeg() {
  static const bool have =
      HaveProgram("ffmpeg") &&
      RunProgram("ffmpeg", {"-hide_banner", "-encoders"}).out.find("libx264") != std::string::npos;
  return have;
}

bool RunFfmpeg(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"-hide_banner", "-nostdin", "-y", "-loglevel", "error"};
  all.insert(all.end(), args.begin(), args.end());
  CliRun r = RunProgram("ffmpeg", all);
  if (r.exit_code != 0) std::fprintf(stderr, "ffmpeg failed: %s\n", r.err.c_str());
  return r.exit_code == 0;
}

void WriteTrackingLabel(const std::string& png, const std::string& tracking, int width,
                        int height) {
  WriteSyntheticLabel(png, width, height,
                      {{"Code128", tracking, 20, 20, width - 40, height * 45 / 100},
                       {"QRCode", "tracking=" + tracking, 20, height * 55 / 100, height * 40 / 100,
                        height * 40 / 100}},
                      0);
}

bool MakeLabelClip(const LabelClipSpec& s, const std::string& out) {
  char bg[160], overlay[400];
  std::snprintf(bg, sizeof bg, "color=c=0x707070:s=%dx%d:r=%d:d=%g", s.width, s.height, s.fps,
                s.seconds);
  double span = s.shown_to - s.shown_from;
  if (s.pan) {
    std::snprintf(overlay, sizeof overlay,
                  "[0][1]overlay=x='(W-w)*0.2+(W-w)*0.6*(t-%g)/%g':y='(H-h)/2':"
                  "enable='between(t,%g,%g)':shortest=1,format=yuv420p",
                  s.shown_from, span, s.shown_from, s.shown_to);
  } else {
    std::snprintf(overlay, sizeof overlay,
                  "[0][1]overlay=x='(W-w)/2':y='(H-h)/2':enable='between(t,%g,%g)':shortest=1,"
                  "format=yuv420p",
                  s.shown_from, s.shown_to);
  }
  std::vector<std::string> args = {
      "-f",        "lavfi",           "-i",    bg,     "-loop", "1",  "-i",
      s.label_png, "-filter_complex", overlay, "-c:v", s.codec, "-g", std::to_string(s.gop)};
  if (s.codec == "libx264") {
    for (const char* a : {"-preset", "ultrafast", "-tune", "stillimage"}) args.push_back(a);
  }
  args.insert(args.end(), s.extra.begin(), s.extra.end());
  args.push_back(out);
  return RunFfmpeg(args);
}

}  // namespace parcelproof::testing
