#include "chat/builder.h"

#include "chat/chat_time.h"
#include "chat/line_reader.h"

namespace parcelproof::chat {
namespace {

constexpr size_t kMaxParticipants = 1000;

// a == b for the short strings of names and sides, without a call to memcmp.
bool SameShort(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

ConversationBuilder::ConversationBuilder(const ChatOptions& options, ConversationInfo* info,
                                         ConversationSink* sink)
    : options_(options), info_(info), sink_(sink), me_(options.me.begin(), options.me.end()) {}

void ConversationBuilder::Begin() {
  if (sink_ != nullptr) sink_->Begin(*info_);
}

void ConversationBuilder::Emit(ChatMessage* m, const SourceTime& t) {
  if (repair_utf8_) {
    uint64_t invalid = 0, first = 0;
    for (std::string* s : {&m->sender, &m->text}) {
      if (!IsValidUtf8(*s)) *s = RepairUtf8(*s, &invalid, &first);
    }
    for (std::string& a : m->attachments) {
      if (!IsValidUtf8(a)) a = RepairUtf8(a, &invalid, &first);
    }
    if (invalid > 0) {
      Problem("invalid UTF-8 in the message at byte " + std::to_string(m->span_begin) +
              ": shown as U+FFFD");
    }
  }
  m->has_time = t.valid;
  if (!t.valid) m->time.clear();
  if (t.valid) {
    m->local_seconds = t.local_seconds;
    if (t.has_offset) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - t.offset_minutes * 60;
      int shown = options_.has_zone ? options_.zone_offset_minutes : t.offset_minutes;
      m->local_seconds = m->utc_seconds + shown * 60;
      time_.Format(m->local_seconds, true, shown, &m->time);
    } else if (options_.has_zone) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - options_.zone_offset_minutes * 60;
      time_.Format(t.local_seconds, true, options_.zone_offset_minutes, &m->time);
    } else {
      m->zone_known = false;
      m->utc_seconds = t.local_seconds;
      time_.Format(t.local_seconds, false, 0, &m->time);
    }
  }
  if (!m->sender.empty()) {
    const std::string& side = SideOf(m->sender);
    if (!SameShort(m->side, side)) m->side = side;
  } else {
    m->side.clear();
  }
  if (!info_->media.empty()) TieMedia(*m);
  ++info_->message_count;
  if (sink_ != nullptr) sink_->Message(*m);
}

const std::string& ConversationBuilder::SideOf(const std::string& sender) {
  static const std::string kSeller = "seller";
  static const std::string kBuyer = "buyer";
  // Most conversations have a handful of senders: looked up among the
  // first few before the sets.
  for (const Known& k : known_) {
    if (SameShort(k.sender, sender)) return *k.side;
  }
  const std::string* side = me_.count(sender) ? &kSeller : &kBuyer;
  if (info_->participants.size() < kMaxParticipants && seen_.insert(sender).second) {
    info_->participants.push_back(sender);
  }
  if (known_.size() < kKnownSenders) known_.push_back({sender, side});
  return *side;
}

void ConversationBuilder::TieMedia(const ChatMessage& m) {
  if (media_index_.empty()) {
    for (size_t i = 0; i < info_->media.size(); ++i) media_index_.emplace(info_->media[i].name, i);
  }
  for (const std::string& a : m.attachments) {
    auto it = media_index_.find(a);
    if (it == media_index_.end()) continue;
    ChatMedia& media = info_->media[it->second];
    if (media.message >= 0) continue;
    media.message = static_cast<int64_t>(info_->message_count);
    media.side = m.side;
  }
}

void ConversationBuilder::Problem(const std::string& problem) {
  if (info_->problems.size() < kMaxProblems) {
    info_->problems.push_back(problem);
  } else {
    ++dropped_problems_;
  }
}

void ConversationBuilder::Finish() {
  if (dropped_problems_ > 0) {
    info_->problems.push_back(std::to_string(dropped_problems_) + " more problems not listed");
  }
}

}  // namespace parcelproof::chat
