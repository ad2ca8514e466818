#include "heif/heif_exif.h"

#include <cstdint>

#include "heif/heif_handle.h"

namespace parcelproof {
namespace {

// Larger Exif items are refused (the EXIF reader's own limit is the same).
constexpr size_t kMaxExifItemBytes = 64 << 20;

uint32_t Be32(std::string_view b) {
  return (uint32_t{static_cast<uint8_t>(b[0])} << 24) |
         (uint32_t{static_cast<uint8_t>(b[1])} << 16) |
         (uint32_t{static_cast<uint8_t>(b[2])} << 8) | static_cast<uint8_t>(b[3]);
}

// Skips the item's leading offset to the TIFF header (ISO/IEC 23008-12 A.2.1).
void Unwrap(const std::string& item, HeifExif* out) {
  if (item.size() < 4) {
    out->problems.push_back("HEIF Exif item of " + std::to_string(item.size()) +
                            " bytes is too short for its TIFF header offset");
    return;
  }
  uint32_t offset = Be32(item);
  if (offset > item.size() - 4) {
    out->problems.push_back("HEIF Exif item's TIFF header offset " + std::to_string(offset) +
                            " points past its end (" + std::to_string(item.size() - 4) +
                            " bytes follow it)");
    return;
  }
  out->tiff = item.substr(4 + size_t{offset});
  if (out->tiff.empty()) out->problems.push_back("HEIF Exif item holds no EXIF data");
}

}  // namespace

HeifExif ReadHeifExif(std::string_view file_bytes) {
  HeifExif out;
  Result<heif::Primary> primary = heif::OpenPrimary(file_bytes);
  if (!primary.ok()) {
    out.problems.push_back(primary.status().message());
    return out;
  }
  heif_image_handle* handle = primary->handle.get();
  heif_item_id id = 0;
  if (heif_image_handle_get_list_of_metadata_block_IDs(handle, "Exif", &id, 1) < 1) return out;
  out.found = true;
  size_t size = heif_image_handle_get_metadata_size(handle, id);
  if (size > kMaxExifItemBytes) {
    out.problems.push_back("HEIF Exif item of " + std::to_string(size) + " bytes refused (limit " +
                           std::to_string(kMaxExifItemBytes) + ")");
    return out;
  }
  std::string item(size, '\0');
  heif_error err = heif_image_handle_get_metadata(handle, id, item.data());
  if (err.code != heif_error_Ok) {
    out.problems.push_back(heif::HeifError("Exif item unreadable", err).message());
    return out;
  }
  Unwrap(item, &out);
  return out;
}

}  // namespace parcelproof
