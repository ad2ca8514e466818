// The verb table. Each binary links its own: cli/front/verbs_front.cc for the
// light `parcelproof` (no FFmpeg, OpenCV, ZXing, Tesseract, Pango or GMime),
// cli/media/verbs_media.cc for `parcelproof-media`, which runs every verb.
#ifndef PARCELPROOF_CLI_VERBS_H_
#define PARCELPROOF_CLI_VERBS_H_

#include <string>

namespace parcelproof::cli {

struct Verb {
  const char* name;
  int (*run)(int, char**);  // nullptr: the verb runs in parcelproof-media
};

// The verb called name in this binary's table, or nullptr.
const Verb* FindVerb(const std::string& name);

// Replaces this process with parcelproof-media and the same arguments: next to
// this executable (the build tree), else in the install layout
// (<prefix>/libexec/parcelproof/). Returns only when that fails, with a
// one-line message on stderr and kExitInternal.
int RunInMedia(int argc, char** argv);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_VERBS_H_
