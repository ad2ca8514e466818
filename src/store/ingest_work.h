// The per-file state and the steps of an ingest run (see ingest.cc).
#ifndef PARCELPROOF_STORE_INGEST_WORK_H_
#define PARCELPROOF_STORE_INGEST_WORK_H_

#include <deque>
#include <string>
#include <vector>

#include "parcelproof/chat.h"
#include "parcelproof/scan.h"
#include "parcelproof/store.h"
#include "parcelproof/video.h"
#include "store/ingest_walk.h"
#include "store/media_sniff.h"
#include "store/scan_async.h"

namespace parcelproof::store {

// A file waiting to be ingested: walked from the arguments, or a media
// member of a WhatsApp zip extracted to a temporary file (source), stored
// with the zip as its parent.
struct QueuedFile {
  std::string path;     // as shown ("export.zip:IMG-0001.jpg" for a member)
  std::string problem;  // refuse with this reason
  std::string source;   // the file to read when not path (deleted after)
  std::string member_of;
  std::string member_name;
  std::string role;
  std::vector<std::string> orders;  // the zip's orders
};

// One file on its way into the store.
struct Work {
  std::string path;
  std::string source;  // the file to read when not path (a zip member's temporary copy)
  // A zip member: the zip's sha256, the member's name, role and the zip's orders.
  std::string member_of;
  std::string member_name;
  std::string member_role;
  std::vector<std::string> member_orders;
  std::vector<ChatMedia> chat_media;  // a WhatsApp zip's media, tied to messages
  std::string walk_problem;           // refused before reading
  std::string mtime;                  // the source file's modification time, RFC 3339 UTC
  IngestLine line;
  bool decided = false;  // refused (line complete)
  Store::Staged staged;
  bool staged_ok = false;
  Sniffed sniffed;
  StoreItem info;
  bool wants_scan = false;
  bool has_scan = false;
  ImageScan scan;
  // Videos: the scan made in a worker process (ingest_video.cc).
  bool has_video_scan = false;
  VideoScan video_scan;
  int orientation = 1;
  std::string exif_json, scan_json, video_json;
  std::vector<std::string> problems;
  // A duplicate label photo newly linked to these orders: scanned again so
  // that their label verdicts are computed (ingest_relink.cc).
  std::vector<std::string> relink_orders;
  // A conversation read from a chat export: its summary for the item's
  // metadata, and the normalised JSON waiting in a temporary file to be
  // stored as a derived item.
  std::string conversation_json;
  std::string conversation_tmp;
};

// Runs the steps for chunks of files. Each step returns a non-OK Status
// only when the whole run must stop (the store is locked by another process).
class Ingester {
 public:
  Ingester(Store& store, const IngestOptions& options, const IngestCallback& on_line, int total,
           IngestSummary* summary)
      : store_(store), options_(options), on_line_(on_line), total_(total), summary_(summary) {}
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  void Enqueue(const std::vector<WalkedPath>& files);
  // Up to n queued files as work (empty when the queue is).
  std::vector<Work> TakeChunk(size_t n);

  // Copies and hashes every file of the chunk into the store.
  Status StageChunk(std::vector<Work>& chunk);
  // Starts scanning the chunk's images in the background.
  void StartScan(std::vector<Work>& chunk, AsyncScan* scan);
  // Waits for the chunk's scan results.
  void TakeScans(std::vector<Work>& chunk, AsyncScan* scan);
  // Describes, commits and reports every file of the chunk.
  Status FinishChunk(std::vector<Work>& chunk);

 private:
  Status StageOne(Work& w);
  Status Classify(Work& w, const std::string& head);
  void ClassifyMember(Work& w);
  // ingest_zip.cc: a WhatsApp zip's media queued as members.
  void QueueZipMembers(Work& w, const std::vector<std::string>& orders);
  // A zip stored before, ingested again (for other orders): its stored media
  // members are linked to those orders too, under the role each has.
  void LinkZipMembers(Work& w, const std::vector<std::string>& orders);
  void MemberMetadata(Work& w);
  Status Refuse(Work& w, const std::string& reason);
  Status Describe(Work& w);
  Status Finish(Work& w);
  Status PlanRelink(Work& w);
  Status FinishWithRelink(Work& w);
  Result<std::vector<std::string>> LinkOrders(const std::vector<std::string>& candidates,
                                              bool* auto_linked);
  std::vector<LabelVerdict> CheckLabels(Work& w, const std::vector<std::string>& orders);
  void AddThumbnail(Work& w, const std::vector<std::string>& orders);
  // ingest_video.cc
  void ScanVideo(Work& w);
  std::vector<LabelVerdict> CheckVideoLabels(Work& w, const std::vector<std::string>& orders);
  void AddStills(Work& w, const std::vector<std::string>& orders);
  // ingest_chat.cc
  void ReadChat(Work& w);
  void AddConversation(Work& w, const std::vector<std::string>& orders);
  void Emit(Work& w);

  Store& store_;
  const IngestOptions& options_;
  const IngestCallback& on_line_;
  int total_;
  int done_ = 0;
  IngestSummary* summary_;
  std::deque<QueuedFile> queue_;
  std::vector<std::string> tmp_dirs_;  // zip extraction folders, removed at the end
};

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_INGEST_WORK_H_
