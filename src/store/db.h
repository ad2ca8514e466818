// A thin RAII wrapper over SQLite: open, exec, prepared statements, and the
// mapping of SQLite result codes to Status. The only file that includes sqlite3.h
// is db.cc; the rest of src/store/ uses this class.
#ifndef PARCELPROOF_STORE_DB_H_
#define PARCELPROOF_STORE_DB_H_

#include <cstdint>
#include <memory>
#include <string>

#include "parcelproof/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace parcelproof::store {

class Stmt;

class Db {
 public:
  // Opens path (read-only or read-write, never creating unless create).
  // Sets WAL, synchronous=FULL and the busy timeout. A read-only open of an
  // index in a folder nobody can write, without pending WAL content, falls
  // back to SQLite's immutable mode.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool read_only, bool create,
                                          int busy_timeout_ms);
  ~Db();

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  Result<std::unique_ptr<Stmt>> Prepare(const std::string& sql);
  // Whether sql (one text parameter, ?) returns a row for key.
  Result<bool> Exists(const std::string& sql, const std::string& key);
  // Maps the last error of this connection (rc) to a Status naming what.
  Status Error(int rc, const std::string& what) const;
  int64_t Changes() const;

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static Result<std::unique_ptr<Db>> OpenOnce(const std::string& path, bool read_only, bool create,
                                              int busy_timeout_ms, bool immutable);
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind indexes start at 1; columns at 0.
class Stmt {
 public:
  Stmt(sqlite3_stmt* stmt, const Db* db) : stmt_(stmt), db_(db) {}
  ~Stmt();
  Stmt& Bind(int i, const std::string& v);
  Stmt& Bind(int i, int64_t v);
  // Steps: true when a row is ready, false when done; errors in *status.
  bool Step(Status* status);
  // Runs to completion (for statements without rows).
  Status Run();
  Status Reset();
  std::string Text(int col) const;
  int64_t Int(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3_stmt* stmt_;
  const Db* db_;
};

// Runs a transaction: BEGIN IMMEDIATE, body, COMMIT (ROLLBACK on error).
template <typename F>
Status InTransaction(Db& db, F&& body) {
  PP_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    db.Exec("ROLLBACK");
    return s;
  }
  s = db.Exec("COMMIT");
  if (!s.ok()) db.Exec("ROLLBACK");
  return s;
}

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_DB_H_
