// Renders the help table (help_text.h) as terminal text, a man page (roff)
// and a bash completion script.
#ifndef PARCELPROOF_CLI_HELP_RENDER_H_
#define PARCELPROOF_CLI_HELP_RENDER_H_

#include <string>

#include "help_text.h"

namespace parcelproof::cli {

// The verb list shown by `parcelproof help`; ends with a newline.
std::string OverviewText();
// `parcelproof VERB --help`: synopsis, description, options with their
// defaults, examples, exit codes; wrapped at 80 columns; ends with a newline.
std::string VerbHelpText(const VerbHelp& verb);
// parcelproof(1) in roff, every verb a section.
std::string ManPage();
// A bash completion script for `complete -F`.
std::string BashCompletion();
// "parcelproof 0.2.0".
std::string VersionLine();

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_HELP_RENDER_H_
