#include "upload/profiles.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/data_dir.h"
#include "core/file.h"
#include "parcelproof/upload.h"

namespace parcelproof {

std::string DefaultPlatformsPath() { return DataDir() + "/platforms.json"; }

Result<std::vector<std::string>> PlatformNames(const std::string& path) {
  return upload::ProfileIds(path.empty() ? DefaultPlatformsPath() : path);
}

namespace upload {
namespace {

using nlohmann::json;

Result<json> ParseProfiles(const std::string& text, const std::string& path) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("platforms") || !doc["platforms"].is_object()) {
    return Status::Corrupt(path + ": not a platforms file (no \"platforms\" object)");
  }
  return doc;
}

Result<json> ReadProfiles(const std::string& path) {
  Result<std::string> text = ReadFileLimited(path, 1 << 20);
  if (!text.ok()) return text.status();
  return ParseProfiles(*text, path);
}

Limit ReadLimit(const json& p, const char* key) {
  Limit l;
  if (!p.contains(key) || !p[key].is_object()) return l;
  const json& j = p[key];
  if (j.contains("value") && j["value"].is_number_unsigned()) l.value = j["value"].get<uint64_t>();
  if (j.contains("source") && j["source"].is_string()) l.source = j["source"].get<std::string>();
  return l;
}

}  // namespace

bool Profile::Accepts(const std::string& format) const {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

Result<std::vector<std::string>> ProfileIds(const std::string& path) {
  Result<json> doc = ReadProfiles(path);
  if (!doc.ok()) return doc.status();
  std::vector<std::string> ids;
  for (const auto& [k, v] : (*doc)["platforms"].items()) ids.push_back(k);
  return ids;  // nlohmann's object keeps keys sorted
}

Result<Profile> LoadProfile(const std::string& path, const std::string& id) {
  Result<std::string> text = ReadFileLimited(path, 1 << 20);
  if (!text.ok()) return text.status();
  return ParseProfile(*text, path, id);
}

Result<Profile> ParseProfile(const std::string& text, const std::string& path,
                             const std::string& id) {
  Result<json> doc = ParseProfiles(text, path);
  if (!doc.ok()) return doc.status();
  const json& all = (*doc)["platforms"];
  if (!all.contains(id)) {
    std::string known;
    for (const auto& [k, v] : all.items()) known += " " + k;
    return Status::NotFound("unknown platform \"" + id + "\" (known:" + known + ")");
  }
  const json& p = all[id];
  if (!p.is_object()) return Status::Corrupt(path + ": platform " + id + " is not an object");
  Profile pr;
  pr.id = id;
  pr.name = p.contains("name") && p["name"].is_string() ? p["name"].get<std::string>() : id;
  if (p.contains("formats") && p["formats"].is_array()) {
    for (const json& f : p["formats"]) {
      if (f.is_string()) pr.formats.push_back(f.get<std::string>());
    }
  }
  pr.max_file_bytes = ReadLimit(p, "max_file_bytes");
  pr.max_total_bytes = ReadLimit(p, "max_total_bytes");
  pr.max_files = ReadLimit(p, "max_files");
  pr.max_pdf_pages = ReadLimit(p, "max_pdf_pages");
  pr.max_name_chars = ReadLimit(p, "max_name_chars");
  if (pr.formats.empty()) return Status::Corrupt(path + ": platform " + id + " accepts no format");
  return pr;
}

}  // namespace upload
}  // namespace parcelproof
