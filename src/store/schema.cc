// The index schema. Items, links, verdicts and the custody log are
// append-only: triggers refuse UPDATE and DELETE on them.
#include "store/store_impl.h"

namespace parcelproof::store {

namespace {

const char kSchema[] = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items(
  sha256 TEXT PRIMARY KEY, kind TEXT NOT NULL, original_name TEXT NOT NULL,
  size INTEGER NOT NULL, media_type TEXT NOT NULL, capture_time TEXT NOT NULL,
  capture_time_source TEXT NOT NULL, ingested_at TEXT NOT NULL, station TEXT NOT NULL,
  actor TEXT NOT NULL, parent_sha256 TEXT NOT NULL, barcodes TEXT NOT NULL,
  metadata_json TEXT NOT NULL);
CREATE INDEX items_parent ON items(parent_sha256) WHERE parent_sha256 <> '';
CREATE TABLE links(
  sha256 TEXT NOT NULL, order_id TEXT NOT NULL, role TEXT NOT NULL, linked_at TEXT NOT NULL,
  UNIQUE(sha256, order_id, role));
CREATE INDEX links_order ON links(order_id, sha256);
CREATE TABLE verdicts(
  sha256 TEXT NOT NULL, order_id TEXT NOT NULL, verdict TEXT NOT NULL, reasons TEXT NOT NULL,
  PRIMARY KEY(sha256, order_id)) WITHOUT ROWID;
CREATE TABLE orders(id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE tracking(number TEXT NOT NULL, order_id TEXT NOT NULL,
  PRIMARY KEY(number, order_id)) WITHOUT ROWID;
CREATE INDEX tracking_order ON tracking(order_id);
CREATE TABLE pending(sha256 TEXT NOT NULL, pid INTEGER NOT NULL, started TEXT NOT NULL,
  PRIMARY KEY(sha256, pid));
CREATE TABLE custody(
  seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, station TEXT NOT NULL,
  action TEXT NOT NULL, item_sha256 TEXT NOT NULL, order_id TEXT NOT NULL,
  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL);
CREATE TRIGGER items_no_update BEFORE UPDATE ON items
  BEGIN SELECT RAISE(ABORT, 'items are write-once'); END;
CREATE TRIGGER items_no_delete BEFORE DELETE ON items
  BEGIN SELECT RAISE(ABORT, 'items are write-once'); END;
CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody
  BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
  BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
)SQL";

}  // namespace

Status CreateSchema(Db& db) {
  PP_RETURN_IF_ERROR(db.Exec(kSchema));
  Result<std::unique_ptr<Stmt>> st =
      db.Prepare("INSERT INTO meta(key, value) VALUES('format_version', ?)");
  if (!st.ok()) return st.status();
  return (*st)->Bind(1, std::to_string(kStoreFormatVersion)).Run();
}

}  // namespace parcelproof::store
