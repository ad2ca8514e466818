// parcelproof chat FILE... [--zone +08:00] [--me NAME...] [--json]: the
// conversation in each chat export, e-mail or marketplace copy. No store.
#include <cstdio>
#include <string>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "parcelproof/chat.h"
#include "parcelproof/version.h"

namespace parcelproof::cli {
namespace {

const char kSynopsis[] = "parcelproof chat FILE... [--zone +08:00] [--me NAME...] [--json]";

// Prints each message as it is read: "time  side  sender: text".
class TextPrinter : public ConversationSink {
 public:
  void Begin(const ConversationInfo& info) override {
    std::printf("%s\n  sha256  %s\n", DisplaySafe(info.file, false).c_str(), info.sha256.c_str());
  }
  void Message(const ChatMessageView& m) override {
    std::string who = m.sender.empty()
                          ? "(system)"
                          : std::string(m.side) + " " + DisplaySafe(std::string(m.sender), false);
    std::string flags;
    for (const std::string& f : m.flags) flags += " [" + f + "]";
    for (const std::string& a : m.attachments) flags += " [attached " + DisplaySafe(a, false) + "]";
    std::string text(m.text);
    for (size_t i = 0; (i = text.find('\n', i)) != std::string::npos; i += 2) {
      text.replace(i, 1, "\n                            ");
    }
    std::string time = m.has_time ? std::string(m.time) : "(no time)";
    std::printf("  %-26s %s: %s%s\n", time.c_str(), who.c_str(), DisplaySafe(text, true).c_str(),
                flags.c_str());
  }
  void End(const ConversationInfo& info) {
    std::printf("  format %s, %llu message(s), participants:", info.format.c_str(),
                static_cast<unsigned long long>(info.message_count));
    for (const std::string& p : info.participants)
      std::printf(" %s;", DisplaySafe(p, false).c_str());
    std::printf("\n");
    if (!info.member.empty()) {
      std::printf("  zip member %s (sha256 %s), %zu media file(s)\n",
                  DisplaySafe(info.member, false).c_str(), info.member_sha256.c_str(),
                  info.media.size());
    }
    for (const ChatMedia& m : info.media) {
      std::string at = m.message >= 0 ? "message " + std::to_string(m.message) : "no message";
      std::printf("  media %s %s (%s)\n", m.sha256.substr(0, 12).c_str(),
                  DisplaySafe(m.name, false).c_str(), at.c_str());
    }
    for (const std::string& p : info.problems) std::printf("  problem: %s\n", p.c_str());
  }
};

}  // namespace

int RunChat(int argc, char** argv) {
  Result<Args> args =
      Args::Parse(argc, argv, 2, ArgSpec{{"--json", "--help"}, {"--zone"}, {"--me"}});
  if (!args.ok()) return Usage("chat", args.status().message(), kSynopsis);
  if (args->Has("--help")) {
    std::printf("usage: %s\n", kSynopsis);
    return kExitOk;
  }
  if (args->positionals().empty()) return Usage("chat", "no file given", kSynopsis);
  ChatOptions options;
  if (args->Has("--zone")) {
    Result<int> zone = ParseZoneOffset(args->Get("--zone"));
    if (!zone.ok()) return Usage("chat", zone.status().message(), kSynopsis);
    options.has_zone = true;
    options.zone_offset_minutes = *zone;
  }
  options.me = args->GetAll("--me");
  bool json = args->Has("--json");
  ConversationJsonWriter writer(stdout);
  TextPrinter printer;
  if (json) writer.BeginDocument(Version());
  int exit_code = kExitOk;
  for (const std::string& path : args->positionals()) {
    ConversationSink* sink = json ? static_cast<ConversationSink*>(&writer) : &printer;
    Result<ConversationInfo> info = ReadConversation(path, options, sink);
    if (!info.ok()) {
      std::fprintf(stderr, "parcelproof: %s\n", info.status().ToString().c_str());
      if (json) writer.Failed(path, info.status().ToString());
      exit_code = kExitInput;
      continue;
    }
    if (json) {
      writer.End(*info);
    } else {
      printer.End(*info);
    }
    if (!info->recognised()) {
      std::fprintf(stderr, "parcelproof: %s: %s\n", path.c_str(), info->problems.front().c_str());
      exit_code = kExitInput;
    }
  }
  if (json) writer.EndDocument();
  return exit_code;
}

}  // namespace parcelproof::cli
