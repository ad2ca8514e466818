// Test videos generated at test time with the ffmpeg command-line tool
// (Debian's ffmpeg, built on the same libraries parcelproof reads with):
// a barcode label panned through the frame, portrait phone video with a
// rotation matrix, splices, timestamp gaps, edit lists, variable frame rate.
#ifndef PARCELPROOF_TESTS_VIDEO_GEN_H_
#define PARCELPROOF_TESTS_VIDEO_GEN_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parcelproof::testing {

// True when the ffmpeg tool with libx264 is available (tests skip otherwise).
bool HaveFfmpeg();

#define SKIP_WITHOUT_FFMPEG() \
  if (!HaveFfmpeg()) GTEST_SKIP() << "ffmpeg with libx264 not installed"

// The barcode with this text in one video of scan --json, or nullptr.
inline const nlohmann::json* FindCode(const nlohmann::json& video, const std::string& text) {
  for (const nlohmann::json& b : video["barcodes"])
    if (b["text"] == text) return &b;
  return nullptr;
}

// Runs ffmpeg -y -loglevel error ARGS...; true on success.
bool RunFfmpeg(const std::vector<std::string>& args);

// A white label card (PNG) with a tracking-number Code 128 and a QR code.
void WriteTrackingLabel(const std::string& png, const std::string& tracking, int width = 420,
                        int height = 260);

struct LabelClipSpec {
  std::string label_png;  // overlaid on a grey background
  int width = 640;
  int height = 360;
  double seconds = 4;
  int fps = 30;
  double shown_from = 1;  // the label is in the frame from..to (seconds)
  double shown_to = 3;
  bool pan = true;  // moves left to right while shown (else still, centred)
  int gop = 30;     // key frame interval in frames
  std::string codec = "libx264";
  std::vector<std::string> extra;  // more output options before the file name
};

// Encodes a clip of a label crossing a grey frame; true on success.
bool MakeLabelClip(const LabelClipSpec& spec, const std::string& out);

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_VIDEO_GEN_H_
