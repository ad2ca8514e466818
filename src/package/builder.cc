// BuildPackage: PackageInput -> signed BagIt zip.
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "archive/zip_writer.h"
#include "core/sha256.h"
#include "package/bag_layout.h"
#include "package/model.h"
#include "package/report_parts.h"
#include "sign/ed25519.h"

namespace parcelproof {
namespace {

using package::PackageModel;

Status CheckInput(const PackageInput& in) {
  if (!in.clock) return Status::InvalidArgument("package: no clock");
  if (!IsDisputeReason(in.reason)) {
    return Status::InvalidArgument("unknown dispute reason \"" + in.reason + "\"");
  }
  if (in.order.id.empty()) return Status::InvalidArgument("package: order without id");
  if (in.private_key_pem.empty()) return Status::InvalidArgument("package: no signing key");
  if (in.items.empty()) {
    return Status::NotFound("order " + in.order.id + " has no evidence items to package");
  }
  for (const PackageItem& it : in.items) {
    if (!IsSha256Hex(it.sha256)) return Status::InvalidArgument("item with bad hash: " + it.sha256);
    struct stat st;
    if (::stat(it.source_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      return Status::NotFound(it.sha256 + ": original not found at " + it.source_path);
    }
    if (!it.thumbnail_path.empty() && !IsSha256Hex(it.thumbnail_sha256)) {
      return Status::InvalidArgument(it.sha256 + ": thumbnail without a valid hash");
    }
  }
  return Status::Ok();
}

// Deduplicates by hash (first wins) and orders items by their payload path.
void PlaceItems(const PackageInput& in, PackageModel* m) {
  std::vector<PackageItem> unique;
  std::map<std::string, bool> seen;
  for (const PackageItem& it : in.items) {
    if (seen.emplace(it.sha256, true).second) unique.push_back(it);
  }
  std::vector<std::string> paths = package::PayloadPaths(unique);
  std::vector<size_t> order(unique.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return paths[a] < paths[b]; });
  for (size_t i : order) {
    m->items.push_back(unique[i]);
    m->paths.push_back(paths[i]);
    m->thumbs.push_back(package::ThumbnailPath(paths[i], unique[i]));
  }
}

bool Deflatable(const PackageItem& it) { return package::IsText(it); }

}  // namespace

Result<PackageSummary> BuildPackage(const PackageInput& in, const std::string& out_path) {
  PP_RETURN_IF_ERROR(CheckInput(in));
  PackageModel m;
  m.input = &in;
  std::string list_path = in.checklists_path.empty() ? DefaultChecklistsPath() : in.checklists_path;
  Result<package::ReasonChecklist> list = package::LoadChecklist(list_path, in.reason);
  if (!list.ok()) return list.status();
  m.checklist_def = *list;
  PlaceItems(in, &m);
  m.checklist =
      package::EvaluateChecklist(m.checklist_def, m.items, m.paths, in.order.id, in.findings);
  Result<std::string> pub = sign::PublicPem(in.private_key_pem);
  Result<std::string> fp = sign::Fingerprint(in.private_key_pem);
  if (!pub.ok()) return pub.status().WithContext("signing key");
  if (!fp.ok()) return fp.status().WithContext("signing key");
  m.fingerprint = *fp;

  std::vector<std::pair<std::string, std::string>> manifest;
  package::BagInfo info;
  for (size_t i = 0; i < m.items.size(); ++i) {
    manifest.emplace_back(m.paths[i], m.items[i].sha256);
    info.payload_bytes += m.items[i].size;
  }
  info.payload_files = m.items.size();
  std::string manifest_text = package::ManifestText(manifest);
  int64_t now = in.clock->NowMicros();
  m.bagging_time = FormatUtc(now);
  m.bag_name = package::BagName(in.order.id, in.reason);
  m.package_id = "PP-" + Sha256Hex(in.order.id + "\n" + in.reason + "\n" + m.bagging_time + "\n" +
                                   manifest_text)
                             .substr(0, 16);
  info.organization = in.source_organization;
  info.bagging_date = m.bagging_time.substr(0, 10);
  info.order_id = in.order.id;
  info.reason = in.reason;
  info.package_id = m.package_id;
  info.dispute_opened = in.dispute_opened;
  info.fingerprint = m.fingerprint;

  std::map<std::string, std::string> tags = {{"bagit.txt", package::kBagitTxt},
                                             {"bag-info.txt", package::BagInfoText(info)},
                                             {"manifest-sha256.txt", manifest_text},
                                             {"evidence.json", package::EvidenceJson(m)},
                                             {"report.html", package::ReportHtml(m)}};
  std::vector<std::pair<std::string, std::string>> tag_hashes;
  for (const auto& [name, text] : tags) tag_hashes.emplace_back(name, Sha256Hex(text));
  for (size_t i = 0; i < m.items.size(); ++i) {
    if (!m.thumbs[i].empty()) tag_hashes.emplace_back(m.thumbs[i], m.items[i].thumbnail_sha256);
  }
  std::string tagmanifest = package::ManifestText(tag_hashes);
  Result<std::string> sig = sign::Sign(in.private_key_pem, tagmanifest);
  if (!sig.ok()) return sig.status();

  archive::ZipWriter zip(now >= 0 ? now / 1000000 : 0);
  const std::string root = m.bag_name + "/";
  for (size_t i = 0; i < m.items.size(); ++i) {
    zip.AddFile(root + m.paths[i], m.items[i].source_path, m.items[i].size, m.items[i].sha256,
                Deflatable(m.items[i]));
    if (!m.thumbs[i].empty()) {
      zip.AddFile(root + m.thumbs[i], m.items[i].thumbnail_path, m.items[i].thumbnail_size,
                  m.items[i].thumbnail_sha256, false);
    }
  }
  for (auto& [name, text] : tags) zip.AddBytes(root + name, std::move(text), true);
  zip.AddBytes(root + "tagmanifest-sha256.txt", tagmanifest, true);
  zip.AddBytes(root + package::kSignatureFile, *sig, false);
  zip.AddBytes(root + package::kPublicKeyFile, *pub, false);
  PP_RETURN_IF_ERROR(zip.WriteTo(out_path));

  PackageSummary s;
  s.path = out_path;
  s.package_id = m.package_id;
  s.bag_name = m.bag_name;
  s.fingerprint = m.fingerprint;
  s.payload_bytes = info.payload_bytes;
  s.payload_files = info.payload_files;
  s.checklist = m.checklist;
  return s;
}

}  // namespace parcelproof
