// VerifyPackage: structure first (our own zip parse), then the bag.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "core/sha256.h"
#include "package/verify_context.h"

namespace parcelproof {
namespace {

using package::VerifyContext;

// Problems after which the entries' data cannot be trusted to be read.
bool Fatal(const std::string& code) {
  static const std::set<std::string> kFatal = {
      "zip-no-eocd",    "zip-bad-eocd",       "zip-multi-disk", "zip-cd-bounds",
      "zip-bad-header", "zip-bounds",         "zip-overlap",    "zip-bomb",
      "zip-size-limit", "zip-local-mismatch", "zip-encrypted",  "zip-unsupported-method",
      "zip-io"};
  return kFatal.count(code) > 0;
}

// Finds the bag folder (the one holding bagit.txt) and maps its files.
void MapEntries(const archive::ZipLayout& layout, VerifyContext& ctx) {
  for (const archive::ZipEntryInfo& e : layout.entries) {
    size_t slash = e.name.find('/');
    if (slash != std::string::npos && e.name.substr(slash + 1) == "bagit.txt") {
      ctx.root = e.name.substr(0, slash + 1);
      break;
    }
  }
  if (ctx.root.empty()) {
    for (const archive::ZipEntryInfo& e : layout.entries) {
      size_t slash = e.name.find('/');
      if (slash != std::string::npos) {
        ctx.root = e.name.substr(0, slash + 1);
        break;
      }
    }
  }
  ctx.report->bag_name = ctx.root.empty() ? "" : ctx.root.substr(0, ctx.root.size() - 1);
  for (const archive::ZipEntryInfo& e : layout.entries) {
    if (ctx.root.empty() || e.name.compare(0, ctx.root.size(), ctx.root) != 0) {
      ctx.Fail("outside-bag", e.name + ": entry outside the bag folder " + ctx.root);
    } else if (!e.is_directory) {
      ctx.files[e.name.substr(ctx.root.size())] = e;
    }
  }
}

}  // namespace

namespace package {

bool VerifyContext::ReadTag(const std::string& rel, uint64_t max_bytes,
                            const std::string& missing_code, std::string* out) {
  auto it = files.find(rel);
  if (it == files.end()) {
    Fail(missing_code, rel + " is missing");
    return false;
  }
  Result<std::string> r = reader->ReadAll(it->second, max_bytes);
  if (!r.ok()) {
    Fail(r.status().code() == Status::Code::kUnsupported ? "tag-too-large" : "zip-crc",
         r.status().message());
    return false;
  }
  *out = std::move(*r);
  return true;
}

std::string VerifyContext::HashEntry(const std::string& rel) {
  Sha256 h;
  Status st = reader->Stream(files.at(rel), [&](const char* d, size_t n) { h.Update(d, n); });
  if (!st.ok()) {
    Fail("zip-crc", st.message());
    return "";
  }
  return h.FinalHex();
}

}  // namespace package

Result<VerifyReport> VerifyPackage(const std::string& zip_path, const VerifyOptions& options) {
  struct stat st;
  if (::stat(zip_path.c_str(), &st) != 0) {
    return Status::NotFound(zip_path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return Status::Unsupported(zip_path + ": not a regular file");
  VerifyReport report;
  archive::ZipLayout layout = archive::InspectZip(zip_path);
  VerifyContext ctx;
  ctx.report = &report;
  bool fatal = !layout.readable;
  for (const archive::ZipProblem& p : layout.problems) {
    ctx.Fail(p.code, p.message);
    fatal = fatal || Fatal(p.code);
  }
  if (fatal) return report;
  Result<std::unique_ptr<archive::ZipReader>> reader = archive::ZipReader::Open(zip_path);
  if (!reader.ok()) {
    ctx.Fail("zip-unreadable", reader.status().message());
    return report;
  }
  ctx.reader = std::move(*reader);
  MapEntries(layout, ctx);
  package::CheckBagit(ctx);
  package::CheckPayload(ctx);
  package::CheckTagManifest(ctx);
  package::CheckSignature(ctx, options.expected_public_pem);
  return report;
}

std::string VerifyReportJson(const VerifyReport& r) {
  nlohmann::json failures = nlohmann::json::array();
  for (const VerifyFailure& f : r.failures) {
    failures.push_back({{"code", f.code}, {"message", f.message}});
  }
  nlohmann::json doc = {{"ok", r.ok()},
                        {"bag_name", r.bag_name},
                        {"package_id", r.package_id},
                        {"order_id", r.order_id},
                        {"reason", r.reason},
                        {"fingerprint", r.fingerprint},
                        {"payload_files", r.payload_files},
                        {"payload_bytes", r.payload_bytes},
                        {"failures", failures}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parcelproof
