// fsck: re-hash every blob, check index against blobs, orphans, and the
// custody log chain. Read-only; each problem names the item, file or entry.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "core/sha256.h"
#include "store/blob_file.h"
#include "store/store_impl.h"

namespace parcelproof {
namespace {

using store::Db;

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (struct dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") out.push_back(n);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::set<std::string>> Column(Db& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  std::set<std::string> out;
  Status s;
  while ((*st)->Step(&s)) out.insert((*st)->Text(0));
  if (!s.ok()) return s;
  return out;
}

// Checks one blob file against its expected hash and size (size < 0: any).
void CheckBlob(const std::string& path, const std::string& sha, int64_t size, FsckReport* r) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    r->problems.push_back("item " + sha + ": blob missing (" + path + ")");
    return;
  }
  ++r->blobs;
  if (size >= 0 && st.st_size != size) {
    r->problems.push_back("item " + sha + ": blob is " + std::to_string(st.st_size) +
                          " bytes, index says " + std::to_string(size));
  }
  if (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) {
    r->problems.push_back("item " + sha + ": blob is writable (should be read-only)");
  }
  auto h = Sha256File(path);
  if (!h.ok()) {
    r->problems.push_back("item " + sha + ": cannot read blob: " + h.status().message());
  } else if (*h != sha) {
    r->problems.push_back("item " + sha + ": content changed, blob hashes to " + *h);
  }
}

Status CheckItems(Store::Impl& impl, FsckReport* r) {
  auto st = impl.db->Prepare("SELECT sha256, size, parent_sha256 FROM items ORDER BY sha256");
  if (!st.ok()) return st.status();
  Status s;
  while ((*st)->Step(&s)) {
    ++r->items;
    std::string sha = (*st)->Text(0);
    if (!IsSha256Hex(sha)) {
      r->problems.push_back("index row '" + sha + "': not a SHA-256");
      continue;
    }
    CheckBlob(store::BlobPathFor(impl.dir, sha), sha, (*st)->Int(1), r);
  }
  PP_RETURN_IF_ERROR(s);
  auto dangling = impl.db->Prepare(
      "SELECT DISTINCT sha256 FROM links WHERE sha256 NOT IN (SELECT sha256 FROM items) "
      "UNION SELECT DISTINCT parent_sha256 FROM items WHERE parent_sha256 <> '' AND "
      "parent_sha256 NOT IN (SELECT sha256 FROM items)");
  if (!dangling.ok()) return dangling.status();
  while ((*dangling)->Step(&s)) {
    r->problems.push_back("item " + (*dangling)->Text(0) + ": referenced but not in the index");
  }
  return s;
}

Status CheckOrphans(Store::Impl& impl, FsckReport* r) {
  auto items = Column(*impl.db, "SELECT sha256 FROM items");
  if (!items.ok()) return items.status();
  auto pending = Column(*impl.db, "SELECT sha256 FROM pending");
  if (!pending.ok()) return pending.status();
  std::string blobs = impl.dir + "/blobs";
  for (const std::string& sub : ListDir(blobs)) {
    for (const std::string& name : ListDir(blobs + "/" + sub)) {
      std::string path = blobs + "/" + sub + "/" + name;
      if (!IsSha256Hex(name) || name.compare(0, 2, sub) != 0) {
        r->problems.push_back("unexpected file in blobs: " + path);
      } else if (items->count(name)) {
        continue;
      } else if (pending->count(name)) {
        r->notes.push_back("blob " + name + ": add in progress or interrupted (not indexed; " +
                           "discarded at the next write when its process is gone)");
        FsckReport tmp;
        CheckBlob(path, name, -1, &tmp);
        for (const std::string& p : tmp.problems) r->problems.push_back(p);
      } else {
        r->problems.push_back("orphan blob (not in the index): " + path);
      }
    }
  }
  for (const std::string& name : ListDir(impl.TmpDir())) {
    r->notes.push_back("leftover temp file tmp/" + name);
  }
  return Status::Ok();
}

}  // namespace

// Checks the chain: seq 1..n, each prev_hash the previous entry_hash, each
// entry_hash the hash of its canonical line.
static void CheckLogChain(const std::vector<CustodyEntry>& log, FsckReport* r) {
  std::string prev = store::kGenesisHash;
  int64_t expect = 1;
  for (const CustodyEntry& e : log) {
    ++r->log_entries;
    std::string where = "custody log entry " + std::to_string(e.seq);
    if (e.seq != expect) {
      r->problems.push_back(where + ": expected sequence number " + std::to_string(expect));
    }
    if (e.prev_hash != prev) r->problems.push_back(where + ": chain broken (prev_hash differs)");
    if (Sha256Hex(CustodyEntryCanonical(e)) != e.entry_hash) {
      r->problems.push_back(where + ": entry altered (entry_hash does not match)");
    }
    prev = e.entry_hash;
    expect = e.seq + 1;
  }
  if (log.empty()) r->problems.push_back("custody log is empty (no init entry)");
}

Result<FsckReport> Store::Fsck() {
  FsckReport r;
  auto quick = impl_->db->Prepare("PRAGMA quick_check");
  if (!quick.ok()) return quick.status();
  Status s;
  while ((*quick)->Step(&s)) {
    if ((*quick)->Text(0) != "ok") r.problems.push_back("index: " + (*quick)->Text(0));
  }
  PP_RETURN_IF_ERROR(s);
  PP_RETURN_IF_ERROR(CheckItems(*impl_, &r));
  PP_RETURN_IF_ERROR(CheckOrphans(*impl_, &r));
  auto log = Log();
  if (!log.ok()) return log.status();
  CheckLogChain(*log, &r);
  return r;
}

}  // namespace parcelproof
