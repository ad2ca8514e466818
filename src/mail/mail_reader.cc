// GMime 3 glue: messages out of a stream, parts walked with limits, text
// decoded to UTF-8, attachments named but never decoded.
#include "mail/mail_reader.h"

#include <fcntl.h>
#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace parcelproof::mail {
namespace {

template <typename T>
struct GUnref {
  void operator()(T* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GUnref<T>>;

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Size of a part's encoded content, -1 when unknown.
gint64 ContentLength(GMimePart* part) {
  GMimeDataWrapper* w = g_mime_part_get_content(part);
  if (w == nullptr) return 0;
  GMimeStream* s = g_mime_data_wrapper_get_stream(w);
  return s == nullptr ? -1 : g_mime_stream_length(s);
}

std::string StripTags(const std::string& html) {
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<')
      tag = true;
    else if (c == '>')
      tag = false;
    else if (!tag)
      out += c;
  }
  return out;
}

class Walker {
 public:
  explicit Walker(MailMessage* out) : out_(out) {}

  void Walk(GMimeObject* obj) {
    if (obj == nullptr) return;
    if (++parts_ > kMaxParts) {
      if (!limited_) out_->problems.push_back("more than 1000 MIME parts: the rest not read");
      limited_ = true;
      return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
      GMimeMultipart* mp = GMIME_MULTIPART(obj);
      int n = g_mime_multipart_get_count(mp);
      for (int i = 0; i < n && !limited_; ++i) Walk(g_mime_multipart_get_part(mp, i));
    } else if (GMIME_IS_MESSAGE_PART(obj)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
      const char* subject = inner != nullptr ? g_mime_message_get_subject(inner) : nullptr;
      out_->attachments.push_back(std::string("attached message: ") +
                                  (subject != nullptr ? subject : "(no subject)"));
    } else if (GMIME_IS_PART(obj)) {
      Part(GMIME_PART(obj));
    }
  }

  void Finish() {
    if (out_->text.empty() && !html_.empty()) out_->text = StripTags(html_);
  }

 private:
  void Part(GMimePart* part) {
    const char* name = g_mime_part_get_filename(part);
    GMimeContentType* type = g_mime_object_get_content_type(GMIME_OBJECT(part));
    bool is_text = GMIME_IS_TEXT_PART(part) && type != nullptr;
    if (name != nullptr || g_mime_part_is_attachment(part) || !is_text) {
      std::string label = name != nullptr ? name : "part " + std::to_string(parts_);
      if (name == nullptr && type != nullptr) {
        char* mime = g_mime_content_type_get_mime_type(type);
        label += std::string(" (") + mime + ")";
        g_free(mime);
      }
      out_->attachments.push_back(label);
      return;
    }
    bool html = g_mime_content_type_is_type(type, "text", "html");
    if (!(html ? html_.empty() : out_->text.empty())) return;
    gint64 length = ContentLength(part);
    if (length < 0 || static_cast<size_t>(length) > 2 * kMaxTextBytes) {
      out_->problems.push_back("a text part larger than 8 MiB was not read");
      return;
    }
    char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
    if (text == nullptr) return;
    std::string s(text);
    g_free(text);
    if (s.size() > kMaxTextBytes) s.resize(kMaxTextBytes);
    (html ? html_ : out_->text) = std::move(s);
  }

  MailMessage* out_;
  std::string html_;
  size_t parts_ = 0;
  bool limited_ = false;
};

void Headers(GMimeMessage* msg, MailMessage* out) {
  InternetAddressList* from = g_mime_message_get_from(msg);
  if (from != nullptr && internet_address_list_length(from) > 0) {
    char* s = internet_address_list_to_string(from, nullptr, FALSE);
    if (s != nullptr) out->from = s;
    g_free(s);
  }
  const char* subject = g_mime_message_get_subject(msg);
  if (subject != nullptr) out->subject = subject;
  GDateTime* date = g_mime_message_get_date(msg);
  if (date != nullptr) {
    out->has_date = true;
    int64_t offset = g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND;
    out->offset_minutes = static_cast<int>(offset / 60);
    out->local_seconds = g_date_time_to_unix(date) + offset;
  }
}

Status ReadStream(GMimeStream* stream, bool mbox, const MailCallback& on_message) {
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
  g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  int count = 0;
  while (!g_mime_parser_eos(parser.get())) {
    gint64 begin = mbox ? -1 : 0;
    GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!msg) break;
    if (mbox) begin = g_mime_parser_get_mbox_marker_offset(parser.get());
    MailMessage out;
    out.span_begin = begin < 0 ? 0 : static_cast<uint64_t>(begin);
    gint64 end = g_mime_parser_tell(parser.get());
    out.span_end = end < 0 ? out.span_begin : static_cast<uint64_t>(end);
    Headers(msg.get(), &out);
    Walker walker(&out);
    walker.Walk(g_mime_message_get_mime_part(msg.get()));
    walker.Finish();
    on_message(out);
    ++count;
    if (!mbox) break;
  }
  if (count == 0) return Status::Corrupt("no e-mail message could be read");
  return Status::Ok();
}

}  // namespace

Status ReadMailFile(const std::string& path, bool mbox, const MailCallback& on_message) {
  InitOnce();
  GError* err = nullptr;
  GPtr<GMimeStream> stream(g_mime_stream_fs_open(path.c_str(), O_RDONLY, 0, &err));
  if (!stream) {
    std::string why = err != nullptr ? err->message : "cannot open";
    if (err != nullptr) g_error_free(err);
    return Status::IOError(path + ": " + why);
  }
  return ReadStream(stream.get(), mbox, on_message);
}

Status ReadMailBytes(std::string_view bytes, bool mbox, const MailCallback& on_message) {
  InitOnce();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  return ReadStream(stream.get(), mbox, on_message);
}

}  // namespace parcelproof::mail
