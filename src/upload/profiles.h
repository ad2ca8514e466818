// Platform upload profiles (data/platforms.json, schemas/platforms.schema.json).
#ifndef PARCELPROOF_UPLOAD_PROFILES_H_
#define PARCELPROOF_UPLOAD_PROFILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::upload {

// A limit and where the number comes from; value 0 = not published.
struct Limit {
  uint64_t value = 0;
  std::string source;
};

struct Profile {
  std::string id, name;
  std::vector<std::string> formats;  // "pdf", "jpeg", "png"
  Limit max_file_bytes, max_total_bytes, max_files, max_pdf_pages, max_name_chars;
  bool Accepts(const std::string& format) const;
};

// The profile of platform id from the file at path. kNotFound (listing the
// known ids) for an unknown platform; kCorrupt for a malformed file.
Result<Profile> LoadProfile(const std::string& path, const std::string& id);
// The same from the file's text; path names it in messages.
Result<Profile> ParseProfile(const std::string& text, const std::string& path,
                             const std::string& id);
Result<std::vector<std::string>> ProfileIds(const std::string& path);

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_PROFILES_H_
