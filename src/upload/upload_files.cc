#include "upload/upload_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "package/report_parts.h"

namespace parcelproof::upload {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

bool LinkedTo(const json& it, const std::string& order_id) {
  if (!it.contains("order_ids") || !it["order_ids"].is_array()) return false;
  for (const json& o : it["order_ids"]) {
    if (o.is_string() && o.get<std::string>() == order_id) return true;
  }
  return false;
}

int Orientation(const json& item) {
  const json& m = item.contains("metadata") ? item["metadata"] : json::object();
  if (m.is_object() && m.contains("exif") && m["exif"].is_object() &&
      m["exif"].contains("orientation") && m["exif"]["orientation"].is_number_integer()) {
    return m["exif"]["orientation"].get<int>();
  }
  return 1;
}

}  // namespace

Status PrepareOutDir(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    if (::mkdir(dir.c_str(), 0755) != 0) {
      return Status::IOError(dir + ": cannot create the folder: " + std::strerror(errno));
    }
    return Status::Ok();
  }
  if (!S_ISDIR(st.st_mode)) return Status::InvalidArgument(dir + ": not a folder");
  if (::stat((dir + "/upload-set.json").c_str(), &st) == 0) {
    return Status::InvalidArgument(dir + ": already holds an upload set (upload-set.json)");
  }
  return Status::Ok();
}

Status WriteNew(const std::string& path, const std::string& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wbx");
  if (!f) return Status::IOError(path + ": cannot create: " + std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return Status::IOError(path + ": write failed (disk full?)");
  return Status::Ok();
}

namespace {

// Video stills: 0 for the best frame of a label read, 1 for others.
int StillRank(const json& item) {
  if (Str(item, "role") != "still" || !item.contains("metadata")) return 0;
  const json& m = item["metadata"];
  if (!m.is_object() || !m.contains("still") || !m["still"].is_object()) return 0;
  return Str(m["still"], "purpose") == "label" ? 0 : 1;
}

}  // namespace

std::vector<const json*> StoryPhotos(const json& ev) {
  std::string order_id = Str(ev["order"], "id");
  std::vector<const json*> out;
  for (const json& it : ev["items"]) {
    if (Str(it, "kind") == "image" && Str(it, "role") != "chat") out.push_back(&it);
  }
  std::stable_sort(out.begin(), out.end(), [&](const json* a, const json* b) {
    bool la = LinkedTo(*a, order_id), lb = LinkedTo(*b, order_id);
    if (la != lb) return la;  // this order's evidence before other parcels' (--include)
    int ra = package::StoryRank(Str(*a, "role")), rb = package::StoryRank(Str(*b, "role"));
    if (ra != rb) return ra < rb;
    return StillRank(*a) < StillRank(*b);  // key stills (label reads) before contents stills
  });
  return out;
}

Result<FittedJpeg> FitPhoto(const PackageContents& pkg, const json& item, int max_side,
                            uint64_t max_bytes) {
  Result<FittedJpeg> fitted = Status::Corrupt("no decodable picture");
  if (Str(item, "media_type") != "image/heif") {
    Result<std::string> bytes = pkg.Read(Str(item, "path"), 256ull << 20);
    if (!bytes.ok()) return bytes.status();
    fitted = FitJpeg(*bytes, Orientation(item), max_side, max_bytes);
    if (fitted.ok() || fitted.status().code() == Status::Code::kUnsupported) return fitted;
  }
  std::string thumb = item.contains("thumbnail") ? Str(item["thumbnail"], "path") : "";
  if (thumb.empty()) return fitted;
  Result<std::string> bytes = pkg.Read(thumb, 16 << 20);
  if (!bytes.ok()) return bytes.status();
  return FitJpeg(*bytes, 1, max_side, max_bytes);
}

}  // namespace parcelproof::upload
