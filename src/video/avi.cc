// AVI: the IDIT chunk (a local date, no zone) or a date string inside a
// strd chunk; duration from avih. Anything else: no creation time.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>

#include "video/byte_reader.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

using video::ReadLe;

constexpr int kMaxChunks = 100000;
constexpr int kMaxDepth = 4;

struct Walk {
  VideoTimes* out = nullptr;
  std::string idit, strd_date;
  uint64_t usec_per_frame = 0, frames = 0;
  int chunks = 0;
};

bool ValidCivil(int y, int mo, int d, int h, int mi, int s) {
  return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 &&
         mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

std::string Iso(int y, int mo, int d, int h, int mi, int s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
  return buf;
}

// "WED JAN 11 12:34:56 2006" (ctime-like) or "2006:01:11 12:34:56".
std::string ParseAviDate(const std::string& text) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  int y, mo = 0, d, h, mi, s;
  char mon[4] = {0};
  if (std::sscanf(text.c_str(), "%*3s %3s %d %d:%d:%d %d", mon, &d, &h, &mi, &s, &y) == 6) {
    for (int i = 0; i < 12; ++i) {
      std::string m(mon);
      for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (m == kMonths[i]) mo = i + 1;
    }
  } else if (std::sscanf(text.c_str(), "%4d:%2d:%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) {
    return "";
  }
  return ValidCivil(y, mo, d, h, mi, s) ? Iso(y, mo, d, h, mi, s) : "";
}

// The first "YYYY:MM:DD HH:MM:SS" in a vendor strd block.
std::string FindDateIn(std::string_view body) {
  for (size_t i = 0; i + 19 <= body.size(); ++i) {
    if (body[i + 4] != ':' || body[i + 7] != ':' || body[i + 10] != ' ') continue;
    std::string date = ParseAviDate(std::string(body.substr(i, 19)));
    if (!date.empty()) return date;
  }
  return "";
}

void WalkChunks(std::string_view b, int depth, Walk* w) {
  size_t at = 0;
  while (at + 8 <= b.size() && ++w->chunks < kMaxChunks) {
    std::string_view id = b.substr(at, 4);
    uint64_t size = 0;
    ReadLe(b, at + 4, 4, &size);
    if (size > b.size() - at - 8) {
      w->out->problems.push_back("AVI chunk '" + std::string(id) + "' runs past its end");
      size = b.size() - at - 8;
    }
    std::string_view body = b.substr(at + 8, size);
    if (id == "LIST" && body.size() >= 4 && depth < kMaxDepth && body.substr(0, 4) != "movi") {
      WalkChunks(body.substr(4), depth + 1, w);
    } else if (id == "IDIT" && w->idit.empty()) {
      w->idit = ParseAviDate(std::string(body.substr(0, body.find('\0'))));
      if (w->idit.empty()) w->out->problems.push_back("AVI IDIT date unreadable");
    } else if (id == "strd" && w->strd_date.empty()) {
      w->strd_date = FindDateIn(body);
    } else if (id == "avih") {
      ReadLe(body, 0, 4, &w->usec_per_frame);
      ReadLe(body, 16, 4, &w->frames);
    }
    at += 8 + size + (size & 1);
  }
}

}  // namespace

VideoTimes ReadAviTimes(std::string_view b) {
  VideoTimes out;
  out.container = "AVI";
  Walk w;
  w.out = &out;
  if (b.size() >= 12) WalkChunks(b.substr(12), 0, &w);
  if (!w.idit.empty()) {
    out.creation_time_local = w.idit;
    out.creation_source = "IDIT";
  } else if (!w.strd_date.empty()) {
    out.creation_time_local = w.strd_date;
    out.creation_source = "strd";
  }
  if (w.usec_per_frame > 0 && w.frames > 0) {
    out.has_duration = true;
    out.duration_s = static_cast<double>(w.usec_per_frame) * static_cast<double>(w.frames) / 1e6;
  }
  return out;
}

}  // namespace parcelproof
