// What every chat reader hands its messages to: times rendered in the
// requested zone, sides from the seller's names, participants, problems.
#ifndef PARCELPROOF_CHAT_BUILDER_H_
#define PARCELPROOF_CHAT_BUILDER_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "chat/chat_time.h"
#include "parcelproof/chat.h"

namespace parcelproof::chat {

// A message time as the file gives it.
struct SourceTime {
  bool valid = false;
  int64_t local_seconds = 0;  // wall time read as UTC
  bool has_offset = false;    // the file says the zone
  int offset_minutes = 0;
};

class ConversationBuilder {
 public:
  ConversationBuilder(const ChatOptions& options, ConversationInfo* info, ConversationSink* sink);
  // Calls the sink's Begin once the format is known.
  void Begin();
  // Fills time, zone_known, side; records the sender; passes it on. The
  // message's time and side then view the builder's own text until the next
  // Emit (its sender and text stay what the reader made them view).
  void Emit(ChatMessageView* message, const SourceTime& time);
  // At most kMaxProblems are kept; the last one says how many were left out.
  void Problem(const std::string& problem);
  void Finish();
  // Readers whose text may not be valid UTF-8 (e-mail) ask for repair.
  void set_repair_utf8(bool repair) { repair_utf8_ = repair; }

  static constexpr size_t kMaxProblems = 50;

 private:
  // Records, for a zip's media, the first message that attaches each.
  void TieMedia(const ChatMessageView& m);

  const ChatOptions& options_;
  ConversationInfo* info_;
  ConversationSink* sink_;
  std::set<std::string> seen_;
  std::set<std::string> me_;
  uint64_t dropped_problems_ = 0;
  bool repair_utf8_ = false;
  std::map<std::string, size_t> media_index_;
  // "seller" or "buyer"; records a new sender as a participant.
  std::string_view SideOf(std::string_view sender);
  // Repairs invalid UTF-8 in the message's strings (into repaired_).
  void RepairUtf8Of(ChatMessageView* m);

  struct Known {
    std::string sender;
    std::string_view side;
  };
  static constexpr size_t kKnownSenders = 8;

  TimeFormatter time_;
  char time_text_[TimeFormatter::kMaxTimeText] = {};
  std::string repaired_sender_;
  std::string repaired_text_;
  std::vector<Known> known_;  // the first kKnownSenders senders
};

}  // namespace parcelproof::chat

#endif  // PARCELPROOF_CHAT_BUILDER_H_
