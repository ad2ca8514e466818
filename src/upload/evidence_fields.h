// Typed, non-throwing reads of evidence.json for the upload set and its
// summary, and the one check that the fields they read have their types.
#ifndef PARCELPROOF_UPLOAD_EVIDENCE_FIELDS_H_
#define PARCELPROOF_UPLOAD_EVIDENCE_FIELDS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace parcelproof::upload {

// The field's value when j is an object holding key with that type, else
// "", an empty array / object, or fallback. Never throw.
std::string FieldStr(const nlohmann::json& j, const char* key);
const nlohmann::json& FieldArray(const nlohmann::json& j, const char* key);
const nlohmann::json& FieldObject(const nlohmann::json& j, const char* key);
bool FieldBool(const nlohmann::json& j, const char* key, bool fallback);

// "" when every field the upload set and the summary read has its type
// (schemas/evidence.schema.json); else one line naming the first that does
// not: "items[2].verdicts is a string, not an array".
std::string EvidenceFieldProblem(const nlohmann::json& evidence);

}  // namespace parcelproof::upload

#endif  // PARCELPROOF_UPLOAD_EVIDENCE_FIELDS_H_
