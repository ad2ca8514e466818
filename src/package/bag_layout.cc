#include "package/bag_layout.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "parcelproof/clock.h"
#include "parcelproof/order.h"

namespace parcelproof::package {

const char kBagitTxt[] = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
const char kSignatureFile[] = "signature/tagmanifest-sha256.txt.sig";
const char kPublicKeyFile[] = "signature/public.pem";

const std::vector<std::string>& SignedTagFiles() {
  static const std::vector<std::string> kFiles = {"bag-info.txt", "bagit.txt", "evidence.json",
                                                  "manifest-sha256.txt", "report.html"};
  return kFiles;
}

namespace {

std::string SafeToken(const std::string& s, size_t max_len) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max_len) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
      out.push_back(c);
    else if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string Extension(const PackageItem& item) {
  size_t dot = item.original_name.rfind('.');
  if (dot != std::string::npos) {
    std::string ext = SafeToken(item.original_name.substr(dot + 1), 8);
    if (!ext.empty() && ext.find('-') == std::string::npos) return ext;
  }
  static const std::map<std::string, std::string> kByType = {
      {"image/jpeg", "jpg"},        {"image/png", "png"},       {"image/webp", "webp"},
      {"image/heic", "heic"},       {"image/tiff", "tif"},      {"video/mp4", "mp4"},
      {"video/quicktime", "mov"},   {"application/pdf", "pdf"}, {"text/plain", "txt"},
      {"application/json", "json"}, {"text/csv", "csv"}};
  auto it = kByType.find(item.media_type);
  return it == kByType.end() ? "bin" : it->second;
}

// A local wall time "2026-03-01T14:05:00" (digits where digits belong).
bool IsLocalTime(const std::string& t) {
  static const char kShape[] = "dddd-dd-ddTdd:dd:dd";
  if (t.size() != sizeof kShape - 1) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    bool digit = t[i] >= '0' && t[i] <= '9';
    if (kShape[i] == 'd' ? !digit : t[i] != kShape[i]) return false;
  }
  return true;
}

std::string TimeToken(const PackageItem& item) {
  const std::string& time = item.capture_time.empty() ? item.name_time : item.capture_time;
  long long micros = 0;
  std::string t;
  if (!time.empty() && ParseRfc3339(time, &micros)) {
    t = FormatUtc(micros);
  } else if (item.capture_time.empty() && IsLocalTime(time)) {
    t = time + "-local";
  } else {
    return "unknown-time";
  }
  std::replace(t.begin(), t.end(), ':', '-');
  return t;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

std::vector<std::string> PayloadPaths(const std::vector<PackageItem>& items) {
  std::vector<std::string> stems(items.size()), paths(items.size());
  std::map<std::string, int> count;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string role = SafeToken(items[i].role, 32);
    if (role.empty()) role = "other";
    stems[i] = "data/" + role + "/" + TimeToken(items[i]) + "_" + role + "_";
    paths[i] = stems[i] + items[i].sha256.substr(0, 8) + "." + Extension(items[i]);
    ++count[paths[i]];
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (count[paths[i]] > 1) paths[i] = stems[i] + items[i].sha256 + "." + Extension(items[i]);
  }
  return paths;
}

std::string ThumbnailPath(const std::string& payload_path, const PackageItem& item) {
  if (item.thumbnail_path.empty()) return "";
  std::string stem = payload_path.substr(5, payload_path.rfind('.') - 5);
  const std::string& t = item.thumbnail_media_type;
  std::string ext = t == "image/png" ? "png" : t == "image/webp" ? "webp" : "jpg";
  return "thumbnails/" + stem + "." + ext;
}

std::string ManifestText(std::vector<std::pair<std::string, std::string>> path_hash) {
  std::sort(path_hash.begin(), path_hash.end());
  std::string out;
  for (const auto& [path, hash] : path_hash) out += hash + "  " + path + "\n";
  return out;
}

std::string HumanSize(uint64_t bytes) {
  static const char* kUnits[] = {"KB", "MB", "GB", "TB"};
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  double v = static_cast<double>(bytes);
  int u = -1;
  while (v >= 1024 && u < 3) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %s", v, kUnits[u]);
  return buf;
}

std::string BagName(const std::string& order_id, const std::string& reason) {
  std::string id = SafeToken(order_id, 64);
  return "dispute-" + (id.empty() ? std::string("order") : id) + "-" + SafeToken(reason, 32);
}

std::string BagInfoText(const BagInfo& i) {
  std::string out;
  auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) out += std::string(label) + ": " + OneLine(value) + "\n";
  };
  add("Source-Organization", i.organization);
  add("Bagging-Date", i.bagging_date);
  add("External-Identifier", i.order_id);
  add("External-Description", "Evidence for the dispute \"" + i.reason + "\" on order " +
                                  i.order_id + ", built by parcelproof");
  add("Payload-Oxum", std::to_string(i.payload_bytes) + "." + std::to_string(i.payload_files));
  add("Bag-Size", HumanSize(i.payload_bytes));
  add("Bag-Software-Agent", "parcelproof 0.1.0");
  add("Parcelproof-Dispute-Reason", i.reason);
  add("Parcelproof-Package-Id", i.package_id);
  add("Parcelproof-Dispute-Opened", i.dispute_opened);
  add("Parcelproof-Signature",
      std::string(kSignatureFile) + " (Ed25519 over tagmanifest-sha256.txt)");
  add("Parcelproof-Key-Fingerprint", i.fingerprint);
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseBagInfo(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = end + 1;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !out.empty()) {
      const size_t text_start = line.find_first_not_of(" \t");
      // A continuation of blanks only adds nothing (found by fuzzing: it threw).
      if (text_start != std::string::npos) out.back().second += " " + line.substr(text_start);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t") == std::string::npos
                       ? value.size()
                       : value.find_first_not_of(" \t"));
    out.emplace_back(line.substr(0, colon), value);
  }
  return out;
}

}  // namespace parcelproof::package
