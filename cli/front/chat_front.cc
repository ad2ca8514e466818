// `chat` in the light front end: text exports, Telegram and marketplace files
// are read here; when any argument is an e-mail or mbox file (read through
// GMime, which this binary does not link) the whole command runs in
// parcelproof-media, before anything is printed.
#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "front.h"
#include "parcelproof/chat.h"
#include "verbs.h"

namespace parcelproof::cli {
namespace {

// The bytes the chat reader recognises formats by (chat/conversation.cc).
constexpr size_t kHeadBytes = 64 << 10;

// True when path is a readable regular file whose first bytes are mail
// (pipes and devices are not read: their bytes would be gone for the reader).
bool IsMailFile(const char* path) {
  struct stat st {};
  if (::stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path, "rb"), &std::fclose);
  if (!f) return false;
  std::string head(kHeadBytes, '\0');
  head.resize(std::fread(&head[0], 1, head.size(), f.get()));
  std::string format = SniffConversationFormat(head);
  return format == "email" || format == "mbox";
}

}  // namespace

int RunChatFront(int argc, char** argv) {
  // Every argument is looked at, option values included: a value that names
  // a mail file only costs the media binary's start-up.
  for (int i = 2; i < argc; ++i) {
    if (IsMailFile(argv[i])) return RunInMedia(argc, argv);
  }
  return RunChat(argc, argv);
}

}  // namespace parcelproof::cli
