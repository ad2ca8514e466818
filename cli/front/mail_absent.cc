// The light front end links the chat readers but not GMime: these stand in
// for src/mail/mail_reader.cc (so the linker does not pull it, nor GMime).
// No verb of the front end reaches them: `chat` hands mail files to
// parcelproof-media first (chat_front.cc) and the verbs that read stored
// conversations (ingest, bundle, timeline) run there.
#include "mail/mail_reader.h"

namespace parcelproof::mail {
namespace {

Status Absent(const std::string& what) {
  return Status::Internal(what + ": e-mail is read by parcelproof-media, not the light front end");
}

}  // namespace

Status ReadMailFile(const std::string& path, bool /*mbox*/, const MailCallback& /*on_message*/) {
  return Absent(path);
}

Status ReadMailBytes(std::string_view /*bytes*/, bool /*mbox*/,
                     const MailCallback& /*on_message*/) {
  return Absent("message bytes");
}

}  // namespace parcelproof::mail
