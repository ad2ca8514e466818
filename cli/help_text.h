// The command line's own documentation, as data: one entry per verb with its
// synopsis, description, every option with its default, examples and exit
// codes. `VERB --help`, `help VERB`, the man page and the bash completion are
// all rendered from it (help_render.cc), so they cannot drift apart.
#ifndef PARCELPROOF_CLI_HELP_TEXT_H_
#define PARCELPROOF_CLI_HELP_TEXT_H_

#include <vector>

namespace parcelproof::cli {

struct OptionHelp {
  const char* flag;      // "--jobs N", "-o FILE"; the first word is the option
  const char* text;      // what it does
  const char* fallback;  // the default, "" when none or a flag
};

struct VerbHelp {
  const char* name;
  const char* summary;   // one line, for the verb list
  const char* synopsis;  // without the leading "parcelproof "
  const char* description;
  std::vector<OptionHelp> options;
  std::vector<const char*> examples;
  const char* exit_codes;
};

// Every verb, in the order `parcelproof help` lists them.
const std::vector<VerbHelp>& VerbHelps();
// The entry for a verb; nullptr when unknown.
const VerbHelp* FindVerbHelp(const char* name);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_HELP_TEXT_H_
