// upload-set.json (schemas/upload-set.schema.json).
#include <nlohmann/json.hpp>

#include "parcelproof/upload.h"
#include "parcelproof/version.h"

namespace parcelproof {

std::string UploadSetJson(const UploadSet& set) {
  using nlohmann::json;
  json limits = json::object();
  for (const UploadLimit& l : set.limits) {
    limits[l.name] = {{"value", l.value}, {"source", l.source}};
  }
  json files = json::array();
  for (const UploadFile& f : set.files) {
    json j = {{"name", f.name}, {"kind", f.kind},     {"media_type", f.media_type},
              {"size", f.size}, {"sha256", f.sha256}, {"source", nullptr}};
    if (!f.source_sha256.empty()) {
      j["source"] = {{"sha256", f.source_sha256}, {"path", f.source_path}};
    }
    files.push_back(j);
  }
  json left = json::array();
  for (const LeftOut& l : set.left_out) left.push_back({{"what", l.what}, {"why", l.why}});
  size_t slash = set.package_path.find_last_of('/');
  json doc = {{"format", "parcelproof-upload-set"},
              {"platform", {{"id", set.platform}, {"name", set.platform_name}, {"limits", limits}}},
              {"package",
               {{"file", slash == std::string::npos ? set.package_path
                                                    : set.package_path.substr(slash + 1)},
                {"sha256", set.package_sha256},
                {"package_id", set.package_id},
                {"fingerprint", set.fingerprint}}},
              {"files", files},
              {"total_bytes", set.total_bytes},
              {"left_out", left}};
  // "version" (the parcelproof that wrote it) first, as in every --json document.
  std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace);
  return "{\n  \"version\": " + json(Version()).dump() + "," + text.substr(1) + "\n";
}

}  // namespace parcelproof
