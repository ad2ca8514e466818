// The evidence store: a folder holding an SQLite index, write-once
// content-addressed blobs (named by SHA-256) and an append-only, hash-chained
// custody log. Only src/store/ talks to SQLite; this header is std-only.
//
// Layout of a store folder:
//   PARCELPROOF-STORE   marker file: "parcelproof-store <format version>\n"
//   index.sqlite        the index (WAL, synchronous=FULL) and custody log
//   blobs/ab/abcd...    one read-only file per distinct content
//   tmp/                temporary files of adds in progress
#ifndef PARCELPROOF_STORE_H_
#define PARCELPROOF_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parcelproof/clock.h"
#include "parcelproof/order.h"
#include "parcelproof/status.h"

namespace parcelproof {

// The store format this code writes and reads.
constexpr int kStoreFormatVersion = 1;

// The folder to use: flag_value when not empty, else $PARCELPROOF_STORE when
// set and not empty, else "./parcelproof-store".
std::string ResolveStoreDir(const std::string& flag_value);

enum class ItemKind { kImage, kVideo, kDocument, kChat, kDerived };
// "image", "video", "document", "chat", "derived".
const char* ItemKindName(ItemKind kind);
// Parses an ItemKindName; false when unknown.
bool ParseItemKind(const std::string& name, ItemKind* kind);

// The ingest roles: packing, label, contents, weight, unboxing,
// delivery-note, buyer-photo, chat, document, other.
const std::vector<std::string>& IngestRoles();
// True when role is one of IngestRoles() (derived items use "thumbnail").
bool IsIngestRole(const std::string& role);

// A label check recorded when a label photo was ingested for an order.
struct LabelVerdict {
  std::string order_id;
  std::string verdict;               // "PASS", "MISMATCH", "UNREADABLE"
  std::vector<std::string> reasons;  // plain words
};

// One stored item (a blob plus what we know of it).
struct StoreItem {
  std::string sha256;  // 64 lower-case hex digits; the blob's name
  ItemKind kind = ItemKind::kImage;
  // The role under which it was linked; for ItemsOfOrder the role of that
  // link (several links -> the first), otherwise the first role recorded.
  std::string role;
  std::vector<std::string> roles;  // every distinct role recorded, in order
  std::string original_name;       // file name as first ingested (no folder)
  uint64_t size = 0;               // bytes
  std::string media_type;          // "image/jpeg", "video/mp4", "application/pdf", ...
  // RFC 3339 capture time ("2026-03-01T10:22:05.512+08:00" or UTC "Z"),
  // empty when unknown; source says where it came from ("exif
  // DateTimeOriginal+OffsetTimeOriginal", "gps", "container mvhd", ...).
  std::string capture_time;
  std::string capture_time_source;
  std::string ingested_at;  // RFC 3339 UTC from the store's clock
  std::string station;
  std::string actor;
  std::string parent_sha256;           // derived items only
  std::vector<std::string> order_ids;  // every order it is linked to
  std::vector<std::string> barcodes;   // decoded barcode texts, in scan order
  std::vector<LabelVerdict> verdicts;  // label checks, per order
  // Per-item metadata as one JSON object text:
  // {"exif":{...},"barcodes":[...],"video":{...},"problems":[...]}
  // (schemas/store-item.schema.json, property "metadata").
  std::string metadata_json;
};

// One custody log entry. entry_hash = SHA-256 hex of the canonical line
// (see CustodyEntryCanonical), which includes prev_hash, so entries form a
// chain from the first entry (prev_hash = 64 zeros).
struct CustodyEntry {
  int64_t seq = 0;      // 1, 2, 3, ...
  std::string time;     // RFC 3339 UTC with microseconds
  std::string actor;    // OS user
  std::string station;  // capture station name
  // "init", "order-import", "order-update", "ingest", "link", "duplicate",
  // "label-check" (a verdict added to an item already stored; detail
  // "label PASS; reason; ..."), "rejected", "export", "bundle", "recovered", ...
  std::string action;
  std::string item_sha256;  // empty when not about one item
  std::string order_id;     // empty when not about one order
  std::string detail;       // free text
  std::string prev_hash;
  std::string entry_hash;
};

// The exact bytes hashed for entry_hash: the fields JSON-escaped and joined,
// in the order seq,time,actor,station,action,item_sha256,order_id,detail,
// prev_hash, as a JSON array text.
std::string CustodyEntryCanonical(const CustodyEntry& e);

// What fsck found. ok() when problems is empty.
struct FsckReport {
  int64_t items = 0;                  // index rows checked
  int64_t blobs = 0;                  // blob files re-hashed
  int64_t log_entries = 0;            // custody entries verified
  std::vector<std::string> problems;  // each names the item/file/entry
  std::vector<std::string> notes;     // harmless findings (leftover temp files)
  bool ok() const { return problems.empty(); }
};

// Result of importing an orders file.
struct OrderImportSummary {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
};

// Result of adding one file's bytes.
struct AddOutcome {
  std::string sha256;
  bool duplicate = false;  // the bytes were already stored
};

// What an ingest request says about each file.
struct AddRequest {
  std::string source_path;  // file to copy (read once, hashed while copied)
  std::string role;         // an IngestRoles() role, "thumbnail" for derived
  std::vector<std::string> order_ids;
};

class Store {
 public:
  struct Options {
    Clock* clock = nullptr;    // required; not owned
    std::string station;       // empty -> the store's default station
    std::string actor;         // empty -> the OS user
    bool read_only = false;    // open the index read-only (show, log, fsck, export)
    int busy_timeout_ms = -1;  // -1 -> $PARCELPROOF_BUSY_TIMEOUT_MS or 5000
  };

  // Creates a store in dir (created when missing; must be empty otherwise)
  // with default_station recorded (empty -> host name) and logs "init".
  // Refuses a folder that already holds files or a store.
  static Result<std::unique_ptr<Store>> Init(const std::string& dir, const Options& options,
                                             const std::string& default_station = "");
  // Opens an existing store. NotFound when dir is missing, Unsupported when
  // it is not a parcelproof store or of another format version, IOError when
  // opened for writing but read-only, Busy when another process holds it.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const Options& options);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& dir() const;
  const std::string& station() const;
  const std::string& actor() const;

  // Imports orders atomically: either every order is added/updated (each
  // change logged) or, on any error, none is.
  Result<OrderImportSummary> ImportOrders(const std::vector<Order>& orders,
                                          const std::string& source);
  // Finds an order by its id, else by one of its tracking numbers.
  Result<Order> FindOrder(const std::string& id_or_tracking);
  // Ids of the orders with this tracking number (exact), possibly empty.
  Result<std::vector<std::string>> OrdersWithTracking(const std::string& tracking);

  // Items linked to an order, by ingest time then hash; derived items
  // (thumbnails) included only when with_derived.
  Result<std::vector<StoreItem>> ItemsOfOrder(const std::string& order_id,
                                              bool with_derived = false);
  // One item by hash; NotFound when absent.
  Result<StoreItem> GetItem(const std::string& sha256);
  // Items derived from parent (thumbnails).
  Result<std::vector<StoreItem>> DerivedItems(const std::string& parent_sha256);
  // Absolute path of the blob (read-only file) for streaming; NotFound when
  // the hash is not an indexed item.
  Result<std::string> BlobPath(const std::string& sha256);

  // Copies the source file into the store (hash while copying, fsync,
  // rename, fsync folder) and indexes it with the given kind/metadata in one
  // transaction, together with its links and custody entry. Identical bytes
  // already stored -> duplicate: new links/roles recorded and logged, and
  // info.verdicts for orders without one recorded and logged ("label-check").
  // Write/fsync errors fail this item with IOError naming the file.
  Result<AddOutcome> AddFile(const AddRequest& request, const StoreItem& info);
  // Same from bytes in memory (derived items). info.parent_sha256 must be set
  // for kDerived.
  Result<AddOutcome> AddBytes(const std::string& bytes, const AddRequest& request,
                              const StoreItem& info);
  // Two-step add, for callers that parse the stored bytes before indexing
  // (ingest): Stage copies and hashes the file into its blob (recorded as
  // pending, so a crash leaves no orphan), Commit indexes it, Discard removes
  // a staged blob that was never indexed and logs "rejected" with reason.
  struct Staged {
    std::string sha256;
    std::string blob_path;  // absolute; readable
    uint64_t size = 0;
    bool already_indexed = false;  // identical bytes were stored before
  };
  Result<Staged> Stage(const std::string& source_path);
  Result<AddOutcome> Commit(const Staged& staged, const AddRequest& request, const StoreItem& info);
  Status Discard(const Staged& staged, const std::string& source_path, const std::string& reason);

  // Links an existing item to an order under a role (logged as "link").
  Status LinkItem(const std::string& sha256, const std::string& order_id, const std::string& role);

  // The whole custody log, in order.
  Result<std::vector<CustodyEntry>> Log();
  // Appends one entry (time, actor, station and hashes filled in).
  Status AppendLog(const std::string& action, const std::string& item_sha256,
                   const std::string& order_id, const std::string& detail);

  // Re-hashes every blob and checks index against blobs, orphans and the log chain.
  Result<FsckReport> Fsck();

  struct Impl;  // internal (src/store/)

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- Ingest: files and folders into the store, with EXIF, barcodes,
// label checks, thumbnails and automatic order links.

struct IngestOptions {
  std::string order_id;  // empty -> auto-link by tracking number
  std::string role;      // empty -> "label" when a barcode matches an order, else "other"
  int jobs = 0;          // scanner worker processes; 0 = number of cores
  bool thumbnails = true;
  // Videos: contents stills to keep (the sharpest frame in each of N evenly
  // spaced windows; 0 = none; the best frame of each tracking-number read
  // is always kept), and the scan's time limit (a video may take
  // timeout_seconds plus a quarter of its duration, at most ten times
  // timeout_seconds).
  int stills = 6;
  int video_timeout_seconds = 60;
  // Conversations (chat exports): senders who are the seller, and the zone
  // of local times (WhatsApp carries none).
  std::vector<std::string> seller_names;
  bool has_zone = false;
  int zone_offset_minutes = 0;
};

// One line of ingest output, per file.
struct IngestLine {
  std::string path;
  std::string outcome;  // "stored", "duplicate", "refused"
  std::string reason;   // why refused; empty otherwise
  std::string sha256;   // empty when refused before hashing
  ItemKind kind = ItemKind::kImage;
  std::string role;
  std::vector<std::string> order_ids;  // links after this ingest
  std::vector<std::string> barcodes;
  std::vector<LabelVerdict> verdicts;
  std::string capture_time;
};

struct IngestSummary {
  std::vector<IngestLine> lines;  // in input order (folders walked sorted)
  int stored = 0;
  int duplicates = 0;
  int refused = 0;
  std::vector<std::string> unlinked;  // paths of stored items linked to no order
};

// Called after each file is decided (for line-by-line output and progress):
// done = files decided so far, total = files found.
using IngestCallback = std::function<void(const IngestLine& line, int done, int total)>;

// Walks the paths (folders recursively, sorted), stores every supported file
// and reports a line per file. Per-file failures are lines ("refused"); the
// call fails only when the store itself fails (read-only, locked, I/O error
// of the index), after which nothing reported stored is lost.
Result<IngestSummary> Ingest(Store& store, const std::vector<std::string>& paths,
                             const IngestOptions& options, const IngestCallback& on_line = {});

// Copies the item's original bytes to out_file (which must not exist),
// verifying the hash while copying (Corrupt and no file left when the blob
// does not match), and logs "export" when the store is writable. Returns the
// number of bytes written.
Result<uint64_t> ExportItem(Store& store, const std::string& sha256, const std::string& out_file);

// ---- JSON documents printed by the verbs (schemas/ names each).

// One item (schemas/store-item.schema.json).
std::string StoreItemJson(const StoreItem& item);
// {"order":{...},"items":[...]} for `show` (schemas/show.schema.json).
std::string ShowJson(const Order& order, const std::vector<StoreItem>& items);
// The same with each item's derived items (derived[i] for items[i]) under
// "derived": [{"sha256","kind","media_type","size","original_name"} plus,
// for video stills, "purpose", "time_s" and "frame"].
std::string ShowJson(const Order& order, const std::vector<StoreItem>& items,
                     const std::vector<std::vector<StoreItem>>& derived);
// One element of "derived"; kind is the derived item's role ("thumbnail",
// "conversation", "still").
std::string DerivedItemJson(const StoreItem& derived);
// {"entries":[...]} for `log` (schemas/custody-log.schema.json).
std::string CustodyLogJson(const std::vector<CustodyEntry>& entries);
// {"ok":true,...,"problems":[...]} for `fsck` (schemas/fsck.schema.json).
std::string FsckReportJson(const FsckReport& report);
// {"files":[...],"stored":N,...} for `ingest` (schemas/ingest.schema.json).
std::string IngestSummaryJson(const IngestSummary& summary);
// {"store":DIR,"format_version":1,"station":NAME} for `init`.
std::string StoreInfoJson(const Store& store);
// {"file":FILE,"orders":N,"added":A,"updated":U,"unchanged":C} for `orders import`.
std::string OrderImportJson(const std::string& file, size_t orders,
                            const OrderImportSummary& summary);
// {"sha256":H,"file":OUT,"size":N} for `export`.
std::string ExportJson(const std::string& sha256, const std::string& file, uint64_t size);
// One ingest line as JSON (an element of IngestSummaryJson's "files").
std::string IngestLineJson(const IngestLine& line);

}  // namespace parcelproof

#endif  // PARCELPROOF_STORE_H_
