// evidence.json as upload-set reads it (from a package that verifies, but
// whose JSON nobody vouches for): any bytes give a one-line field problem or
// a summary document, never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "upload/evidence_fields.h"
#include "upload/summary_doc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::json ev = nlohmann::json::parse(text, nullptr, false);
  if (ev.is_discarded()) return 0;
  if (!parcelproof::upload::EvidenceFieldProblem(ev).empty()) return 0;
  parcelproof::upload::SummaryFacts facts{"p.zip", std::string(64, 'a'), "2026-03-05T00:00:00Z"};
  (void)parcelproof::upload::SummaryDocument(ev, facts, {});
  return 0;
}
