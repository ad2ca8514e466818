#include "archive/zip_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

#include "archive/zip_reader.h"
#include "core/sha256.h"

namespace parcelproof::archive {
namespace {

constexpr zip_uint32_t kRegularFileAttrs = (0100644u) << 16;

// A libzip source that streams one file, checking its size and SHA-256.
struct FileSource {
  std::string path;
  uint64_t size = 0;
  std::string expected_sha256;
  FILE* file = nullptr;
  std::unique_ptr<Sha256> hash;
  uint64_t done = 0;
  std::string failure;  // why the source failed, for the caller
  zip_error_t error;
};

zip_int64_t Fail(FileSource* s, const std::string& why, int zip_code) {
  s->failure = s->path + ": " + why;
  zip_error_set(&s->error, zip_code, 0);
  return -1;
}

zip_int64_t FinishRead(FileSource* s) {
  if (s->done != s->size) {
    return Fail(
        s,
        "size changed: " + std::to_string(s->done) + " bytes, expected " + std::to_string(s->size),
        ZIP_ER_READ);
  }
  if (!s->expected_sha256.empty()) {
    std::string got = s->hash->FinalHex();
    if (got != s->expected_sha256) {
      return Fail(s, "content does not match its hash " + s->expected_sha256 + " (now " + got + ")",
                  ZIP_ER_READ);
    }
  }
  return 0;
}

zip_int64_t SourceCallback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* s = static_cast<FileSource*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      s->file = std::fopen(s->path.c_str(), "rb");
      if (!s->file) return Fail(s, "cannot open", ZIP_ER_OPEN);
      std::setvbuf(s->file, nullptr, _IOFBF, 1 << 20);
      s->hash = std::make_unique<Sha256>();
      s->done = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      size_t n = std::fread(data, 1, len, s->file);
      if (n == 0 && std::ferror(s->file)) return Fail(s, "read error", ZIP_ER_READ);
      if (n == 0) return FinishRead(s);
      s->done += n;
      if (s->done > s->size) return Fail(s, "file grew while packaging", ZIP_ER_READ);
      if (!s->expected_sha256.empty()) s->hash->Update(data, n);
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      if (s->file) std::fclose(s->file);
      s->file = nullptr;
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = s->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(*st);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

std::string ZipErrorText(zip_t* za) { return zip_error_strerror(zip_get_error(za)); }

// libzip turns DOS times into local time_t and back, which can shift them in
// a daylight-saving gap: write the UTC fields into every header ourselves.
Status PatchDosTimes(const std::string& path, uint16_t dos_date, uint16_t dos_time) {
  ZipLayout layout = InspectZip(path);
  if (!layout.problems.empty()) {
    return Status::Internal(path + ": written zip fails inspection: " + layout.problems[0].message);
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": " + std::strerror(errno));
  unsigned char v[4] = {
      static_cast<unsigned char>(dos_time & 0xff), static_cast<unsigned char>(dos_time >> 8),
      static_cast<unsigned char>(dos_date & 0xff), static_cast<unsigned char>(dos_date >> 8)};
  bool ok = true;
  for (const ZipEntryInfo& e : layout.entries) {
    ok = ok && ::pwrite(fd, v, 4, static_cast<off_t>(e.local_offset + 10)) == 4 &&
         ::pwrite(fd, v, 4, static_cast<off_t>(e.central_offset + 12)) == 4;
  }
  ok = ::close(fd) == 0 && ok;
  return ok ? Status::Ok() : Status::IOError(path + ": cannot set entry times");
}

}  // namespace

void DosDateTime(int64_t unix_seconds, uint16_t* dos_date, uint16_t* dos_time) {
  constexpr int64_t k1980 = 315532800, kMax = 4354819198;  // 2107-12-31T23:59:58Z
  time_t t = static_cast<time_t>(std::clamp<int64_t>(unix_seconds, k1980, kMax));
  struct tm tm;
  gmtime_r(&t, &tm);
  *dos_date = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  *dos_time = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

void ZipWriter::AddFile(const std::string& name, const std::string& path, uint64_t size,
                        const std::string& expected_sha256, bool deflate) {
  entries_.push_back(Entry{name, path, "", size, expected_sha256, deflate});
}

void ZipWriter::AddBytes(const std::string& name, std::string data, bool deflate) {
  uint64_t size = data.size();
  entries_.push_back(Entry{name, "", std::move(data), size, "", deflate});
}

Status ZipWriter::WriteTo(const std::string& out_path) {
  std::vector<Entry*> sorted;
  for (Entry& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](Entry* a, Entry* b) { return a->name < b->name; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i]->name == sorted[i - 1]->name) {
      return Status::InvalidArgument("duplicate zip entry name: " + sorted[i]->name);
    }
  }
  int err = 0;
  zip_t* za = zip_open(out_path.c_str(), ZIP_CREATE | ZIP_EXCL, &err);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = out_path + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return err == ZIP_ER_EXISTS
               ? Status::InvalidArgument(out_path + ": exists, refusing to overwrite")
               : Status::IOError(msg);
  }
  std::vector<std::unique_ptr<FileSource>> sources;
  uint16_t dos_date = 0, dos_time = 0;
  DosDateTime(unix_seconds_, &dos_date, &dos_time);
  Status st;
  for (Entry* e : sorted) {
    zip_source_t* src = nullptr;
    if (e->path.empty()) {
      src = zip_source_buffer(za, e->data.data(), e->data.size(), 0);
    } else {
      auto fs = std::make_unique<FileSource>();
      fs->path = e->path;
      fs->size = e->size;
      fs->expected_sha256 = e->expected_sha256;
      zip_error_init(&fs->error);
      src = zip_source_function(za, SourceCallback, fs.get());
      sources.push_back(std::move(fs));
    }
    zip_int64_t idx = src ? zip_file_add(za, e->name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (src) zip_source_free(src);
      st = Status::Internal(e->name + ": " + ZipErrorText(za));
      break;
    }
    zip_uint64_t i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za, i, e->deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 e->deflate ? 9 : 0) != 0 ||
        zip_file_set_dostime(za, i, dos_time, dos_date, 0) != 0 ||
        zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, kRegularFileAttrs) != 0) {
      st = Status::Internal(e->name + ": " + ZipErrorText(za));
      break;
    }
  }
  if (!st.ok()) {
    zip_discard(za);
    return st;
  }
  if (zip_close(za) != 0) {
    for (const auto& s : sources) {
      if (!s->failure.empty()) st = Status::Corrupt(s->failure);
    }
    if (st.ok()) st = Status::IOError(out_path + ": " + ZipErrorText(za));
    zip_discard(za);
    for (const auto& s : sources) zip_error_fini(&s->error);
    return st;
  }
  for (const auto& s : sources) zip_error_fini(&s->error);
  st = PatchDosTimes(out_path, dos_date, dos_time);
  if (!st.ok()) std::remove(out_path.c_str());
  return st;
}

}  // namespace parcelproof::archive
