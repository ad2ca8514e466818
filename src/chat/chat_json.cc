// JSON of conversations (schemas/conversation.schema.json), written as the
// messages arrive so that a 200 MB export never sits in memory.
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "chat/line_reader.h"
#include "parcelproof/chat.h"

namespace parcelproof {
namespace {

struct EscapeTable {
  bool needs[256] = {};
  EscapeTable() {
    for (int c = 0; c < 0x20; ++c) needs[c] = true;
    needs[static_cast<unsigned char>('"')] = needs[static_cast<unsigned char>('\\')] = true;
    needs[0x7f] = true;
  }
};
const EscapeTable kEscape;

// Writes the JSON escape of c (at most 6 bytes) at p; returns its end.
char* WriteEscape(char* p, unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  *p++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *p++ = static_cast<char>(c);
      break;
    case '\n':
      *p++ = 'n';
      break;
    case '\r':
      *p++ = 'r';
      break;
    case '\t':
      *p++ = 't';
      break;
    default:
      *p++ = 'u';
      *p++ = '0';
      *p++ = '0';
      *p++ = kHex[c >> 4];
      *p++ = kHex[c & 15];
  }
  return p;
}

void AppendEscaped(std::string* out, unsigned char c) {
  char buf[6];
  out->append(buf, static_cast<size_t>(WriteEscape(buf, c) - buf));
}

// The first byte at or after i that needs escaping, or s.size().
size_t NextEscape(std::string_view s, size_t i) {
#if defined(__SSE2__)
  // Sixteen bytes at a time: below 0x20, '"', '\\' or 0x7F.
  const __m128i control = _mm_set1_epi8(0x1F);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, control), control), _mm_cmpeq_epi8(v, quote)),
        _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < s.size() && !kEscape.needs[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Runs of plain bytes are appended whole. Message texts are valid UTF-8
// already (the readers repair them); other strings are checked.
void AppendString(std::string* out, std::string_view s, bool known_valid = false) {
  std::string fixed;
  if (!known_valid && !chat::IsValidUtf8(s)) {
    uint64_t invalid = 0, first = 0;
    fixed = chat::RepairUtf8(s, &invalid, &first);
    s = fixed;
  }
  out->push_back('"');
  size_t run = 0;
  for (size_t i = NextEscape(s, 0); i < s.size(); i = NextEscape(s, run)) {
    out->append(s.data() + run, i - run);
    AppendEscaped(out, static_cast<unsigned char>(s[i]));
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendStrings(std::string* out, const std::vector<std::string>& v) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendString(out, v[i]);
  }
  out->push_back(']');
}

// Writes into room made at the end of a string (one size check per message
// instead of one per piece); Finish gives back what was not used.
class RawWriter {
 public:
  RawWriter(std::string* out, size_t room) : out_(out), old_(out->size()) {
    out->resize(old_ + room);
    p_ = &(*out)[old_];
  }
  void Raw(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // At most 6 * s.size() + 2 bytes.
  void Escaped(std::string_view s) {
    *p_++ = '"';
    size_t run = 0;
    for (size_t i = NextEscape(s, 0); i < s.size(); i = NextEscape(s, run)) {
      Raw(s.substr(run, i - run));
      Escape(static_cast<unsigned char>(s[i]));
      run = i + 1;
    }
    Raw(s.substr(run));
    *p_++ = '"';
  }
  void Number(uint64_t n) { p_ = std::to_chars(p_, p_ + 20, n).ptr; }
  void Finish() { out_->resize(static_cast<size_t>(p_ - out_->data())); }

 private:
  void Escape(unsigned char c) { p_ = WriteEscape(p_, c); }

  std::string* out_;
  size_t old_;
  char* p_;
};

constexpr size_t kEscapedRoom = 6;  // bytes per input byte, at most

// flags and span: the end of a message.
template <typename Str>
void WriteTail(RawWriter* w, const BasicChatMessage<Str>& m) {
  using std::string_view_literals::operator""sv;
  w->Raw(",\"flags\":["sv);
  for (size_t i = 0; i < m.flags.size(); ++i) {
    if (i > 0) w->Raw(","sv);
    w->Escaped(m.flags[i]);
  }
  w->Raw("],\"span\":["sv);
  w->Number(m.span_begin);
  w->Raw(","sv);
  w->Number(m.span_end);
  w->Raw("]}"sv);
}

template <typename Str>
size_t TailRoom(const BasicChatMessage<Str>& m) {
  size_t room = 64;
  for (const std::string& f : m.flags) room += kEscapedRoom * f.size() + 3;
  return room;
}

// Times, sides and flags are ASCII the readers make; sender and text are
// valid UTF-8 (the readers repair them); attachments are checked.
template <typename Str>
void AppendMessage(std::string* out, const BasicChatMessage<Str>& m) {
  using std::string_view_literals::operator""sv;
  size_t room = 128 + TailRoom(m) +
                kEscapedRoom * (m.time.size() + m.sender.size() + m.side.size() + m.text.size());
  RawWriter w(out, room);
  w.Raw("{\"time\":"sv);
  if (m.has_time) {
    w.Escaped(m.time);
  } else {
    w.Raw("null"sv);
  }
  w.Raw(m.zone_known ? ",\"zone_known\":true"sv : ",\"zone_known\":false"sv);
  if (!m.sender.empty()) {
    w.Raw(",\"sender\":"sv);
    w.Escaped(m.sender);
    w.Raw(",\"side\":"sv);
    w.Escaped(m.side);
  }
  w.Raw(",\"text\":"sv);
  w.Escaped(m.text);
  if (m.attachments.empty()) {
    w.Raw(",\"attachments\":[]"sv);
    WriteTail(&w, m);
    w.Finish();
    return;
  }
  w.Raw(",\"attachments\":"sv);
  w.Finish();
  AppendStrings(out, m.attachments);
  RawWriter tail(out, TailRoom(m));
  WriteTail(&tail, m);
  tail.Finish();
}

void AppendHead(std::string* out, const ConversationInfo& info) {
  *out += "{\"file\":";
  AppendString(out, info.file);
  *out += ",\"messages\":[";
}

void AppendTail(std::string* out, const ConversationInfo& info) {
  *out += "],\"format\":";
  AppendString(out, info.format);
  *out += ",\"sha256\":";
  AppendString(out, info.sha256);
  *out += ",\"message_count\":" + std::to_string(info.message_count);
  *out += ",\"participants\":";
  AppendStrings(out, info.participants);
  *out += ",\"problems\":";
  AppendStrings(out, info.problems);
  if (!info.member.empty()) {
    *out += ",\"member\":";
    AppendString(out, info.member);
    *out += ",\"member_sha256\":";
    AppendString(out, info.member_sha256);
    *out += ",\"media\":[";
    for (size_t i = 0; i < info.media.size(); ++i) {
      const ChatMedia& m = info.media[i];
      *out += i > 0 ? ",{\"name\":" : "{\"name\":";
      AppendString(out, m.name);
      *out += ",\"sha256\":";
      AppendString(out, m.sha256);
      *out += ",\"size\":" + std::to_string(m.size);
      if (m.message >= 0) *out += ",\"message\":" + std::to_string(m.message);
      *out += "}";
    }
    *out += "]";
  }
  *out += "}";
}

}  // namespace

std::string ConversationJson(const Conversation& c) {
  std::string out;
  AppendHead(&out, c.info);
  for (size_t i = 0; i < c.messages.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendMessage(&out, c.messages[i]);
  }
  AppendTail(&out, c.info);
  return out;
}

ConversationJsonWriter::ConversationJsonWriter(std::FILE* out) : out_(out) {}

void ConversationJsonWriter::BeginDocument(const std::string& version) {
  std::string head = "{";
  if (!version.empty()) {
    head += "\"version\":";
    AppendString(&head, version);
    head += ",";
  }
  head += "\"conversations\":[";
  std::fputs(head.c_str(), out_);
}

void ConversationJsonWriter::Begin(const ConversationInfo& info) {
  buf_.clear();
  if (!first_conversation_) buf_.push_back(',');
  first_conversation_ = false;
  first_message_ = true;
  AppendHead(&buf_, info);
}

void ConversationJsonWriter::Message(const ChatMessageView& m) {
  if (!first_message_) buf_.push_back(',');
  first_message_ = false;
  AppendMessage(&buf_, m);
  if (buf_.size() > (1 << 16)) {
    std::fwrite(buf_.data(), 1, buf_.size(), out_);
    buf_.clear();
  }
}

void ConversationJsonWriter::End(const ConversationInfo& info) {
  AppendTail(&buf_, info);
  std::fwrite(buf_.data(), 1, buf_.size(), out_);
  buf_.clear();
}

void ConversationJsonWriter::Failed(const std::string& file, const std::string& error) {
  std::string out = first_conversation_ ? "" : ",";
  first_conversation_ = false;
  out += "{\"file\":";
  AppendString(&out, file);
  out += ",\"error\":";
  AppendString(&out, error);
  out += "}";
  std::fwrite(out.data(), 1, out.size(), out_);
}

void ConversationJsonWriter::EndDocument() { std::fputs("]}\n", out_); }

}  // namespace parcelproof
