// The summary document of an upload set, from a package's evidence.json.
#ifndef PARCELPROOF_UPLOAD_SUMMARY_DOC_H_
#define PARCELPROOF_UPLOAD_SUMMARY_DOC_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "image/fit_jpeg.h"
#include "pdf/pdf_doc.h"

namespace parcelproof::upload {

// A photo of the package as the summary shows it.
struct SummaryPicture {
  const nlohmann::json* item = nullptr;  // its evidence.json item
  FittedJpeg fitted;
};

struct SummaryFacts {
  std::string zip_name, zip_sha256, created;  // created: RFC 3339 UTC (the clock)
};

// Summary box, checklist, label photo with outlines, key photos, timeline,
// conversation excerpt (summary_chat.h), and how to obtain and verify the full package.
pdf::Document SummaryDocument(const nlohmann::json& evidence, const SummaryFacts& facts,
                              const std::vector<SummaryPicture>& pictures);

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_SUMMARY_DOC_H_
