// WhatsApp "Export chat" text: one header per message, continuation lines,
// the date order (day-month, month-day, year first) decided once per file.
#include <string>
#include <unordered_set>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "chat/chat_time.h"
#include "chat/markers.h"
#include "chat/readers.h"
#include "chat/whatsapp_header.h"

namespace parcelproof::chat {
namespace {

enum class DateOrder { kDayMonthYear, kMonthDayYear, kYearMonthDay };

constexpr size_t kMaxDistinctDates = 1 << 20;

struct DateSample {
  int a, b, year;
};

// npm whatsapp-chat-parser's rules, decided for the whole file: a first
// number above 12 means day first, a second above 12 month first; else the
// number that falls back within a year is the day; else the one that
// changes more.
DateOrder InferDayMonth(const std::vector<DateSample>& d, ConversationBuilder* b) {
  bool first_big = false, second_big = false;
  for (const DateSample& s : d) {
    first_big |= s.a > 12;
    second_big |= s.b > 12;
  }
  if (first_big && second_big) {
    b->Problem("dates are neither all day-first nor all month-first; day first assumed");
  }
  if (first_big) return DateOrder::kDayMonthYear;
  if (second_big) return DateOrder::kMonthDayYear;
  bool first_back = false, second_back = false;
  long change_a = 0, change_b = 0;
  for (size_t i = 1; i < d.size(); ++i) {
    change_a += std::abs(d[i].a - d[i - 1].a);
    change_b += std::abs(d[i].b - d[i - 1].b);
    if (d[i].year != d[i - 1].year) continue;
    first_back |= d[i].a < d[i - 1].a;
    second_back |= d[i].b < d[i - 1].b;
  }
  if (first_back) return DateOrder::kDayMonthYear;
  if (second_back) return DateOrder::kMonthDayYear;
  if (change_a != change_b) {
    return change_a > change_b ? DateOrder::kDayMonthYear : DateOrder::kMonthDayYear;
  }
  if (d.size() > 0) b->Problem("date order is ambiguous (no day above 12): day first assumed");
  return DateOrder::kDayMonthYear;
}

struct FirstPass {
  std::vector<DateSample> dates;
  bool year_first = false;
};

void CollectDates(const ReadContext& ctx, FirstPass* p) {
  LineReader reader(ctx.source);
  Line line;
  WaHeader h;
  std::unordered_set<uint64_t> seen;
  bool first_big = false, second_big = false;
  while (reader.Next(&line)) {
    if (!ParseWaHeader(line.text, &h)) continue;
    if (h.digits[0] >= 3 || h.number[0] > 31) p->year_first = true;
    first_big |= h.number[0] > 12;
    second_big |= h.number[1] > 12;
    // Decided for the whole file: a year first, or a day above 12 in only
    // one place (the rest of the file cannot change that unless it
    // contradicts it, which the second pass does not look for).
    if (p->year_first || first_big != second_big) {
      p->dates.push_back({h.number[0], h.number[1], h.number[2]});
      return;
    }
    uint64_t key = (uint64_t(h.number[0]) << 40) | (uint64_t(h.number[1]) << 20) | h.number[2];
    if (seen.size() < kMaxDistinctDates && seen.insert(key).second) {
      p->dates.push_back({h.number[0], h.number[1], h.number[2]});
    }
  }
}

int FullYear(int y, int digits) { return digits <= 2 ? 2000 + y : y; }

// The date of the previous header: consecutive messages mostly share it,
// so its calendar check and day count are done once per date.
struct DateCache {
  int number[3] = {-1, -1, -1};
  int digits[3] = {-1, -1, -1};
  bool valid = false;
  int64_t day_seconds = 0;
};

bool SameDate(const WaHeader& h, const DateCache& c) {
  for (int k = 0; k < 3; ++k) {
    if (h.number[k] != c.number[k] || h.digits[k] != c.digits[k]) return false;
  }
  return true;
}

SourceTime HeaderTime(const WaHeader& h, DateOrder order, DateCache* cache) {
  int hour = h.hour;
  SourceTime t;
  if (h.half != WaHeader::kNone) {
    if (hour < 1 || hour > 12) return t;
    hour = hour % 12 + (h.half == WaHeader::kPm ? 12 : 0);
  }
  if (!SameDate(h, *cache)) {
    int y, m, d;
    if (order == DateOrder::kYearMonthDay) {
      y = FullYear(h.number[0], h.digits[0]), m = h.number[1], d = h.number[2];
    } else {
      y = FullYear(h.number[2], h.digits[2]);
      m = order == DateOrder::kDayMonthYear ? h.number[1] : h.number[0];
      d = order == DateOrder::kDayMonthYear ? h.number[0] : h.number[1];
    }
    for (int k = 0; k < 3; ++k) cache->number[k] = h.number[k], cache->digits[k] = h.digits[k];
    cache->valid = CivilSeconds(y, m, d, 0, 0, 0, &cache->day_seconds);
  }
  // The time checks of CivilSeconds (a leap second allowed).
  t.valid = cache->valid && hour >= 0 && hour <= 23 && h.minute >= 0 && h.minute <= 59 &&
            h.second >= 0 && h.second <= 60;
  if (t.valid) t.local_seconds = cache->day_seconds + hour * 3600 + h.minute * 60 + h.second;
  return t;
}

// body.find(": "), inline: the colons of 16 bytes at a time where SSE2 is
// there (a name is mostly found in the first 16 or 32 bytes; a loop over its
// bytes pays for a mispredicted exit at every name length).
size_t FindColonSpace(std::string_view body) {
  const char* p = body.data();
  size_t n = body.size(), i = 0;
#if defined(__SSE2__)
  const __m128i colon = _mm_set1_epi8(':');
  for (; i + 17 <= n; i += 16) {  // the byte after the 16 is there too
    auto hits = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), colon)));
    for (; hits != 0; hits &= hits - 1) {
      size_t at = i + static_cast<size_t>(__builtin_ctz(hits));
      if (p[at + 1] == ' ') return at;
    }
  }
#endif
  for (; i + 1 < n; ++i) {
    if (p[i] == ':' && p[i + 1] == ' ') return i;
  }
  return std::string_view::npos;
}

// A message's sender and text view the line reader's bytes when they are
// all in memory and the message's lines follow each other there with "\n"
// ends (the usual export: no copy at all); otherwise (a file read in chunks,
// "\r\n" ends, repaired or cut lines) they are copied into owned strings.
class Assembler {
 public:
  Assembler(const ReadContext& ctx, DateOrder order, bool in_place)
      : ctx_(ctx), order_(order), in_place_(in_place) {}

  void Header(const Line& line, const WaHeader& h) {
    Flush();
    open_ = true;
    msg_.attachments.clear();
    msg_.flags.clear();
    msg_.span_begin = line.begin;
    msg_.span_end = line.end;
    time_ = HeaderTime(h, order_, &dates_);
    if (!time_.valid) {
      ctx_.builder->Problem("impossible date or time in the header at byte " +
                            std::to_string(line.begin));
    }
    std::string_view body = line.text.substr(h.body);
    size_t colon = FindColonSpace(body);
    std::string_view sender, text = body;
    if (colon != std::string_view::npos && colon > 0) {
      sender = body.substr(0, colon);
      text = body.substr(colon + 2);
    } else {
      msg_.flags.emplace_back("system");
    }
    viewed_ = in_place_ && line.raw;
    single_line_ = true;
    if (viewed_) {
      msg_.sender = sender;
      msg_.text = text;
    } else {
      sender_.assign(sender.data(), sender.size());
      text_.assign(text.data(), text.size());
    }
  }

  void Continuation(const Line& line) {
    if (!open_) {
      if (!line.text.empty() && orphan_begin_ < 0) orphan_begin_ = int64_t(line.begin);
      return;
    }
    msg_.span_end = line.end;
    single_line_ = false;
    size_t size = viewed_ ? msg_.text.size() : text_.size();
    if (size + line.text.size() >= kMaxTextBytes) {
      if (!cut_reported_) {
        ctx_.builder->Problem("message at byte " + std::to_string(msg_.span_begin) +
                              " is longer than 4 MiB: its text is cut (the span covers it all)");
      }
      cut_reported_ = true;
      return;
    }
    if (viewed_) {
      const char* end = msg_.text.data() + msg_.text.size();
      if (line.raw && line.text.data() == end + 1 && *end == '\n') {
        msg_.text = std::string_view(msg_.text.data(), size + 1 + line.text.size());
        return;
      }
      // Not contiguous: sender and text are copied from here on.
      text_.assign(msg_.text.data(), msg_.text.size());
      sender_.assign(msg_.sender.data(), msg_.sender.size());
      viewed_ = false;
    }
    text_ += '\n';
    text_.append(line.text);
  }

  void Flush() {
    if (!open_) return;
    if (!viewed_) {
      msg_.sender = sender_;
      msg_.text = text_;
    }
    ClassifyWhatsAppText(&msg_, single_line_);
    ctx_.builder->Emit(&msg_, time_);
    open_ = false;
    cut_reported_ = false;
  }

  int64_t orphan_begin() const { return orphan_begin_; }

 private:
  const ReadContext& ctx_;
  DateOrder order_;
  bool in_place_;
  bool open_ = false;
  bool cut_reported_ = false;
  bool viewed_ = false;  // msg_'s sender and text view the reader's bytes
  bool single_line_ = true;
  ChatMessageView msg_;
  std::string sender_;  // owned sender and text when not viewed_
  std::string text_;
  SourceTime time_;
  DateCache dates_;
  int64_t orphan_begin_ = -1;
};

}  // namespace

void ReadWhatsApp(const ReadContext& ctx) {
  FirstPass first;
  CollectDates(ctx, &first);
  DateOrder order =
      first.year_first ? DateOrder::kYearMonthDay : InferDayMonth(first.dates, ctx.builder);
  ctx.source->Rewind();
  ctx.builder->Begin();
  LineReader reader(ctx.source);
  Assembler assembler(ctx, order, reader.in_place());
  Line line;
  WaHeader h;
  while (reader.Next(&line)) {
    if (ParseWaHeader(line.text, &h)) {
      assembler.Header(line, h);
    } else {
      assembler.Continuation(line);
    }
  }
  assembler.Flush();
  if (assembler.orphan_begin() >= 0) {
    ctx.builder->Problem("text before the first message header (from byte " +
                         std::to_string(assembler.orphan_begin()) + ") belongs to no message");
  }
  ReportEncoding(reader, ctx.builder);
}

void ReportEncoding(const LineReader& reader, ConversationBuilder* builder) {
  if (reader.encoding() != Encoding::kUtf8) {
    builder->Problem(std::string("UTF-16 ") +
                     (reader.encoding() == Encoding::kUtf16Le ? "little" : "big") +
                     "-endian text converted to UTF-8 (spans count bytes of the original)");
  }
  if (reader.invalid_sequences() > 0) {
    builder->Problem("invalid UTF-8: " + std::to_string(reader.invalid_sequences()) +
                     " byte(s) shown as U+FFFD, the first at byte " +
                     std::to_string(reader.first_invalid_offset()));
  }
  if (reader.read_error()) builder->Problem("read error: the conversation may be incomplete");
}

}  // namespace parcelproof::chat
