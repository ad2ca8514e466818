#include "help_text.h"

#include <cstring>

namespace parcelproof::cli {
namespace {

const OptionHelp kJson = {"--json", "print one JSON document on stdout instead of text", ""};
const OptionHelp kStore = {"--store DIR", "the evidence store folder",
                           "$PARCELPROOF_STORE, else ./parcelproof-store"};
const OptionHelp kStation = {"--station NAME", "the capture station recorded in the custody log",
                             "the store's default station"};
const OptionHelp kHelp = {"--help", "print this help and exit", ""};
const char kStoreExit[] = "0 ok; 2 usage error; 3 the store or an input cannot be used; 4 internal";

std::vector<VerbHelp> MakeVerbs() {
  return {
      {"scan",
       "read every barcode on label photos and in videos",
       "scan IMAGE_OR_VIDEO... [--json] [--jobs N] [--timeout SECONDS] [--no-ocr]",
       "Reads every barcode on each photo (Code 128, Code 39, Code 93, ITF, EAN/UPC, QR, "
       "DataMatrix, PDF417, Aztec, MaxiCode), with its corners in the upright image and what it "
       "means on a parcel: tracking numbers with their scheme and check digit, GS1 application "
       "identifiers, MH10.8.3 carrier messages, JSON or key=value payloads. Photos are recognised "
       "by content (JPEG, PNG, WebP, HEIC); images claiming over 100 MP are refused before "
       "decoding. The printed ship-to block beside the tracking barcode is read by OCR "
       "(Tesseract) and split into recipient, street, city, region, postal code and country. "
       "Videos (MP4/MOV, Matroska/WebM, AVI; H.264, HEVC, VP9, AV1, MJPEG, ...) are "
       "read with FFmpeg: the barcodes seen over time (first and last seen, the sharpest frame), "
       "upright by the display matrix, and continuity indicators (timestamp gaps, edit lists, "
       "editing software, ...). Decoding runs in crash-contained worker processes.",
       {kJson,
        {"--jobs N", "worker processes", "one per core"},
        {"--timeout SECONDS",
         "kill a worker stuck on one photo after this long (a video: this plus a quarter of its "
         "duration, at most ten times this)",
         "60"},
        {"--no-ocr", "do not read the printed address", ""},
        kHelp},
       {"parcelproof scan label.jpg", "parcelproof scan --json photos/*.jpg > scan.json"},
       "0 every file was read; 3 a file is missing, corrupt or refused; 2 usage; 4 internal"},
      {"check",
       "check label photos and packing videos against an order: PASS/MISMATCH/UNREADABLE",
       "check IMAGE_OR_VIDEO... (--order FILE [--order-id ID] | --tracking T [--postal-code P] "
       "[--country CC] [--recipient NAME] [--city CITY]) [--json] [--jobs N] [--timeout SECONDS] "
       "[--no-ocr]",
       "Gives each label photo a verdict against an order: PASS when the order's tracking number "
       "is on the label and no address datum from a barcode contradicts the order; MISMATCH when "
       "another tracking number is on it (or a second label's), or a postal code, country or "
       "recipient differs (from a barcode; from the printed address read by OCR, a confidently "
       "read postal code, country or city; a different printed recipient is a warning); "
       "UNREADABLE when no tracking number could be read. With an order file "
       "of several orders and no --order-id, each photo is checked against the order whose "
       "tracking number is on its label. A packing video passes when the order's number is read "
       "in it; another parcel's number read for at least 1 s or covering at least 1% of the "
       "frame makes a MISMATCH (two parcels in one video: a mix-up or a splice), with the times.",
       {{"--order FILE", "orders file, JSON or CSV (schemas/order.schema.json)", ""},
        {"--order-id ID", "the order of the file to check against", "found by tracking number"},
        {"--tracking T", "the expected tracking number, without an order file", ""},
        {"--postal-code P", "with --tracking: the expected postal code", ""},
        {"--country CC", "with --tracking: the expected ISO 3166 alpha-2 country", ""},
        {"--recipient NAME", "with --tracking: the expected recipient", ""},
        {"--city CITY", "with --tracking: the expected city", ""},
        kJson,
        {"--jobs N", "worker processes", "one per core"},
        {"--timeout SECONDS", "kill a worker stuck on one photo after this long", "60"},
        {"--no-ocr", "do not read the printed address", ""},
        kHelp},
       {"parcelproof check label.jpg --order orders.json --order-id A-1001",
        "parcelproof check label.jpg --tracking RR123456785CN --postal-code 10115 --country DE"},
       "0 every photo passes; 1 any mismatches; 3 any is unreadable and none mismatches; 2 usage"},
      {"keygen",
       "make an Ed25519 signing key pair (NAME.key, NAME.pub)",
       "keygen NAME [--json]",
       "Writes an Ed25519 key pair as PEM: NAME.key (PKCS#8, mode 0600, keep it secret) and "
       "NAME.pub, and prints the key's fingerprint (SHA-256 of the DER public key) for "
       "arbitrators to compare. Never overwrites a file.",
       {kJson, kHelp},
       {"parcelproof keygen seller"},
       "0 written; 2 usage or a file exists; 3 the files cannot be written"},
      {"bundle",
       "build the signed evidence package for a dispute",
       "bundle ORDER --reason REASON --key KEY [-o FILE.zip] [--include HASH...] "
       "[--exclude HASH...] [--note TEXT] [--dispute-opened TIME] [--store DIR] [--json]",
       "Builds a signed BagIt package (zip) for one order, ORDER being its id or one of its "
       "tracking numbers: every original linked to the order, plus --include, minus --exclude, "
       "with evidence.json, report.html, the custody log and the Ed25519 signature. Each "
       "original is re-hashed on the way in. Deterministic with SOURCE_DATE_EPOCH. REASON: "
       "not-received, invalid-tracking, wrong-address, in-transit, customs, returned, "
       "delivered-not-received, not-as-described, not-working, damaged, short-shipment, "
       "counterfeit, wrong-item.",
       {{"--reason REASON", "the dispute reason (list above)", ""},
        {"--key KEY", "the Ed25519 private key (keygen's NAME.key)", ""},
        {"-o FILE.zip", "the package to write (never overwritten)", "dispute-<order>-<reason>.zip"},
        {"--include HASH...", "also package these stored items", ""},
        {"--exclude HASH...", "leave these items out", ""},
        {"--note TEXT", "the seller's statement, shown first in the report", ""},
        {"--dispute-opened TIME", "when the dispute was opened (RFC 3339)", ""},
        {"--checklists FILE", "the evidence checklists", "data/checklists.json"},
        kStore,
        kStation,
        kJson,
        kHelp},
       {"SOURCE_DATE_EPOCH=1772712000 parcelproof bundle A-1001 --reason wrong-address "
        "--key seller.key"},
       "0 written; 2 usage; 3 the store, an original or the key cannot be used (nothing written)"},
      {"verify",
       "verify an evidence package: structure, hashes, signature",
       "verify FILE.zip [--pubkey PEM] [--json]",
       "Checks a package the way an arbitrator would, failing closed: zip structure (no "
       "traversal, links, duplicates or bombs), BagIt manifests and every payload hash, the tag "
       "manifest, and the Ed25519 signature over it. Anything not covered by the signature is a "
       "failure. Writes nothing.",
       {{"--pubkey PEM", "require this public key (else the embedded one is used)", ""},
        kJson,
        kHelp},
       {"parcelproof verify dispute-A-1001-wrong-address.zip --pubkey seller.pub"},
       "0 verified; 1 verification failed (each failure named); 3 unreadable file; 2 usage"},
      {"upload-set",
       "the files a platform accepts (summary PDF, photos) from a package",
       "upload-set PACKAGE.zip --platform P [-o DIR] [--paper a4|letter] [--platforms FILE] "
       "[--json]",
       "Verifies the package, then writes the files one payment platform or marketplace accepts "
       "as dispute evidence within its limits (data/platforms.json, each number with its "
       "source): summary.pdf (or PNG pages where no PDF is taken) rendered with Cairo and Pango, "
       "the label photo and key photos re-encoded as JPEGs named after their original's hash "
       "prefix, and upload-set.json listing every file, its SHA-256, the original it derives "
       "from and the package's hash, and what was left out and why. Deterministic with "
       "SOURCE_DATE_EPOCH. P: stripe, shopify, paypal, ebay, amex, mastercom, aliexpress.",
       {{"--platform P", "the platform profile (list above)", ""},
        {"-o DIR", "the folder to write (created; never overwritten)", "upload-P"},
        {"--paper a4|letter", "the summary's paper size", "a4"},
        {"--platforms FILE", "the platform profiles", "data/platforms.json"},
        kJson,
        kHelp},
       {"SOURCE_DATE_EPOCH=1772712000 parcelproof upload-set dispute-A-1001-wrong-address.zip "
        "--platform stripe -o stripe"},
       "0 written; 1 the package does not verify (nothing written); 2 usage or DIR holds a set; "
       "3 unknown platform, unreadable package, or a profile that cannot take the summary"},
      {"init",
       "create an evidence store",
       "init [--store DIR] [--station NAME] [--json]",
       "Creates an evidence store in an empty or missing folder and records the default station "
       "(the host name when not given).",
       {kStore, {"--station NAME", "the store's default station", "the host name"}, kJson, kHelp},
       {"parcelproof init --store /srv/evidence --station pack-1"},
       kStoreExit},
      {"orders",
       "orders import FILE: add or update orders in the store",
       "orders import FILE [--store DIR] [--station NAME] [--json]",
       "Imports orders from JSON or CSV, atomically: an invalid record rejects the whole file "
       "with a message naming the record and the field. Re-importing updates orders and logs "
       "what changed.",
       {kStore, kStation, kJson, kHelp},
       {"parcelproof orders import orders.csv"},
       kStoreExit},
      {"ingest",
       "store photos, videos, documents, chats; link to orders",
       "ingest PATH... [--order ID] [--role ROLE] [--station NAME] [--store DIR] [--jobs N] "
       "[--no-thumbnails] [--zone OFFSET] [--me NAME...] [--stills N] [--timeout S] [--json]",
       "Copies each file (folders are walked) into the write-once store, hashing it first, then "
       "reads barcodes, EXIF and capture times, makes thumbnails, links label photos to the "
       "order whose tracking number they show and records the label verdict. Re-adding the "
       "same bytes is a duplicate that only adds links. Chat exports (WhatsApp, Telegram, e-mail, "
       "marketplace CSV/JSON lines) are recognised by content; the conversation read from one is "
       "stored beside it as a derived item; a WhatsApp zip with media is checked like a package "
       "(unsafe zips refused) and each media file is stored with the zip as its parent. Videos are "
       "scanned in a worker process (labels over "
       "time, continuity indicators), linked by the tracking number they show (role packing), "
       "and evidence stills are stored as derived JPEGs: the best frame of each tracking-number "
       "read and the sharpest frame in each of N windows. ROLE: packing, label, contents, weight, "
       "unboxing, delivery-note, buyer-photo, chat, document, other.",
       {{"--order ID", "link every file to this (imported) order", "link by tracking number"},
        {"--role ROLE", "the role of every file (list above)", "label when a barcode matches"},
        kStation,
        kStore,
        {"--jobs N", "scanner worker processes", "one per core"},
        {"--no-thumbnails", "make no thumbnails", ""},
        {"--zone OFFSET", "the zone of chat exports' local times, e.g. +08:00", "unknown"},
        {"--me NAME...", "chat senders who are the seller (put it last)", "none: all buyers"},
        {"--stills N", "videos: contents stills (sharpest frame of N windows; 0 none)", "6"},
        {"--timeout S", "videos: seconds a scan may take, plus a quarter of the duration", "60"},
        kJson,
        kHelp},
       {"parcelproof ingest photos/2026-03-03/",
        "parcelproof ingest clip.mp4 --order 1001 --role "
        "unboxing"},
       "0 every file stored or duplicate; 3 any refused, or the store cannot be used; 2 usage"},
      {"show",
       "an order and every item linked to it",
       "show ORDER_ID_OR_TRACKING [--store DIR] [--json]",
       "Prints the order and every linked item: role, capture time and its source, barcodes, "
       "hash, label verdicts and the items derived from it (thumbnails, conversations, video "
       "stills with their time and frame).",
       {kStore, kJson, kHelp},
       {"parcelproof show RR472518365CN"},
       "0 found; 3 unknown order or unusable store; 2 usage"},
      {"export",
       "copy a stored item's original bytes out",
       "export HASH -o FILE [--store DIR] [--json]",
       "Writes the byte-identical original, verified against its hash while copying; never "
       "overwrites FILE. Logged as 'export'.",
       {{"-o FILE", "where to write the original", ""}, kStore, kStation, kJson, kHelp},
       {"parcelproof export 86615cb0...e3 -o original.jpg"},
       "0 written; 3 unknown hash, changed blob or FILE exists; 2 usage"},
      {"log",
       "print the store's custody log",
       "log [--store DIR] [--json]",
       "Prints the append-only, hash-chained custody log: time, actor, station, action, item, "
       "order and detail of every entry.",
       {kStore, kJson, kHelp},
       {"parcelproof log --json"},
       kStoreExit},
      {"fsck",
       "re-hash every blob; check index, orphans, log chain",
       "fsck [--store DIR] [--json]",
       "Re-hashes every blob and checks the index against the blobs (missing, changed, wrong "
       "size, writable), orphans, dangling links and the custody log's chain.",
       {kStore, kJson, kHelp},
       {"parcelproof fsck"},
       "0 clean; 1 the store has problems (each named); 3 unusable store; 2 usage"},
      {"inspect",
       "capture times, EXIF and sha256 of files (no store)",
       "inspect FILE... [--json]",
       "Reads capture times (EXIF with offset and subseconds, GPS time, QuickTime and XMP dates, "
       "MP4/Matroska/AVI container times), camera, software and the structure problems of each "
       "file, without a store.",
       {kJson, kHelp},
       {"parcelproof inspect IMG_0001.jpg clip.mp4"},
       "0 every file read; 3 a file is missing or unreadable; 2 usage"},
      {"chat",
       "the conversation in chat exports, e-mail, marketplace copies (no store)",
       "chat FILE... [--zone OFFSET] [--json] [--me NAME...]",
       "Reads WhatsApp exports (Android and iOS, any date order, 12/24-hour clocks, other "
       "languages; the .txt or the zip with media, whose media are tied to their messages and "
       "which is refused when unsafe: traversal names, symlinks, duplicates, bombs), Telegram "
       "Desktop result.json, e-mail (.eml, .mbox) and the marketplace CSV / "
       "JSON-lines copies, and prints the thread: time, side, sender, text, attachments, "
       "deleted/edited marks. Every message carries its byte span in the original file. A file "
       "that matches no format is reported, never guessed.",
       {{"--zone OFFSET", "the zone of local times, e.g. +08:00 (WhatsApp carries none)",
         "unknown"},
        {"--me NAME...", "senders who are the seller (put it last)", "none: all buyers"},
        kJson,
        kHelp},
       {"parcelproof chat 'WhatsApp Chat with Anna.txt' --zone +01:00 --me 'Li Wei'",
        "parcelproof chat --json result.json mail.eml > thread.json"},
       "0 every file read; 3 a file is missing, unreadable or not a conversation; 2 usage"},
      {"timeline",
       "an order's events and evidence in time order, with findings",
       "timeline ORDER [--dispute-opened TIME] [--store DIR] [--json]",
       "Merges the order's own times and its items' capture times into one timeline and reports "
       "where they do not tell one consistent story (photos before the order, after shipment, "
       "resaved, edited, clock skew, ...). Findings are data: the exit code is 0 whatever they "
       "say.",
       {{"--dispute-opened TIME", "when the dispute was opened (RFC 3339)", ""},
        kStore,
        kJson,
        kHelp},
       {"parcelproof timeline A-1001 --dispute-opened 2026-03-20T00:00:00Z"},
       "0 printed; 3 unknown order or unusable store; 2 usage or a bad TIME"},
  };
}

}  // namespace

const std::vector<VerbHelp>& VerbHelps() {
  static const std::vector<VerbHelp> kVerbs = MakeVerbs();
  return kVerbs;
}

const VerbHelp* FindVerbHelp(const char* name) {
  for (const VerbHelp& v : VerbHelps()) {
    if (std::strcmp(v.name, name) == 0) return &v;
  }
  return nullptr;
}

}  // namespace parcelproof::cli
