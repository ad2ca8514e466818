#include "upload/package_contents.h"

namespace parcelproof::upload {

Result<std::unique_ptr<PackageContents>> PackageContents::Open(const std::string& zip_path,
                                                               const std::string& bag_name) {
  archive::ZipLayout layout = archive::InspectZip(zip_path);
  if (!layout.readable || !layout.problems.empty()) {
    return Status::Corrupt(zip_path + ": not a well-formed package zip");
  }
  Result<std::unique_ptr<archive::ZipReader>> reader = archive::ZipReader::Open(zip_path);
  if (!reader.ok()) return reader.status();
  auto c = std::unique_ptr<PackageContents>(new PackageContents());
  c->reader_ = std::move(*reader);
  std::string root = bag_name + "/";
  for (const archive::ZipEntryInfo& e : layout.entries) {
    if (e.name.compare(0, root.size(), root) == 0 && !e.is_directory) {
      c->entries_[e.name.substr(root.size())] = e;
    }
  }
  return c;
}

Result<std::string> PackageContents::Read(const std::string& path, uint64_t max_bytes) const {
  auto it = entries_.find(path);
  if (it == entries_.end()) return Status::NotFound("package has no " + path);
  return reader_->ReadAll(it->second, max_bytes);
}

}  // namespace parcelproof::upload
