// A WhatsApp export "with media" at ingest: the zip is stored byte-identical
// (after the strict zip checks, see Classify), its conversation as a derived
// item, and each media member is extracted to a numbered temporary file and
// queued like any other file, so that photos get EXIF, barcodes, label
// links and thumbnails through the same path. A member is stored with the
// zip as its parent and its name in the metadata ("member_of").
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>

#include "store/ingest_work.h"
#include "store/json_text.h"

namespace parcelproof::store {
namespace {

std::string BaseNameOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The role of a member: photos a buyer attached are buyer photos; the rest
// is "other" (the conversation says who sent what).
std::string MemberRole(const ChatMedia* media) {
  return media != nullptr && media->side == "buyer" ? "buyer-photo" : "other";
}

}  // namespace

Ingester::~Ingester() {
  for (const QueuedFile& q : queue_) {
    if (!q.source.empty()) ::unlink(q.source.c_str());
  }
  for (const std::string& dir : tmp_dirs_) ::rmdir(dir.c_str());
}

void Ingester::Enqueue(const std::vector<WalkedPath>& files) {
  for (const WalkedPath& f : files) {
    QueuedFile q;
    q.path = f.path;
    q.problem = f.problem;
    queue_.push_back(std::move(q));
  }
}

std::vector<Work> Ingester::TakeChunk(size_t n) {
  std::vector<Work> chunk;
  while (chunk.size() < n && !queue_.empty()) {
    QueuedFile& q = queue_.front();
    chunk.emplace_back();
    Work& w = chunk.back();
    w.path = q.path;
    w.walk_problem = q.problem;
    w.line.path = q.path;
    w.source = q.source;
    w.member_of = q.member_of;
    w.member_name = q.member_name;
    w.member_role = q.role;
    w.member_orders = std::move(q.orders);
    queue_.pop_front();
  }
  return chunk;
}

// A member keeps its media kind (a photo is scanned and thumbnailed like any
// photo); what parcelproof cannot show (voice notes, contacts) is stored as
// a derived item of type application/octet-stream, never refused.
void Ingester::ClassifyMember(Work& w) {
  w.info.parent_sha256 = w.member_of;
  w.info.original_name = BaseNameOf(w.member_name);
  w.info.media_type = w.sniffed.media_type;
  switch (w.sniffed.media_class) {
    case MediaClass::kImage:
      w.info.kind = ItemKind::kImage;
      w.wants_scan = true;
      return;
    case MediaClass::kVideo:
      w.info.kind = ItemKind::kVideo;
      break;
    case MediaClass::kPdf:
    case MediaClass::kText:
      w.info.kind = ItemKind::kDocument;
      break;
    case MediaClass::kEmpty:
    case MediaClass::kZip:
    case MediaClass::kUnknown:
      w.info.kind = ItemKind::kDerived;
      w.info.media_type = "application/octet-stream";
      break;
  }
  if (w.member_role == "buyer-photo") w.member_role = "other";
}

void Ingester::MemberMetadata(Work& w) {
  std::string member =
      JsonObject()
          .Raw("member_of",
               JsonObject().Str("sha256", w.member_of).Str("name", w.member_name).Text())
          .Text();
  std::string& meta = w.info.metadata_json;
  if (meta.size() <= 2) {
    meta = member;
  } else {
    meta.pop_back();  // '}'
    meta += "," + member.substr(1);
  }
}

void Ingester::QueueZipMembers(Work& w, const std::vector<std::string>& orders) {
  std::string dir = store_.dir() + "/tmp/zip-XXXXXX";
  if (::mkdtemp(&dir[0]) == nullptr) {
    w.line.reason = "media not extracted: no temporary folder in the store";
    return;
  }
  tmp_dirs_.push_back(dir);
  Result<std::vector<ChatZipMember>> members = ExtractChatZipMedia(w.staged.blob_path, dir);
  if (!members.ok()) {
    w.line.reason = "media not extracted: " + members.status().ToString();
    return;
  }
  for (const ChatZipMember& m : *members) {
    const ChatMedia* media = nullptr;
    for (const ChatMedia& c : w.chat_media) {
      if (c.name == m.name) media = &c;
    }
    QueuedFile q;
    q.path = w.path + ":" + m.name;
    q.source = m.path;
    q.member_of = w.staged.sha256;
    q.member_name = m.name;
    q.role = MemberRole(media);
    q.orders = orders;
    queue_.push_back(std::move(q));
  }
  total_ += static_cast<int>(members->size());
}

void Ingester::LinkZipMembers(Work& w, const std::vector<std::string>& orders) {
  Result<std::vector<StoreItem>> derived = store_.DerivedItems(w.staged.sha256);
  if (!derived.ok()) return;
  for (const StoreItem& d : *derived) {
    if (d.metadata_json.find("\"member_of\"") == std::string::npos) continue;
    for (const std::string& id : orders) {
      if (std::find(d.order_ids.begin(), d.order_ids.end(), id) != d.order_ids.end()) continue;
      Status s = store_.LinkItem(d.sha256, id, d.role.empty() ? "other" : d.role);
      if (!s.ok() && w.line.reason.empty()) w.line.reason = "media not linked: " + s.ToString();
    }
  }
}

}  // namespace parcelproof::store
