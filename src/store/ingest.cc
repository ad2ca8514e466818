// Ingest: files and folders into the store. Per chunk of files: stage each
// (hash while copying into the store), recognise it by content, scan every
// image's barcodes in one multi-process batch, read EXIF / video times, link
// to orders, check labels, commit, add a thumbnail. One line per file.
#include <sys/stat.h>

#include <algorithm>
#include <memory>

#include "core/file.h"
#include "image/thumbnail.h"
#include "parcelproof/chat.h"
#include "store/ingest_meta.h"
#include "store/ingest_walk.h"
#include "store/ingest_work.h"
#include "store/media_sniff.h"
#include "store/scan_async.h"
#include "timeline/heif_exif_fields.h"

namespace parcelproof {
namespace store {
namespace {

constexpr size_t kChunk = 16;
constexpr uint64_t kExifPrefix = 1 << 20;
constexpr uint64_t kMaxWholeRead = 256ull << 20;

// HEIF's Exif item is read through libheif; the others by locating the block.
Result<ExifFields> ExifOfBlob(const std::string& blob, const std::string& media_type) {
  Result<std::string> bytes = media_type == "image/jpeg" ? ReadFilePrefix(blob, kExifPrefix)
                                                         : ReadFileLimited(blob, kMaxWholeRead);
  if (!bytes.ok()) return bytes.status();
  if (media_type == "image/heif") return ReadHeifExifFields(*bytes, nullptr);
  return ReadExif(*bytes);
}

}  // namespace

Status Ingester::StageOne(Work& w) {
  if (!w.walk_problem.empty()) return Refuse(w, w.walk_problem);
  const std::string& source = w.source.empty() ? w.path : w.source;
  Result<Store::Staged> staged = store_.Stage(source);
  if (!staged.ok()) {
    if (staged.status().code() == Status::Code::kBusy) return staged.status();
    return Refuse(w, staged.status().ToString());
  }
  w.staged = *staged;
  w.staged_ok = true;
  struct stat st;
  if (::stat(source.c_str(), &st) == 0 && w.member_of.empty()) {
    w.mtime = FormatUtc(int64_t{st.st_mtim.tv_sec} * 1000000 + st.st_mtim.tv_nsec / 1000);
  }
  w.line.sha256 = staged->sha256;
  if (staged->already_indexed) return PlanRelink(w);
  Result<std::string> head = ReadFilePrefix(staged->blob_path, 64 << 10);
  if (!head.ok()) return Refuse(w, head.status().ToString());
  w.sniffed = SniffMedia(*head, w.path);
  if (!w.member_of.empty()) {
    ClassifyMember(w);
    return Status::Ok();
  }
  return Classify(w, *head);
}

Status Ingester::Classify(Work& w, const std::string& head) {
  const std::string& role = options_.role;
  switch (w.sniffed.media_class) {
    case MediaClass::kEmpty:
      return Refuse(w, "empty file");
    case MediaClass::kUnknown:
      return Refuse(w, "unsupported file type (not an image, video, PDF or text)");
    case MediaClass::kImage:
      w.info.kind = role == "chat"                                    ? ItemKind::kChat
                    : (role == "document" || role == "delivery-note") ? ItemKind::kDocument
                                                                      : ItemKind::kImage;
      if (w.info.kind != ItemKind::kChat) w.wants_scan = true;
      break;
    case MediaClass::kVideo:
      w.info.kind = ItemKind::kVideo;
      break;
    case MediaClass::kPdf: {
      Result<std::string> all = ReadFileLimited(w.staged.blob_path, kMaxWholeRead);
      if (all.ok() && all->rfind("%%EOF") == std::string::npos) {
        return Refuse(w, "Corrupt: PDF has no %%EOF marker (truncated?)");
      }
      w.info.kind = ItemKind::kDocument;
      break;
    }
    case MediaClass::kText:
      w.info.kind = role == "chat" || (role.empty() && !SniffConversationFormat(head).empty())
                        ? ItemKind::kChat
                        : ItemKind::kDocument;
      break;
    case MediaClass::kZip: {
      if (!role.empty() && role != "chat") {
        return Refuse(w, "a zip is read only as a WhatsApp export with media (role chat)");
      }
      Status s = CheckChatZip(w.staged.blob_path);
      if (!s.ok()) {
        std::string why = s.message();
        if (why.rfind(w.staged.blob_path, 0) == 0)
          why = w.path + why.substr(w.staged.blob_path.size());
        return Refuse(w, why);
      }
      w.info.kind = ItemKind::kChat;
      break;
    }
  }
  w.info.media_type = w.sniffed.media_type;
  return Status::Ok();
}

Status Ingester::Refuse(Work& w, const std::string& reason) {
  w.line.outcome = "refused";
  w.line.reason = reason;
  w.decided = true;
  Status s = w.staged_ok ? store_.Discard(w.staged, w.path, reason)
                         : store_.AppendLog("rejected", "", "", w.path + ": " + reason);
  w.staged_ok = false;
  if (s.code() == Status::Code::kBusy) return s;
  return Status::Ok();
}

void Ingester::StartScan(std::vector<Work>& chunk, AsyncScan* scan) {
  std::vector<std::string> paths;
  for (Work& w : chunk) {
    if (!w.decided && w.wants_scan) paths.push_back(w.staged.blob_path);
  }
  ScanOptions so;
  so.jobs = options_.jobs;
  scan->Start(paths, so);
}

Status Ingester::Describe(Work& w) {
  std::string exif_json, video_json, scan_json;
  if (w.sniffed.media_class == MediaClass::kImage) {
    if (w.has_scan && w.scan.status.code() == Status::Code::kCorrupt) {
      return Refuse(w, w.scan.status.ToString());
    }
    Result<ExifFields> exif = ExifOfBlob(w.staged.blob_path, w.info.media_type);
    if (exif.ok()) {
      exif_json = ExifJson(*exif);
      CaptureTimeFromExif(*exif, &w.info);
      // A HEIF's pixels are oriented by its container (libheif), never by EXIF.
      if (exif->orientation && w.info.media_type != "image/heif") {
        w.orientation = exif->orientation;
      }
    } else {
      w.problems.push_back("EXIF: " + exif.status().ToString());
    }
    if (w.has_scan) {
      scan_json = ScanReportJson({w.scan});
      if (!w.scan.status.ok()) w.problems.push_back("scan: " + w.scan.status.ToString());
      if (w.scan.sha256 != w.staged.sha256 && w.scan.status.ok()) {
        w.problems.push_back("scanner saw different bytes (" + w.scan.sha256 + ")");
      }
      for (const Barcode& b : w.scan.barcodes) w.info.barcodes.push_back(b.text);
    }
  } else if (w.sniffed.media_class == MediaClass::kVideo) {
    Status s = ReadVideoInfo(w.staged.blob_path, &w.info, &video_json);
    if (!s.ok()) return Refuse(w, s.ToString());
    if (!w.staged.already_indexed) ScanVideo(w);  // a duplicate keeps its first scan
    if (w.has_video_scan && w.video_scan.status.ok()) {
      scan_json = ScanReportJson({}, {w.video_scan});
    }
  }
  w.exif_json = exif_json;
  w.scan_json = scan_json;
  w.video_json = video_json;
  return Status::Ok();
}

Status Ingester::StageChunk(std::vector<Work>& chunk) {
  for (Work& w : chunk) PP_RETURN_IF_ERROR(StageOne(w));
  return Status::Ok();
}

void Ingester::TakeScans(std::vector<Work>& chunk, AsyncScan* scan) {
  std::vector<ImageScan> scans = scan->Collect();
  size_t next = 0;
  for (Work& w : chunk) {
    if (w.decided || !w.wants_scan || next >= scans.size()) continue;
    w.scan = std::move(scans[next++]);
    w.scan.file = w.path;
    w.has_scan = true;
  }
}

Status Ingester::FinishChunk(std::vector<Work>& chunk) {
  for (Work& w : chunk) {
    if (!w.decided) PP_RETURN_IF_ERROR(Describe(w));
    if (!w.decided) PP_RETURN_IF_ERROR(FinishWithRelink(w));
    Emit(w);
  }
  return Status::Ok();
}

namespace {

// Chunks in a pipeline: chunk k+1 is staged while chunk k is scanned, and
// chunk k is committed and thumbnailed while chunk k+1 is scanned. At most
// one scan (with its worker processes) runs at a time. Finishing a chunk may
// queue more files (a WhatsApp zip's media), which later chunks take.
Status RunPipeline(Ingester& ingester) {
  std::vector<Work> current = ingester.TakeChunk(kChunk);
  auto scan = std::make_unique<AsyncScan>();
  PP_RETURN_IF_ERROR(ingester.StageChunk(current));
  ingester.StartScan(current, scan.get());
  while (!current.empty()) {
    std::vector<Work> next = ingester.TakeChunk(kChunk);
    PP_RETURN_IF_ERROR(ingester.StageChunk(next));
    ingester.TakeScans(current, scan.get());
    auto next_scan = std::make_unique<AsyncScan>();
    ingester.StartScan(next, next_scan.get());
    PP_RETURN_IF_ERROR(ingester.FinishChunk(current));
    current = std::move(next);
    scan = std::move(next_scan);
    if (current.empty()) {
      current = ingester.TakeChunk(kChunk);
      if (current.empty()) break;
      PP_RETURN_IF_ERROR(ingester.StageChunk(current));
      scan = std::make_unique<AsyncScan>();
      ingester.StartScan(current, scan.get());
    }
  }
  return Status::Ok();
}

}  // namespace
}  // namespace store

Result<IngestSummary> Ingest(Store& store, const std::vector<std::string>& paths,
                             const IngestOptions& options, const IngestCallback& on_line) {
  if (!options.role.empty() && !IsIngestRole(options.role)) {
    return Status::InvalidArgument("unknown role '" + options.role + "'");
  }
  if (!options.order_id.empty()) {
    Result<Order> order = store.FindOrder(options.order_id);
    if (!order.ok()) {
      return Status::NotFound("order '" + options.order_id +
                              "' is not in the store (import it with `parcelproof orders import`)");
    }
  }
  std::vector<store::WalkedPath> files = store::WalkPaths(paths, store.dir());
  IngestSummary summary;
  store::Ingester ingester(store, options, on_line, static_cast<int>(files.size()), &summary);
  ingester.Enqueue(files);
  PP_RETURN_IF_ERROR(store::RunPipeline(ingester));
  return summary;
}

}  // namespace parcelproof
