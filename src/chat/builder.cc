#include "chat/builder.h"

#include <cstdint>
#include <cstring>

#include "chat/chat_time.h"
#include "chat/line_reader.h"

namespace parcelproof::chat {
namespace {

constexpr size_t kMaxParticipants = 1000;

// Equality of short strings (names) without a call to memcmp: eight bytes
// at a time, the last eight overlapping.
bool SameShort(std::string_view a, std::string_view b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  auto word = [](std::string_view s, size_t at) {
    uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    return w;
  };
  for (size_t i = 0; i + 8 < n; i += 8) {
    if (word(a, i) != word(b, i)) return false;
  }
  return word(a, n - 8) == word(b, n - 8);
}

}  // namespace

ConversationBuilder::ConversationBuilder(const ChatOptions& options, ConversationInfo* info,
                                         ConversationSink* sink)
    : options_(options), info_(info), sink_(sink), me_(options.me.begin(), options.me.end()) {}

void ConversationBuilder::Begin() {
  if (sink_ != nullptr) sink_->Begin(*info_);
}

void ConversationBuilder::RepairUtf8Of(ChatMessageView* m) {
  uint64_t invalid = 0, first = 0;
  if (!IsValidUtf8(m->sender)) {
    repaired_sender_ = RepairUtf8(m->sender, &invalid, &first);
    m->sender = repaired_sender_;
  }
  if (!IsValidUtf8(m->text)) {
    repaired_text_ = RepairUtf8(m->text, &invalid, &first);
    m->text = repaired_text_;
  }
  for (std::string& a : m->attachments) {
    if (!IsValidUtf8(a)) a = RepairUtf8(a, &invalid, &first);
  }
  if (invalid > 0) {
    Problem("invalid UTF-8 in the message at byte " + std::to_string(m->span_begin) +
            ": shown as U+FFFD");
  }
}

void ConversationBuilder::Emit(ChatMessageView* m, const SourceTime& t) {
  if (repair_utf8_) RepairUtf8Of(m);
  m->has_time = t.valid;
  m->zone_known = false;
  m->time = std::string_view();
  if (t.valid) {
    size_t n;
    m->local_seconds = t.local_seconds;
    if (t.has_offset) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - t.offset_minutes * 60;
      int shown = options_.has_zone ? options_.zone_offset_minutes : t.offset_minutes;
      m->local_seconds = m->utc_seconds + shown * 60;
      n = time_.Format(m->local_seconds, true, shown, time_text_);
    } else if (options_.has_zone) {
      m->zone_known = true;
      m->utc_seconds = t.local_seconds - options_.zone_offset_minutes * 60;
      n = time_.Format(t.local_seconds, true, options_.zone_offset_minutes, time_text_);
    } else {
      m->utc_seconds = t.local_seconds;
      n = time_.Format(t.local_seconds, false, 0, time_text_);
    }
    m->time = std::string_view(time_text_, n);
  } else {
    m->local_seconds = m->utc_seconds = 0;
  }
  m->side = m->sender.empty() ? std::string_view() : SideOf(m->sender);
  if (!info_->media.empty()) TieMedia(*m);
  ++info_->message_count;
  if (sink_ != nullptr) sink_->Message(*m);
}

std::string_view ConversationBuilder::SideOf(std::string_view sender) {
  using std::string_view_literals::operator""sv;
  // Most conversations have a handful of senders: looked up among the
  // first few before the sets.
  for (const Known& k : known_) {
    if (SameShort(k.sender, sender)) return k.side;
  }
  std::string name(sender);
  std::string_view side = me_.count(name) ? "seller"sv : "buyer"sv;
  if (info_->participants.size() < kMaxParticipants && seen_.insert(name).second) {
    info_->participants.push_back(name);
  }
  if (known_.size() < kKnownSenders) known_.push_back({std::move(name), side});
  return side;
}

void ConversationBuilder::TieMedia(const ChatMessageView& m) {
  if (media_index_.empty()) {
    for (size_t i = 0; i < info_->media.size(); ++i) media_index_.emplace(info_->media[i].name, i);
  }
  for (const std::string& a : m.attachments) {
    auto it = media_index_.find(a);
    if (it == media_index_.end()) continue;
    ChatMedia& media = info_->media[it->second];
    if (media.message >= 0) continue;
    media.message = static_cast<int64_t>(info_->message_count);
    media.side = std::string(m.side);
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
