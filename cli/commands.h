// One function per verb, each in its own file: parse, call the library,
// print, return an exit code (see exit_codes.h).
#ifndef PARCELPROOF_CLI_COMMANDS_H_
#define PARCELPROOF_CLI_COMMANDS_H_

namespace parcelproof::cli {

// argv[0] is the program, argv[1] the verb; options start at argv[2].
int RunScan(int argc, char** argv);
int RunCheck(int argc, char** argv);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_COMMANDS_H_
