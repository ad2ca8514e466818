#include "package/manifest_parse.h"

#include "core/sha256.h"

namespace parcelproof::package {
namespace {

std::string PercentDecode(const std::string& p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    std::string code = p.substr(i, 3);
    if (code == "%0A" || code == "%0a") {
      out += '\n';
      i += 2;
    } else if (code == "%0D" || code == "%0d") {
      out += '\r';
      i += 2;
    } else if (code == "%25") {
      out += '%';
      i += 2;
    } else
      out += p[i];
  }
  return out;
}

}  // namespace

ParsedManifest ParseManifest(const std::string& text, const std::string& file) {
  ParsedManifest out;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string where = file + " line " + std::to_string(line_no);
    size_t sep = line.find_first_of(" \t");
    size_t path_at = sep == std::string::npos ? sep : line.find_first_not_of(" \t", sep);
    if (line.empty() || sep == std::string::npos || path_at == std::string::npos) {
      out.failures.push_back({"manifest-malformed", where + ": not \"<sha256> <path>\""});
      continue;
    }
    std::string hash = line.substr(0, sep);
    for (char& c : hash) c = static_cast<char>(c >= 'A' && c <= 'F' ? c + 32 : c);
    std::string path = PercentDecode(line.substr(path_at));
    if (!IsSha256Hex(hash)) {
      out.failures.push_back({"manifest-malformed", where + ": \"" + hash + "\" is not a SHA-256"});
      continue;
    }
    if (!out.hashes.emplace(path, hash).second) {
      out.failures.push_back({"manifest-duplicate-line", where + ": " + path + " listed twice"});
    }
  }
  return out;
}

}  // namespace parcelproof::package
