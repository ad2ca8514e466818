// Helpers of BuildUploadSet: the output folder, exclusive writes, the
// photos of a package in the story's order.
#ifndef PARCELPROOF_UPLOAD_UPLOAD_FILES_H_
#define PARCELPROOF_UPLOAD_UPLOAD_FILES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "image/fit_jpeg.h"
#include "parcelproof/status.h"
#include "upload/package_contents.h"

namespace parcelproof::upload {

// Creates dir when missing; refuses a folder that already holds an upload set.
Status PrepareOutDir(const std::string& dir);
// Writes a new file (never overwrites).
Status WriteNew(const std::string& path, const std::string& bytes);
// Photo items (not chat screenshots): those linked to this order first,
// each group in the story's order.
std::vector<const nlohmann::json*> StoryPhotos(const nlohmann::json& evidence);
// The photo re-encoded to fit: from the original, else (HEIC, or an
// original OpenCV cannot decode) from the package's thumbnail.
Result<FittedJpeg> FitPhoto(const PackageContents& pkg, const nlohmann::json& item, int max_side,
                            uint64_t max_bytes);

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_UPLOAD_FILES_H_
