// E-mail read through GMime 3: one .eml message or every message of an
// mbox, each as sender, date, subject, text (text/plain preferred) and the
// names of its attachments. Only this module includes GMime.
#ifndef PARCELPROOF_MAIL_MAIL_READER_H_
#define PARCELPROOF_MAIL_MAIL_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::mail {

struct MailMessage {
  std::string from;  // "Name <address>", encoded words decoded
  std::string subject;
  std::string text;                      // the first text/plain part, else text/html without tags
  std::vector<std::string> attachments;  // file names (or "part N (type)")
  bool has_date = false;
  int64_t local_seconds = 0;  // the Date header's wall time, read as UTC
  int offset_minutes = 0;     // and its offset
  uint64_t span_begin = 0;    // byte range of the message in the file
  uint64_t span_end = 0;
  std::vector<std::string> problems;
};

// Limits: parts beyond kMaxParts are not walked; text beyond kMaxTextBytes is
// cut. Attachments are never decoded (their names and sizes only).
constexpr size_t kMaxParts = 1000;
constexpr size_t kMaxTextBytes = size_t{4} << 20;

using MailCallback = std::function<void(const MailMessage&)>;

// Reads path (mbox: every message; else one message). Corrupt when not mail.
Status ReadMailFile(const std::string& path, bool mbox, const MailCallback& on_message);
Status ReadMailBytes(std::string_view bytes, bool mbox, const MailCallback& on_message);

// The first line of a file: "From " starts an mbox; a header block with
// From:/Date:/Subject:/Message-ID:/Received: fields is a message.
bool LooksLikeMbox(std::string_view head);
bool LooksLikeMessage(std::string_view head);

}  // namespace parcelproof::mail

#endif  // PARCELPROOF_MAIL_MAIL_READER_H_
