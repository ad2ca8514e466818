#include "upload/evidence_fields.h"

#include <initializer_list>

namespace parcelproof::upload {
namespace {

using nlohmann::json;

enum class Want { kString, kBool, kArray, kObject, kStringArray, kObjectArray };

const char* Name(Want w) {
  switch (w) {
    case Want::kString:
      return "a string";
    case Want::kBool:
      return "true or false";
    case Want::kArray:
      return "an array";
    case Want::kObject:
      return "an object";
    case Want::kStringArray:
      return "an array of strings";
    case Want::kObjectArray:
      return "an array of objects";
  }
  return "";
}

bool Has(const json& v, Want w) {
  switch (w) {
    case Want::kString:
      return v.is_string();
    case Want::kBool:
      return v.is_boolean();
    case Want::kArray:
      return v.is_array();
    case Want::kObject:
      return v.is_object();
    case Want::kStringArray:
      if (!v.is_array()) return false;
      for (const json& e : v)
        if (!e.is_string()) return false;
      return true;
    case Want::kObjectArray:
      if (!v.is_array()) return false;
      for (const json& e : v)
        if (!e.is_object()) return false;
      return true;
  }
  return false;
}

struct Field {
  const char* key;
  Want want;
  bool required;
};

// The first field of fields that j (at path) holds with another type.
std::string Check(const json& j, const std::string& path, std::initializer_list<Field> fields) {
  for (const Field& f : fields) {
    std::string at = path.empty() ? f.key : path + "." + f.key;
    if (!j.contains(f.key)) {
      if (f.required) return at + " is missing";
      continue;
    }
    if (!Has(j[f.key], f.want)) {
      return at + " is " + std::string(j[f.key].type_name()) + ", not " + Name(f.want);
    }
  }
  return "";
}

std::string Indexed(const std::string& key, size_t i) {
  return key + "[" + std::to_string(i) + "]";
}

}  // namespace

std::string FieldStr(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

const json& FieldArray(const json& j, const char* key) {
  static const json kEmpty = json::array();
  return j.is_object() && j.contains(key) && j[key].is_array() ? j[key] : kEmpty;
}

const json& FieldObject(const json& j, const char* key) {
  static const json kEmpty = json::object();
  return j.is_object() && j.contains(key) && j[key].is_object() ? j[key] : kEmpty;
}

bool FieldBool(const json& j, const char* key, bool fallback) {
  return j.is_object() && j.contains(key) && j[key].is_boolean() ? j[key].get<bool>() : fallback;
}

std::string EvidenceFieldProblem(const json& ev) {
  if (!ev.is_object()) return "the document is " + std::string(ev.type_name()) + ", not an object";
  std::string p = Check(ev, "",
                        {{"order", Want::kObject, true},
                         {"reason", Want::kObject, true},
                         {"signature", Want::kObject, true},
                         {"items", Want::kObjectArray, true},
                         {"checklist", Want::kObjectArray, true},
                         {"timeline", Want::kObjectArray, true},
                         {"findings", Want::kObjectArray, true},
                         {"conversations", Want::kObjectArray, false}});
  if (p.empty())
    p = Check(ev["order"], "order",
              {{"times", Want::kObject, false}, {"tracking", Want::kObjectArray, false}});
  for (size_t i = 0; p.empty() && i < ev["items"].size(); ++i) {
    const json& it = ev["items"][i];
    std::string at = Indexed("items", i);
    p = Check(it, at,
              {{"verdicts", Want::kObjectArray, false},
               {"order_ids", Want::kArray, false},
               {"metadata", Want::kObject, false},
               {"thumbnail", Want::kObject, false}});
    for (size_t k = 0; p.empty() && k < FieldArray(it, "verdicts").size(); ++k) {
      p = Check(it["verdicts"][k], at + "." + Indexed("verdicts", k),
                {{"reasons", Want::kStringArray, false}});
    }
  }
  for (size_t i = 0; p.empty() && i < ev["checklist"].size(); ++i) {
    p = Check(ev["checklist"][i], Indexed("checklist", i),
              {{"present", Want::kBool, false}, {"caveats", Want::kStringArray, false}});
  }
  for (size_t i = 0; p.empty() && i < FieldArray(ev, "conversations").size(); ++i) {
    p = Check(
        ev["conversations"][i], Indexed("conversations", i),
        {{"messages", Want::kObjectArray, false}, {"participants", Want::kStringArray, false}});
  }
  return p;
}

}  // namespace parcelproof::upload
