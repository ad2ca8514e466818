// Recovery of adds interrupted by a crash: a blob renamed into place whose
// index row was never committed is recorded in "pending"; when its process
// is gone, the blob is removed (it was never reported stored) and logged.
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "store/blob_file.h"
#include "store/store_impl.h"

namespace parcelproof::store {
namespace {

bool ProcessAlive(long pid) {
  if (pid <= 0) return false;
  if (pid == static_cast<long>(::getpid())) return true;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

struct PendingRow {
  std::string sha256;
  long pid;
};

Result<std::vector<PendingRow>> DeadPending(Db& db) {
  auto st = db.Prepare("SELECT sha256, pid FROM pending");
  if (!st.ok()) return st.status();
  std::vector<PendingRow> dead;
  Status s;
  while ((*st)->Step(&s)) {
    PendingRow row{(*st)->Text(0), static_cast<long>((*st)->Int(1))};
    if (!ProcessAlive(row.pid)) dead.push_back(row);
  }
  if (!s.ok()) return s;
  return dead;
}

Status RecoverOne(Store::Impl& impl, const PendingRow& row) {
  return InTransaction(*impl.db, [&]() -> Status {
    auto del = impl.db->Prepare("DELETE FROM pending WHERE sha256 = ? AND pid = ?");
    if (!del.ok()) return del.status();
    PP_RETURN_IF_ERROR((*del)->Bind(1, row.sha256).Bind(2, int64_t{row.pid}).Run());
    auto indexed = impl.db->Exists("SELECT 1 FROM items WHERE sha256 = ?", row.sha256);
    if (!indexed.ok()) return indexed.status();
    auto others = impl.db->Exists("SELECT 1 FROM pending WHERE sha256 = ?", row.sha256);
    if (!others.ok()) return others.status();
    if (*indexed || *others) return Status::Ok();
    std::string path = BlobPathFor(impl.dir, row.sha256);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      return Status::IOError(path + ": cannot remove blob of an interrupted add");
    }
    return impl.AppendLogInTx(
        "recovered", row.sha256, "",
        "interrupted add by process " + std::to_string(row.pid) + " discarded (never indexed)");
  });
}

void RemoveDeadTempFiles(const std::string& tmp_dir) {
  DIR* d = ::opendir(tmp_dir.c_str());
  if (!d) return;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    size_t dash = name.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    long pid = std::atol(name.substr(0, dash).c_str());
    if (pid > 0 && !ProcessAlive(pid)) ::unlink((tmp_dir + "/" + name).c_str());
  }
  ::closedir(d);
}

}  // namespace

Status RecoverPending(Store::Impl& impl) {
  auto dead = DeadPending(*impl.db);
  if (!dead.ok()) return dead.status();
  for (const PendingRow& row : *dead) PP_RETURN_IF_ERROR(RecoverOne(impl, row));
  RemoveDeadTempFiles(impl.TmpDir());
  return Status::Ok();
}

}  // namespace parcelproof::store
