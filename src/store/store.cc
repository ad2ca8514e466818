// Store creation, opening and identity (marker file, format version, actor, station).
#include "parcelproof/store.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/file.h"
#include "store/blob_file.h"
#include "store/store_impl.h"

namespace parcelproof {
namespace {

using store::Db;

constexpr int kDefaultBusyTimeoutMs = 5000;

std::string OsUser() {
  struct passwd pw;
  struct passwd* found = nullptr;
  char buf[4096];
  if (getpwuid_r(geteuid(), &pw, buf, sizeof(buf), &found) == 0 && found) return pw.pw_name;
  const char* user = std::getenv("USER");
  if (user && *user) return user;
  return "uid " + std::to_string(geteuid());
}

std::string HostName() {
  char buf[256] = {0};
  if (gethostname(buf, sizeof(buf) - 1) != 0 || !buf[0]) return "unknown";
  return buf;
}

std::string Absolute(const std::string& dir) {
  char* real = ::realpath(dir.c_str(), nullptr);
  if (!real) return dir;
  std::string out = real;
  std::free(real);
  return out;
}

int BusyTimeout(int option) {
  if (option >= 0) return option;
  const char* env = std::getenv("PARCELPROOF_BUSY_TIMEOUT_MS");
  if (env && *env) return std::atoi(env);
  return kDefaultBusyTimeoutMs;
}

std::string MarkerText() {
  return "parcelproof-store " + std::to_string(kStoreFormatVersion) + "\n";
}

Status CheckMarker(const std::string& dir) {
  Result<std::string> marker = ReadFileLimited(dir + "/" + store::kMarkerFile, 4096);
  if (!marker.ok()) {
    return Status::Unsupported(dir + ": not a parcelproof store (no " + store::kMarkerFile +
                               " file; create one with `parcelproof init`)");
  }
  if (*marker != MarkerText()) {
    std::string first = marker->substr(0, marker->find('\n'));
    return Status::Unsupported(dir + ": store format '" + first + "' is not supported (this " +
                               "program reads format " + std::to_string(kStoreFormatVersion) + ")");
  }
  return Status::Ok();
}

Result<std::string> ReadMeta(Db& db, const std::string& key) {
  auto st = db.Prepare("SELECT value FROM meta WHERE key = ?");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key);
  Status s;
  if ((*st)->Step(&s)) return (*st)->Text(0);
  if (!s.ok()) return s;
  return std::string();
}

Status WriteMarker(const std::string& dir) {
  std::string tmp = dir + "/tmp/marker";
  PP_RETURN_IF_ERROR(WriteFile(tmp, MarkerText()));
  if (::rename(tmp.c_str(), (dir + "/" + store::kMarkerFile).c_str()) != 0) {
    return Status::IOError(dir + ": cannot write marker: " + std::strerror(errno));
  }
  return store::SyncDir(dir);
}

Status MakeDir(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IOError(path + ": cannot create folder: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status CheckNewStoreDir(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return MakeDir(dir);
  if (!S_ISDIR(st.st_mode)) return Status::InvalidArgument(dir + ": exists and is not a folder");
  if (::access((dir + "/" + store::kMarkerFile).c_str(), F_OK) == 0) {
    return Status::InvalidArgument(dir + ": is already a parcelproof store");
  }
  if (::rmdir(dir.c_str()) == 0) return MakeDir(dir);  // was empty
  return Status::InvalidArgument(dir + ": folder is not empty and is not a parcelproof store");
}

}  // namespace

std::string ResolveStoreDir(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  const char* env = std::getenv("PARCELPROOF_STORE");
  if (env && *env) return env;
  return "./parcelproof-store";
}

const char* ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kImage:
      return "image";
    case ItemKind::kVideo:
      return "video";
    case ItemKind::kDocument:
      return "document";
    case ItemKind::kChat:
      return "chat";
    case ItemKind::kDerived:
      return "derived";
  }
  return "image";
}

bool ParseItemKind(const std::string& name, ItemKind* kind) {
  for (ItemKind k : {ItemKind::kImage, ItemKind::kVideo, ItemKind::kDocument, ItemKind::kChat,
                     ItemKind::kDerived}) {
    if (name == ItemKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& IngestRoles() {
  static const std::vector<std::string> kRoles = {
      "packing",       "label",       "contents", "weight",   "unboxing",
      "delivery-note", "buyer-photo", "chat",     "document", "other"};
  return kRoles;
}

bool IsIngestRole(const std::string& role) {
  for (const std::string& r : IngestRoles()) {
    if (r == role) return true;
  }
  return false;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
const std::string& Store::dir() const { return impl_->dir; }
const std::string& Store::station() const { return impl_->station; }
const std::string& Store::actor() const { return impl_->actor; }

Result<std::unique_ptr<Store>> Store::Init(const std::string& dir, const Options& options,
                                           const std::string& default_station) {
  if (!options.clock) return Status::Internal("Store::Init: no clock");
  PP_RETURN_IF_ERROR(CheckNewStoreDir(dir));
  std::string abs = Absolute(dir);
  PP_RETURN_IF_ERROR(MakeDir(abs + "/blobs"));
  PP_RETURN_IF_ERROR(MakeDir(abs + "/tmp"));
  auto db = Db::Open(abs + "/" + store::kIndexFile, false, true, BusyTimeout(-1));
  if (!db.ok()) return db.status();
  std::string station = default_station.empty() ? HostName() : default_station;
  auto impl = std::make_unique<Impl>();
  impl->dir = abs;
  impl->clock = options.clock;
  impl->actor = options.actor.empty() ? OsUser() : options.actor;
  impl->station = options.station.empty() ? station : options.station;
  impl->db = std::move(*db);
  Status s = store::InTransaction(*impl->db, [&]() -> Status {
    PP_RETURN_IF_ERROR(store::CreateSchema(*impl->db));
    auto st = impl->db->Prepare("INSERT INTO meta(key, value) VALUES('default_station', ?)");
    if (!st.ok()) return st.status();
    PP_RETURN_IF_ERROR((*st)->Bind(1, station).Run());
    return impl->AppendLogInTx(
        "init", "", "",
        "store format " + std::to_string(kStoreFormatVersion) + ", default station " + station);
  });
  PP_RETURN_IF_ERROR(s);
  PP_RETURN_IF_ERROR(store::SyncDir(abs));
  PP_RETURN_IF_ERROR(WriteMarker(abs));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const Options& options) {
  if (!options.clock) return Status::Internal("Store::Open: no clock");
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::NotFound(dir + ": no store here (create one with `parcelproof init`)");
  }
  PP_RETURN_IF_ERROR(CheckMarker(dir));
  std::string abs = Absolute(dir);
  if (!options.read_only && ::access(abs.c_str(), W_OK) != 0) {
    return Status::IOError(abs + ": store is read-only (no write permission)");
  }
  if (!options.read_only && (::access((abs + "/" + store::kIndexFile).c_str(), W_OK) != 0 ||
                             ::access((abs + "/tmp").c_str(), W_OK) != 0)) {
    return Status::IOError(abs + ": store is read-only (index or tmp folder not writable)");
  }
  auto db = Db::Open(abs + "/" + store::kIndexFile, options.read_only, false,
                     BusyTimeout(options.busy_timeout_ms));
  if (!db.ok()) return db.status();
  Result<std::string> version = ReadMeta(**db, "format_version");
  if (!version.ok()) return version.status();
  if (*version != std::to_string(kStoreFormatVersion)) {
    return Status::Unsupported(abs + ": index format version '" + *version + "' not supported");
  }
  Result<std::string> station = ReadMeta(**db, "default_station");
  if (!station.ok()) return station.status();
  auto impl = std::make_unique<Impl>();
  impl->dir = abs;
  impl->clock = options.clock;
  impl->read_only = options.read_only;
  impl->actor = options.actor.empty() ? OsUser() : options.actor;
  impl->station = options.station.empty() ? *station : options.station;
  impl->db = std::move(*db);
  if (!options.read_only) PP_RETURN_IF_ERROR(store::RecoverPending(*impl));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

}  // namespace parcelproof
