#include "store/db.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

namespace parcelproof::store {

namespace {

// A store on read-only media after a clean close has no -wal/-shm files and
// SQLite cannot create them: such an index is opened as immutable.
bool CanOpenImmutable(const std::string& path) {
  std::string dir = path.substr(0, path.rfind('/'));
  struct stat st;
  bool wal_has_content = ::stat((path + "-wal").c_str(), &st) == 0 && st.st_size > 0;
  return ::access(dir.c_str(), W_OK) != 0 && !wal_has_content;
}

}  // namespace

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only, bool create,
                                     int busy_timeout_ms) {
  auto db = OpenOnce(path, read_only, create, busy_timeout_ms, false);
  if (!db.ok() && read_only && CanOpenImmutable(path)) {
    return OpenOnce(path, read_only, create, busy_timeout_ms, true);
  }
  return db;
}

Result<std::unique_ptr<Db>> Db::OpenOnce(const std::string& path, bool read_only, bool create,
                                         int busy_timeout_ms, bool immutable) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  std::string uri = "file:";
  for (char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  if (immutable) uri += "?immutable=1";
  int rc = sqlite3_open_v2(uri.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Db> db(new Db(raw, path));
  if (rc != SQLITE_OK) return db->Error(rc, "open index");
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 1);
  if (!read_only) {
    PP_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
  }
  PP_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=FULL"));
  if (read_only) PP_RETURN_IF_ERROR(db->Exec("SELECT count(*) FROM meta"));
  return db;
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Error(int rc, const std::string& what) const {
  int primary = rc & 0xff;
  std::string msg = path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(path_ + ": store is locked by another process (" + what + ")");
    case SQLITE_READONLY:
      return Status::IOError(path_ + ": store is read-only (" + what + ")");
    case SQLITE_FULL:
      return Status::IOError(path_ + ": disk full (" + what + ")");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Status::IOError(msg);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(msg);
    default:  // SQLITE_CONSTRAINT among them: our own bug, not the user's
      return Status::Internal(msg);
  }
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return Error(rc, sql.substr(0, sql.find_first_of("( ", 8)));
  return Status::Ok();
}

Result<std::unique_ptr<Stmt>> Db::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  return std::make_unique<Stmt>(stmt, this);
}

Result<bool> Db::Exists(const std::string& sql, const std::string& key) {
  auto st = Prepare(sql);
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key);
  Status s;
  bool found = (*st)->Step(&s);
  if (!s.ok()) return s;
  return found;
}

int64_t Db::Changes() const { return sqlite3_changes(db_); }

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

bool Stmt::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = db_->Error(rc, "step");
  return false;
}

Status Stmt::Run() {
  Status s;
  while (Step(&s)) {
  }
  return s;
}

Status Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return Status::Ok();
}

std::string Stmt::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

}  // namespace parcelproof::store
