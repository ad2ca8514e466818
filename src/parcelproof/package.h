// Dispute packages: one BagIt (RFC 8493) bag in a deterministic zip, signed
// with Ed25519 over tagmanifest-sha256.txt, and the strict verifier that
// checks such a zip. The builder knows nothing of the store: the caller
// fills a PackageInput (BundleOrder in parcelproof/bundle.h does it from the
// store).
#ifndef PARCELPROOF_PACKAGE_H_
#define PARCELPROOF_PACKAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/chat.h"
#include "parcelproof/clock.h"
#include "parcelproof/order.h"
#include "parcelproof/status.h"

namespace parcelproof {

// The dispute reasons (DOMAIN.md), e.g. "not-received", "damaged".
const std::vector<std::string>& DisputeReasons();
bool IsDisputeReason(const std::string& reason);

struct PackageVerdict {
  std::string order_id;
  std::string verdict;  // "PASS", "MISMATCH", "UNREADABLE"
  std::vector<std::string> reasons;
};

// One original to put under data/.
struct PackageItem {
  std::string sha256;               // of the original's bytes; checked while streaming
  uint64_t size = 0;                // bytes; checked while streaming
  std::string source_path;          // where the original is read from
  std::string role;                 // "label", "packing", "chat", ... (data/<role>/)
  std::string kind;                 // "image", "video", "document", "chat"
  std::string media_type;           // "image/jpeg", ...
  std::string original_name;        // gives the extension
  std::string capture_time;         // RFC 3339; empty when unknown
  std::string capture_time_source;  // where the time came from
  // Names the payload file when capture_time is empty: a conversation's
  // first dated message, RFC 3339, or its local wall time
  // "2026-03-01T14:05:00" when the export gives no zone ("...-local").
  std::string name_time;
  std::string ingested_at;
  std::string station;
  std::vector<std::string> barcodes;  // decoded texts
  std::vector<PackageVerdict> verdicts;
  // Every order the item is linked to in the store. Only items linked to the
  // package's order count for its checklist (an --include'd label of
  // another parcel does not).
  std::vector<std::string> order_ids;
  // The stored metadata object ({"exif":..,"barcodes":[{"text","format",
  // "corners":[[x,y]x4]}],"width":..,"height":..}); "" or "{}" when none.
  std::string metadata_json;
  // Optional: a derived thumbnail (the store's, made from this original)
  // that report.html shows instead of the full image. Packaged as a tag file
  // thumbnails/<role>/<name>.<ext>, covered by the tag manifest.
  std::string thumbnail_path;
  std::string thumbnail_sha256;
  uint64_t thumbnail_size = 0;
  std::string thumbnail_media_type;  // "image/jpeg", "image/png", ...
  // Video stills (role "still", kind "image"): the video they were decoded
  // from (its hash and original name); metadata_json holds "still" with
  // the frame's time_s, frame index, decoder and ffmpeg command.
  std::string parent_sha256;
  std::string parent_name;
};

struct PackageLogEntry {
  int64_t seq = 0;
  std::string time, actor, station, action, item_sha256, order_id, detail, prev_hash, entry_hash;
};

struct PackageTimelineEvent {
  std::string time;    // RFC 3339; local without zone when !zone_known
  std::string what;    // "order placed", "label photo captured", ...
  std::string source;  // where the time comes from
  // "order-placed", "order-paid", "order-shipped", "order-delivered",
  // "dispute-opened", "captured" or "ingested" (an item without a capture
  // time, at the store's time: listed apart, never in the story's order).
  std::string kind;
  std::string item_sha256;  // the item an event is about, else empty
  std::string role;
  bool zone_known = true;
  std::string anchor;  // message events: the message's id in report.html ("msg-...")
};

// A timeline finding about the order or one item.
struct PackageFinding {
  std::string severity;     // "serious", "warning", "info"
  std::string code;         // "before-order-placed", ...
  std::string item_sha256;  // empty when about the order or several items
  std::string explanation;  // plain words
};

// A conversation read from a chat item of the package (the export is one of
// the items: source_sha256), normalised with byte spans into the export.
struct PackageConversation {
  std::string source_sha256;
  ConversationInfo info;
  // The first kHeadMessages and the last kTailMessages (parcelproof/timeline.h)
  // of a long conversation; omitted messages lie between, from index
  // omitted_from on. Every message is in the export and, when some are
  // omitted, in full_sha256: the normalised conversation stored at ingest,
  // put in the package as an item of its own.
  std::vector<ChatMessage> messages;
  uint64_t omitted = 0;
  uint64_t omitted_from = 0;
  std::string full_sha256;
};

struct PackageInput {
  Order order;
  std::string reason;  // one of DisputeReasons()
  std::vector<PackageItem> items;
  std::vector<PackageLogEntry> custody;  // entries about the order and these items
  std::vector<PackageTimelineEvent> timeline;
  std::vector<PackageFinding> findings;  // timeline findings, serious first
  std::vector<PackageConversation> conversations;
  std::string note;            // the seller's words, may be empty
  std::string dispute_opened;  // RFC 3339 or empty
  std::string source_organization = "parcelproof user";
  const Clock* clock = nullptr;  // required: Bagging-Date and zip entry times
  std::string private_key_pem;   // Ed25519 (keygen's NAME.key)
  std::string checklists_path;   // empty -> DefaultChecklistsPath()
};

struct ChecklistLine {
  std::string id;
  std::string label;  // what the arbitrator needs, plain words
  // Met by enough items linked to this order, with this order's label
  // verdict where one is needed, and without serious findings.
  bool present = false;
  // "present", "present-but" (only items with serious findings would meet
  // it: they are in caveats) or "missing".
  std::string status;
  std::vector<std::string> evidence;  // data/... paths that satisfy it
  // Why items that look like evidence do not count, plain words: "label
  // photo data/label/...: captured before the order was placed", "this
  // order's label check is MISMATCH".
  std::vector<std::string> caveats;
};

struct PackageSummary {
  std::string path;
  std::string package_id;
  std::string bag_name;  // the top folder inside the zip
  std::string fingerprint;
  uint64_t payload_bytes = 0;
  size_t payload_files = 0;
  std::vector<ChecklistLine> checklist;
};

// The id of a conversation message in report.html ("msg-<12 hex>-<index>"):
// timeline events link to it.
std::string MessageAnchor(const std::string& source_sha256, size_t index);

// The checklists file installed with the sources (data/checklists.json).
std::string DefaultChecklistsPath();

// Builds the package at out_path (refused when it exists). Originals are
// streamed and checked against their sha256 and size; the same input, clock
// and key give the same bytes.
Result<PackageSummary> BuildPackage(const PackageInput& input, const std::string& out_path);

struct VerifyOptions {
  std::string expected_public_pem;  // --pubkey; empty -> any embedded key
};

// One named failure: a stable code ("payload-hash-mismatch") and words.
struct VerifyFailure {
  std::string code;
  std::string message;
};

struct VerifyReport {
  std::string bag_name;
  std::string package_id;
  std::string order_id;
  std::string reason;
  std::string fingerprint;  // of the embedded key, when readable
  size_t payload_files = 0;
  uint64_t payload_bytes = 0;
  std::vector<VerifyFailure> failures;
  bool ok() const { return failures.empty(); }
};

// Verifies a package zip; never writes anything and never reads an entry
// past its declared size. Non-OK Status only when the file cannot be read
// at all (missing, not a regular file); tampering is reported as failures.
Result<VerifyReport> VerifyPackage(const std::string& zip_path, const VerifyOptions& options);

// {"ok":..,"failures":[{"code","message"}],...} for --json.
std::string VerifyReportJson(const VerifyReport& report);

}  // namespace parcelproof

#endif  // PARCELPROOF_PACKAGE_H_
