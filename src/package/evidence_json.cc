#include <nlohmann/json.hpp>

#include "package/bag_layout.h"
#include "package/model.h"

namespace parcelproof::package {
namespace {

using nlohmann::json;

json ParseOr(const std::string& text, const json& fallback) {
  if (text.empty()) return fallback;
  try {
    return json::parse(text);
  } catch (const json::exception&) {
    return json{{"unparsed", text}};
  }
}

json VerdictsJson(const std::vector<PackageVerdict>& verdicts) {
  json out = json::array();
  for (const PackageVerdict& v : verdicts) {
    out.push_back({{"order_id", v.order_id}, {"verdict", v.verdict}, {"reasons", v.reasons}});
  }
  return out;
}

json ItemJson(const PackageItem& it, const std::string& path, const std::string& thumb) {
  json j = {{"path", path},
            {"sha256", it.sha256},
            {"size", it.size},
            {"role", it.role},
            {"kind", it.kind},
            {"media_type", it.media_type},
            {"original_name", it.original_name},
            {"capture_time", it.capture_time},
            {"capture_time_source", it.capture_time_source},
            {"ingested_at", it.ingested_at},
            {"station", it.station},
            {"barcodes", it.barcodes},
            {"verdicts", VerdictsJson(it.verdicts)},
            {"order_ids", it.order_ids},
            {"metadata", ParseOr(it.metadata_json, json::object())}};
  if (!it.parent_sha256.empty()) j["parent_sha256"] = it.parent_sha256;
  if (!thumb.empty()) {
    j["thumbnail"] = {
        {"path", thumb}, {"sha256", it.thumbnail_sha256}, {"parent_sha256", it.sha256}};
  }
  return j;
}

json CustodyJson(const std::vector<PackageLogEntry>& log) {
  json out = json::array();
  for (const PackageLogEntry& e : log) {
    out.push_back({{"seq", e.seq},
                   {"time", e.time},
                   {"actor", e.actor},
                   {"station", e.station},
                   {"action", e.action},
                   {"item_sha256", e.item_sha256},
                   {"order_id", e.order_id},
                   {"detail", e.detail},
                   {"prev_hash", e.prev_hash},
                   {"entry_hash", e.entry_hash}});
  }
  return out;
}

json ChecklistJson(const std::vector<ChecklistLine>& lines) {
  json out = json::array();
  for (const ChecklistLine& l : lines) {
    out.push_back({{"id", l.id},
                   {"label", l.label},
                   {"present", l.present},
                   {"status", l.status},
                   {"evidence", l.evidence},
                   {"caveats", l.caveats}});
  }
  return out;
}

// The normalised conversations: the chat module's JSON of each, with the
// export's hash (its messages' spans point into that file).
json ConversationsJson(const PackageInput& in) {
  json out = json::array();
  for (const PackageConversation& c : in.conversations) {
    Conversation conv{c.info, c.messages};
    json j = ParseOr(ConversationJson(conv), json::object());
    j["source_sha256"] = c.source_sha256;
    if (c.omitted > 0) {
      j["omitted"] = {
          {"count", c.omitted}, {"from", c.omitted_from}, {"conversation_sha256", c.full_sha256}};
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string EvidenceJson(const PackageModel& m) {
  const PackageInput& in = *m.input;
  json items = json::array();
  for (size_t i = 0; i < m.items.size(); ++i)
    items.push_back(ItemJson(m.items[i], m.paths[i], m.thumbs[i]));
  json timeline = json::array();
  for (const PackageTimelineEvent& t : in.timeline) {
    timeline.push_back({{"time", t.time},
                        {"what", t.what},
                        {"source", t.source},
                        {"kind", t.kind},
                        {"item_sha256", t.item_sha256},
                        {"role", t.role},
                        {"zone_known", t.zone_known}});
  }
  json findings = json::array();
  for (const PackageFinding& f : in.findings) {
    findings.push_back({{"severity", f.severity},
                        {"code", f.code},
                        {"item_sha256", f.item_sha256},
                        {"explanation", f.explanation}});
  }
  json doc = {
      {"format", "parcelproof-evidence"},
      {"version", 1},
      {"package_id", m.package_id},
      {"bag_name", m.bag_name},
      {"created", m.bagging_time},
      {"order", ParseOr(OrderToJson(in.order), json::object())},
      {"reason",
       {{"id", in.reason}, {"family", m.checklist_def.family}, {"title", m.checklist_def.title}}},
      {"dispute_opened", in.dispute_opened},
      {"note", in.note},
      {"items", items},
      {"custody_log", CustodyJson(in.custody)},
      {"timeline", timeline},
      {"findings", findings},
      {"conversations", ConversationsJson(in)},
      {"checklist", ChecklistJson(m.checklist)},
      {"signature",
       {{"algorithm", "Ed25519"},
        {"signed_file", "tagmanifest-sha256.txt"},
        {"signature_file", std::string(kSignatureFile)},
        {"public_key_file", std::string(kPublicKeyFile)},
        {"public_key_fingerprint_sha256", m.fingerprint}}}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace parcelproof::package
