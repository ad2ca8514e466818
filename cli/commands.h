// One function per verb, each in its own file: parse, call the library,
// print, return an exit code (see exit_codes.h).
#ifndef PARCELPROOF_CLI_COMMANDS_H_
#define PARCELPROOF_CLI_COMMANDS_H_

namespace parcelproof::cli {

// argv[0] is the program, argv[1] the verb; options start at argv[2].
int RunScan(int argc, char** argv);
int RunCheck(int argc, char** argv);
int RunKeygen(int argc, char** argv);
int RunBundle(int argc, char** argv);
int RunVerify(int argc, char** argv);
int RunUploadSet(int argc, char** argv);
int RunInit(int argc, char** argv);
int RunOrders(int argc, char** argv);
int RunIngest(int argc, char** argv);
int RunShow(int argc, char** argv);
int RunExport(int argc, char** argv);
int RunLog(int argc, char** argv);
int RunFsck(int argc, char** argv);
int RunInspect(int argc, char** argv);
int RunTimeline(int argc, char** argv);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_COMMANDS_H_
