// evidence.json fields of the wrong type: one line naming the field, and a
// summary that never throws on them.
#include "upload/evidence_fields.h"

#include <gtest/gtest.h>

#include "upload/summary_doc.h"

namespace parcelproof::upload {
namespace {

using nlohmann::json;

json Minimal() {
  return json::parse(R"({"order":{"id":"A-1","times":{"shipped":"2026-03-02T10:00:00Z"}},
    "reason":{"id":"damaged"},"signature":{},
    "items":[{"sha256":"aa","verdicts":[{"order_id":"A-1","verdict":"PASS","reasons":["ok"]}]}],
    "checklist":[{"id":"x","label":"X","present":true,"status":"present","caveats":["c"]}],
    "timeline":[],"findings":[]})");
}

TEST(EvidenceFields, AWellTypedDocumentHasNoProblem) {
  EXPECT_EQ(EvidenceFieldProblem(Minimal()), "");
}

TEST(EvidenceFields, TheProblemNamesTheField) {
  json ev = Minimal();
  ev["items"][0]["verdicts"] = "PASS";
  EXPECT_EQ(EvidenceFieldProblem(ev), "items[0].verdicts is string, not an array of objects");
  ev = Minimal();
  ev["items"][0]["verdicts"][0]["reasons"] = json::array({1});
  EXPECT_EQ(EvidenceFieldProblem(ev),
            "items[0].verdicts[0].reasons is array, not an array of strings");
  ev = Minimal();
  ev["checklist"][0]["present"] = "yes";
  EXPECT_EQ(EvidenceFieldProblem(ev), "checklist[0].present is string, not true or false");
  ev = Minimal();
  ev.erase("findings");
  EXPECT_EQ(EvidenceFieldProblem(ev), "findings is missing");
  ev = Minimal();
  ev["order"]["times"] = 5;
  EXPECT_EQ(EvidenceFieldProblem(ev), "order.times is number, not an object");
  EXPECT_EQ(EvidenceFieldProblem(json::array()), "the document is array, not an object");
}

// The summary reads with typed accessors: wrongly typed or missing fields
// read as empty instead of throwing (nlohmann's value() threw on them).
TEST(EvidenceFields, TheSummaryNeverThrowsOnWronglyTypedFields) {
  json ev = Minimal();
  ev["checklist"][0]["present"] = "yes";
  ev["checklist"][0].erase("status");
  ev["checklist"][0]["caveats"] = json::array({1, "two"});
  ev["items"][0]["verdicts"][0]["reasons"] = "not a list";
  ev["items"][0]["metadata"] = "x";
  ev["order"] = 3;
  ev["conversations"] = json::array({{{"messages", "m"}, {"participants", 7}}});
  EXPECT_NO_THROW(SummaryDocument(ev, SummaryFacts{}, {}));
  EXPECT_NO_THROW(SummaryDocument(json::object(), SummaryFacts{}, {}));
  EXPECT_EQ(FieldStr(json::array(), "x"), "");
  EXPECT_TRUE(FieldArray(json(1), "x").empty());
  EXPECT_TRUE(FieldBool(json::object({{"b", 1}}), "b", true));
}

}  // namespace
}  // namespace parcelproof::upload
