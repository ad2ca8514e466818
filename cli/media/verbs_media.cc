// parcelproof-media's verb table: every verb, run in this process.
#include "commands.h"
#include "verbs.h"

namespace parcelproof::cli {
namespace {

const Verb kVerbs[] = {
    {"scan", RunScan},     {"check", RunCheck},     {"keygen", RunKeygen},
    {"bundle", RunBundle}, {"verify", RunVerify},   {"upload-set", RunUploadSet},
    {"init", RunInit},     {"orders", RunOrders},   {"ingest", RunIngest},
    {"show", RunShow},     {"export", RunExport},   {"log", RunLog},
    {"fsck", RunFsck},     {"inspect", RunInspect}, {"timeline", RunTimeline},
    {"chat", RunChat},
};

}  // namespace

const Verb* FindVerb(const std::string& name) {
  for (const Verb& v : kVerbs) {
    if (name == v.name) return &v;
  }
  return nullptr;
}

}  // namespace parcelproof::cli
