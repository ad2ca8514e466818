#include "chat/builder.h"

#include "chat/chat_time.h"
#include "chat/line_reader.h"

namespace parcelproof::chat {
namespace {

constexpr size_t kMaxParticipants = 1000;

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
  if (t.valid) {
    m->local_seconds = t.local_seconds;
    if (t.has_offset) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - t.offset_minutes * 60;
      int shown = options_.has_zone ? options_.zone_offset_minutes : t.offset_minutes;
      m->local_seconds = m->utc_seconds + shown * 60;
      m->time = FormatWithOffset(m->local_seconds, shown);
    } else if (options_.has_zone) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - options_.zone_offset_minutes * 60;
      m->time = FormatWithOffset(t.local_seconds, options_.zone_offset_minutes);
    } else {
      m->zone_known = false;
      m->utc_seconds = t.local_seconds;
      m->time = FormatLocal(t.local_seconds);
    }
  }
  if (!m->sender.empty()) {
    m->side = me_.count(m->sender) ? "seller" : "buyer";
    if (info_->participants.size() < kMaxParticipants && seen_.insert(m->sender).second) {
      info_->participants.push_back(m->sender);
    }
  }
  if (!info_->media.empty()) TieMedia(*m);
  ++info_->message_count;
  if (sink_ != nullptr) sink_->Message(*m);
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
