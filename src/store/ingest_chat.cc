// Conversations at ingest: a chat export is stored byte-identical as always;
// then it is read (streaming, from the stored copy) and the normalised
// conversation (schemas/conversation.schema.json, one conversation) is
// stored as a derived item that records its parent's hash.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "parcelproof/chat.h"
#include "store/ingest_work.h"
#include "store/json_text.h"

namespace parcelproof::store {
namespace {

std::string BaseNameOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "+08:00" for the zone given at ingest, "" when none.
std::string ZoneText(const ChatOptions& o) {
  if (!o.has_zone) return "";
  int m = o.zone_offset_minutes < 0 ? -o.zone_offset_minutes : o.zone_offset_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", o.zone_offset_minutes < 0 ? '-' : '+', m / 60,
                m % 60);
  return buf;
}

}  // namespace

void Ingester::ReadChat(Work& w) {
  std::string tmp = store_.dir() + "/tmp/conversation-XXXXXX";
  int fd = ::mkstemp(&tmp[0]);
  if (fd < 0) {
    w.problems.push_back("conversation not read: no temporary file in the store");
    return;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(::fdopen(fd, "wb"), &std::fclose);
  if (!out) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return;
  }
  ChatOptions options;
  options.me = options_.seller_names;
  options.has_zone = options_.has_zone;
  options.zone_offset_minutes = options_.zone_offset_minutes;
  ConversationJsonWriter writer(out.get());
  Result<ConversationInfo> info = ReadConversation(w.staged.blob_path, options, &writer);
  if (!info.ok()) {
    w.problems.push_back("conversation not read: " + info.status().ToString());
    ::unlink(tmp.c_str());
    return;
  }
  info->file = BaseNameOf(w.path);
  w.chat_media = info->media;
  writer.End(*info);
  bool written = std::fflush(out.get()) == 0 && ::fsync(fileno(out.get())) == 0;
  if (!info->recognised()) {
    for (const std::string& p : info->problems) w.problems.push_back(p);
    ::unlink(tmp.c_str());
    return;
  }
  w.conversation_json = JsonObject()
                            .Str("format", info->format)
                            .Int("messages", static_cast<int64_t>(info->message_count))
                            .Raw("participants", JsonStringArray(info->participants))
                            .Raw("problems", JsonStringArray(info->problems))
                            .StrIf("zone", ZoneText(options))
                            .Raw("me", JsonStringArray(options.me))
                            .Text();
  if (written) {
    w.conversation_tmp = tmp;
  } else {
    w.problems.push_back("conversation not stored: write to the store's tmp folder failed");
    ::unlink(tmp.c_str());
  }
}

void Ingester::AddConversation(Work& w, const std::vector<std::string>& orders) {
  StoreItem info;
  info.kind = ItemKind::kDerived;
  info.parent_sha256 = w.staged.sha256;
  info.media_type = "application/json";
  info.original_name = BaseNameOf(w.path) + ".conversation.json";
  info.metadata_json = JsonObject().Raw("conversation_of", JsonString(w.staged.sha256)).Text();
  AddRequest req{w.conversation_tmp, "conversation", orders};
  Result<AddOutcome> out = store_.AddFile(req, info);
  if (!out.ok()) w.line.reason = "conversation not stored: " + out.status().ToString();
  ::unlink(w.conversation_tmp.c_str());
  w.conversation_tmp.clear();
}

}  // namespace parcelproof::store
