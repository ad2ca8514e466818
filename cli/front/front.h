// Verbs of the light front end that differ from their media versions.
#ifndef PARCELPROOF_CLI_FRONT_FRONT_H_
#define PARCELPROOF_CLI_FRONT_FRONT_H_

namespace parcelproof::cli {

// `chat`: RunChat here, or parcelproof-media when an argument is mail.
int RunChatFront(int argc, char** argv);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_FRONT_FRONT_H_
