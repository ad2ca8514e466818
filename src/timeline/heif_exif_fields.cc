#include "timeline/heif_exif_fields.h"

#include "heif/heif_exif.h"

namespace parcelproof {

Result<ExifFields> ReadHeifExifFields(std::string_view file_bytes, bool* found) {
  HeifExif item = ReadHeifExif(file_bytes);
  if (found != nullptr) *found = item.found;
  Result<ExifFields> fields = ReadExifBlock(item.tiff);
  if (!fields.ok()) return fields;
  fields->problems.insert(fields->problems.begin(), item.problems.begin(), item.problems.end());
  return fields;
}

}  // namespace parcelproof
