// The light front end's verb table. The verbs whose objects reach FFmpeg,
// OpenCV, ZXing, Tesseract, Pango/Cairo, GMime or libheif run in
// parcelproof-media (nullptr here); README "Start-up" lists which and why.
// tests/startup_cli_test.cc checks the binary's NEEDED libraries.
#include "commands.h"
#include "front.h"
#include "verbs.h"

namespace parcelproof::cli {
namespace {

const Verb kVerbs[] = {
    {"scan", nullptr},     {"check", nullptr},      {"keygen", RunKeygen}, {"bundle", nullptr},
    {"verify", RunVerify}, {"upload-set", nullptr}, {"init", RunInit},     {"orders", RunOrders},
    {"ingest", nullptr},   {"show", RunShow},       {"export", RunExport}, {"log", RunLog},
    {"fsck", RunFsck},     {"inspect", nullptr},    {"timeline", nullptr}, {"chat", RunChatFront},
};

}  // namespace

const Verb* FindVerb(const std::string& name) {
  for (const Verb& v : kVerbs) {
    if (name == v.name) return &v;
  }
  return nullptr;
}

}  // namespace parcelproof::cli
