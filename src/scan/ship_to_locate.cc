#include "scan/ship_to_locate.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <vector>

#include "address/address.h"
#include "image/leading_words.h"
#include "image/text_lines.h"

namespace parcelproof {
namespace {

// The barcode's width in pixels of the upright region where text lines are
// found, and of the crops that OCR reads (text about 25 pixels high).
constexpr double kDetectPx = 400, kReadPx = 800;
// The region searched, in barcode widths around the barcode.
// x from -kLeft to kRight barcode widths from its top-left corner, y from -kAbove to kBelow
// below its bottom edge.
constexpr double kLeft = 0.45, kRight = 1.45, kAbove = 1.7, kBelow = 0.7;
constexpr int kMinLineH = 6, kMaxLineH = 45, kMaxBlockLines = 12;
constexpr double kReadable = 0.55;      // mean block confidence below this: not read
constexpr double kSureLine = 0.75;      // a line read this surely holds no cue unread
constexpr double kSureCyrillic = 0.75;  // a Russian block reading this sure needs no English one
// An English block reading this sure is kept even when its country writes
// Cyrillic (on the bench corpus, English read every Cyrillic block under 0.84).
constexpr double kSureTransliterated = 0.9;

// A box warped at a scale, as ReadCrop makes it.
struct Crop {
  int x, y, w, h, pad;
  double f;
  GrayPixels pixels;
};

struct Region {
  GrayPixels pixels;
  Affine to_upright;  // region pixels -> upright image
  Affine to_picture;  // region pixels -> the picture warped
  const Picture* picture = nullptr;
  bool cyrillic_expected = false;  // a barcode names a country that writes Cyrillic
  // Crops warped so far: the chosen block is mostly warped once to choose
  // it and again to read it.
  mutable std::vector<Crop> crops;
};

// Where Warp takes the region from: its frame around the barcode q, and the
// area of the upright image decoded at full resolution when the base
// picture shows the barcode too small for the print beside it.
struct WarpPlan {
  Affine to_upright;  // region pixels -> upright image
  int width = 0, height = 0;
  std::optional<Quad> full_area;
};

WarpPlan PlanWarp(const ImageSource& source, const std::array<PointF, 4>& q) {
  double w = std::hypot(q[1].x - q[0].x, q[1].y - q[0].y);
  double ux = (q[1].x - q[0].x) / w, uy = (q[1].y - q[0].y) / w;
  double vx = -uy, vy = ux;  // down the label
  double h = std::max(0.1 * w, (q[3].x - q[0].x) * vx + (q[3].y - q[0].y) * vy);
  double k = w / kDetectPx;  // upright pixels per region pixel
  double ox = q[0].x - ux * kLeft * w - vx * kAbove * w;
  double oy = q[0].y - uy * kLeft * w - vy * kAbove * w;
  WarpPlan plan;
  plan.to_upright.m[0] = ux * k;
  plan.to_upright.m[1] = vx * k;
  plan.to_upright.m[2] = ox;
  plan.to_upright.m[3] = uy * k;
  plan.to_upright.m[4] = vy * k;
  plan.to_upright.m[5] = oy;
  plan.width = static_cast<int>((kLeft + kRight) * kDetectPx);
  plan.height = static_cast<int>((kAbove + kBelow) * kDetectPx + h / k);
  const Affine& base_to_upright = source.base_to_full();
  double base_scale = std::sqrt(std::fabs(base_to_upright.m[0] * base_to_upright.m[4] -
                                          base_to_upright.m[1] * base_to_upright.m[3]));
  if (source.reduced() && w / base_scale < 0.55 * kReadPx) {
    // Only the rows of the region (and a margin for padded crops) are decoded.
    const double m = 64;
    plan.full_area = plan.to_upright.Apply(Quad{PointF{-m, -m}, PointF{plan.width + m, -m},
                                                PointF{plan.width + m, plan.height + m},
                                                PointF{-m, plan.height + m}});
  }
  return plan;
}

Region Warp(ImageSource* source, const std::array<PointF, 4>& q) {
  WarpPlan plan = PlanWarp(*source, q);
  Region r;
  r.to_upright = plan.to_upright;
  // The base picture unless it shows the barcode too small for the print beside it.
  const Picture* pic = &source->base();
  Affine pic_to_upright = source->base_to_full();
  if (plan.full_area) {
    if (const Picture* full = source->FullAround({*plan.full_area})) {
      pic = full;
      pic_to_upright = source->full_to_upright();
    }
  }
  r.to_picture = r.to_upright.Then(pic_to_upright.Inverse());
  r.picture = pic;
  r.pixels = WarpToGray(*pic, r.to_picture, plan.width, plan.height);
  return r;
}

// True when the quad (region pixels) lies inside the photo.
bool InsidePhoto(const Region& r, const Quad& q) {
  for (const PointF& p : r.to_picture.Apply(q)) {
    if (p.x < 0 || p.y < 0 || p.x > r.picture->width() || p.y > r.picture->height()) return false;
  }
  return true;
}

// The box (region pixels, padded) warped from the picture at reading scale.
GrayPixels ReadCrop(const Region& r, const Box& b, int pad, double f = kReadPx / kDetectPx) {
  for (const Crop& c : r.crops) {
    if (c.x == b.x && c.y == b.y && c.w == b.w && c.h == b.h && c.pad == pad && c.f == f) {
      return c.pixels;
    }
  }
  Affine crop_to_region;
  crop_to_region.m[0] = 1 / f;
  crop_to_region.m[2] = b.x - pad;
  crop_to_region.m[4] = 1 / f;
  crop_to_region.m[5] = b.y - pad;
  GrayPixels crop =
      WarpToGray(*r.picture, crop_to_region.Then(r.to_picture),
                 static_cast<int>((b.w + 2 * pad) * f), static_cast<int>((b.h + 2 * pad) * f));
  r.crops.push_back({b.x, b.y, b.w, b.h, pad, f, crop});
  return crop;
}

enum class Cue { kNone, kShipTo, kSender };

Cue CueOf(const std::string& text) {
  std::string rest;
  if (StripShipToCue(text, &rest)) return Cue::kShipTo;
  return IsSenderCue(text) ? Cue::kSender : Cue::kNone;
}

// True when English read a word of three characters or more surely: the
// line is in Latin script, not a Russian cue English misread ("ORDER
// 0200044 _ aliexpress" at 0.5 overall for its symbols). English reads
// Cyrillic words with low confidence throughout ("Tlonyuatenb"), and on the
// bench corpus the Russian model found no cue on any line with such a word.
bool HasSureWord(const OcrLine& line) {
  for (const OcrWord& w : line.words) {
    if (w.end - w.begin >= 3 && w.confidence >= 0.9) return true;
  }
  return false;
}

// True when English read the line surely: a Russian cue is not in it unread.
bool SurelyEnglish(const OcrLine& eng) { return eng.confidence > kSureLine || HasSureWord(eng); }

// A line's leading words read for a cue: two, as no cue is longer. Reading
// costs in proportion to the width read, and the first lines searched for
// a cue are mostly longer ("BLDG 3, 18 BANTIAN RD, LONGGANG").
constexpr int kCueWords = 2;

// Reads the first line of a block for a cue word: first its leading words
// alone, cut at a gap between words. Only a sure English reading of them
// that begins no cue stands; else the whole line is read, in English and
// then in Russian when English is unsure. (The words cut off may undo a
// cue, "SHIP TO Anna" without a colon is none; and English misreads some
// lines cut short that it reads whole, "FROM: SHENZHEN JIAYU" as "; rar
// 6S N JIAYU" at 0.45 beside the Arabic-script block of a bad-input photo.)
Cue FirstLineCue(const Region& region, const Box& line) {
  const int pad = line.h / 3;
  const double f = kReadPx / kDetectPx;
  GrayPixels crop = ReadCrop(region, line, pad);
  int keep = LeadingWordsWidth(crop, static_cast<int>(pad * f),
                               static_cast<int>((pad + line.h) * f), kCueWords);
  if (keep < crop.width) {
    OcrLine lead = ReadTextLine(CutRect(crop, 0, 0, keep, crop.height), "eng");
    if (SurelyEnglish(lead) && !MayBeginCue(lead.text)) return Cue::kNone;
  }
  OcrLine eng = ReadTextLine(crop, "eng");
  Cue cue = CueOf(eng.text);
  if (cue != Cue::kNone || SurelyEnglish(eng)) return cue;
  return CueOf(ReadTextLine(crop, "rus").text);
}

bool HasCyrillic(const OcrText& t) {
  for (const OcrLine& l : t.lines) {
    for (size_t i = 0; i + 1 < l.text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(l.text[i]);
      if (c == 0xD0 || c == 0xD1) return true;
    }
  }
  return false;
}

bool CyrillicCountry(const OcrText& t) {
  std::vector<std::string> lines;
  for (const OcrLine& l : t.lines) lines.push_back(l.text);
  return WritesCyrillic(ParseAddressLines(lines).country.value);
}

}  // namespace

GrayPixels SubPicture(const GrayPixels& p, const OcrLine& l) {
  int pad = std::max(2, l.h / 4);
  int x0 = std::max(0, l.x - pad), y0 = std::max(0, l.y - pad);
  int x1 = std::min(p.width, l.x + l.w + pad), y1 = std::min(p.height, l.y + l.h + pad);
  if (x1 - x0 < 4 || y1 - y0 < 4) return {};
  return CutRect(p, x0, y0, x1, y1);
}

namespace {

// Labels mix scripts ("ITALY" under a Russian address): an unsure line is
// read again in the other language and the surer reading kept.
void RereadUnsureLines(const GrayPixels& crop, OcrText* t) {
  // A Latin line under a Russian address ("ITALY"); the other way round the
  // Russian model turns unsure Latin into Cyrillic look-alikes ("Мипспеп").
  if (t->language != "rus") return;
  const std::string other = "eng";
  for (OcrLine& l : t->lines) {
    if (l.confidence >= 0.75) continue;
    GrayPixels sub = SubPicture(crop, l);
    if (sub.width == 0) continue;
    OcrLine again = ReadTextLine(sub, other);
    if (again.text.empty() || again.confidence < l.confidence + 0.1) continue;
    l.text = again.text;
    l.confidence = again.confidence;
    l.words = {OcrWord{0, l.text.size(), again.confidence}};
  }
}

// Reads a block in English, and in Russian when English is unsure or the
// address is in a country that writes Cyrillic but no Cyrillic was read
// ("POCCUA": the Latin model's reading of "РОССИЯ"). When a barcode names
// a country that writes Cyrillic, Russian reads first, and a sure Cyrillic
// reading needs no English one (on the bench corpus that spared the English
// reading of every Cyrillic label, a third of a block read's CPU on average).
OcrText ReadBlock(const GrayPixels& crop, bool cyrillic_expected) {
  OcrText rus;
  if (cyrillic_expected) {
    rus = ReadTextBlock(crop, "rus");
    if (HasCyrillic(rus) && rus.confidence >= kSureCyrillic) {
      RereadUnsureLines(crop, &rus);
      return rus;
    }
  }
  OcrText eng = ReadTextBlock(crop, "eng");
  OcrText best = eng;
  if (eng.confidence < 0.8 || CyrillicCountry(eng)) {
    if (!cyrillic_expected) rus = ReadTextBlock(crop, "rus");
    // A sure English reading of an address to Russia is a transliterated
    // one ("Samara 443099 / RUSSIA"), which Russian reads as look-alikes.
    bool cyrillic =
        HasCyrillic(rus) &&
        (rus.confidence > eng.confidence ||
         (CyrillicCountry(eng) && rus.confidence > 0.6 && eng.confidence < kSureTransliterated));
    if (cyrillic) best = rus;
  }
  RereadUnsureLines(crop, &best);
  return best;
}

Box BlockBox(const TextBlock& b) {
  Box box = b.bounds;
  if (b.lines.size() > kMaxBlockLines) {
    const Box& last = b.lines[kMaxBlockLines - 1];
    box.h = last.y + last.h - box.y;
  }
  return box;
}

// Blocks worth reading: two lines or more, most lines first.
std::vector<const TextBlock*> Candidates(const std::vector<TextBlock>& blocks) {
  std::vector<const TextBlock*> out;
  for (const TextBlock& b : blocks) {
    if (b.lines.size() >= 2) out.push_back(&b);
  }
  std::stable_sort(out.begin(), out.end(), [](const TextBlock* a, const TextBlock* b) {
    return a->lines.size() > b->lines.size();
  });
  if (out.size() > 4) out.resize(4);
  return out;
}

// The line just above the block's first line (a head such as "FROM: Shop
// Ltd" that the block hangs under), from any block; nullptr when none.
const Box* HeadOf(const TextBlock& b, const std::vector<TextBlock>& all) {
  const Box& first = b.lines[0];
  const Box* head = nullptr;
  for (const TextBlock& other : all) {
    for (const Box& l : other.lines) {
      int gap = first.y - (l.y + l.h);
      bool overlaps = l.x < first.x + first.w && first.x < l.x + l.w;
      if (gap >= 0 && gap < first.h * 3 / 2 && overlaps && (!head || l.y > head->y)) head = &l;
    }
  }
  return head;
}

GrayPixels BlockCrop(const Region& region, const TextBlock& b) {
  return ReadCrop(region, BlockBox(b), b.lines[0].h / 2);
}

bool ParsesAsAddress(const OcrText& t) {
  std::vector<std::string> lines;
  for (const OcrLine& l : t.lines) lines.push_back(l.text);
  ParsedAddress a = ParseAddressLines(lines);
  return !a.country.value.empty() && (!a.postal_code.value.empty() || !a.city.value.empty());
}

// True when the block, with a line's height of margin above and below,
// lies inside the photo.
bool WithinPhoto(const Region& region, const TextBlock& b) {
  Box box = BlockBox(b);
  double m = b.lines[0].h;
  Quad q = {PointF{box.x - m / 2, box.y - m}, PointF{box.x + box.w + m / 2, box.y - m},
            PointF{box.x + box.w + m / 2, box.y + box.h + m},
            PointF{box.x - m / 2, box.y + box.h + m}};
  return InsidePhoto(region, q);
}

const TextBlock* Choose(const Region& region, const std::vector<TextBlock>& all,
                        const std::vector<const TextBlock*>& cands, OcrText* text) {
  // The block with most lines is mostly the ship-to block, read whole once:
  // a cue in its first line saves reading that line on its own.
  OcrText first;
  if (!cands.empty()) {
    first = ReadBlock(BlockCrop(region, *cands[0]), region.cyrillic_expected);
    if (!first.lines.empty() && CueOf(first.lines[0].text) == Cue::kShipTo) {
      *text = first;
      return cands[0];
    }
  }
  std::vector<Cue> cues;
  for (const TextBlock* b : cands) {
    // The largest block's first line, read surely in the block read, needs
    // no reading of its own.
    bool read = b == cands[0] && !first.lines.empty() && first.lines[0].confidence > kSureLine;
    cues.push_back(read ? CueOf(first.lines[0].text) : FirstLineCue(region, b->lines[0]));
    if (cues.back() == Cue::kShipTo) {
      if (b == cands[0]) *text = first;
      return b;
    }
  }
  // No cue: the first block (up to two) that parses as an address, unless it
  // hangs under a sender's head or runs off the photo (a sender's block cut
  // by the photo's edge has lost its "FROM:" head with the cut).
  for (size_t i = 0; i < cands.size() && i < 2; ++i) {
    if (cands[i]->lines.size() < 3 || cues[i] == Cue::kSender) continue;
    if (!WithinPhoto(region, *cands[i])) continue;
    const Box* head = HeadOf(*cands[i], all);
    if (head && FirstLineCue(region, *head) == Cue::kSender) continue;
    OcrText t = i == 0 ? first : ReadBlock(BlockCrop(region, *cands[i]), region.cyrillic_expected);
    if (ParsesAsAddress(t)) {
      *text = t;
      return cands[i];
    }
  }
  return nullptr;
}

bool IsCjk(const std::string& script) {
  return script == "Han" || script == "Japanese" || script == "Korean" || script == "Hangul";
}

// A script we have no data for in one of the blocks, named for the note; empty when none.
std::string ForeignScript(const Region& region, const std::vector<const TextBlock*>& cands) {
  for (const TextBlock* b : cands) {
    GrayPixels crop = ReadCrop(region, BlockBox(*b), b->lines[0].h / 2);
    // Legible Latin (a sender's block) is no foreign script, whatever OSD says.
    if (ReadTextBlock(crop, "eng").confidence >= 0.7) continue;
    double conf = 0;
    std::string script = DetectScript(crop, &conf);
    if (script.empty() || script == "Latin" || script == "Cyrillic") continue;
    // Short CJK text looks Indic to OSD at reading scale, or Han with a low
    // score; at twice the scale it is seen as CJK (with a low score too).
    double conf2 = 0;
    std::string again = DetectScript(
        ReadCrop(region, BlockBox(*b), b->lines[0].h / 2, 2 * kReadPx / kDetectPx), &conf2);
    if ((IsCjk(script) && conf > 0.3) || (IsCjk(again) && conf2 > 0.3)) return "CJK (Han)";
    if (conf > 1) return script;
  }
  return "";
}

void ReadChosen(const GrayPixels& crop, bool cyrillic_expected, LocatedBlock* out) {
  if (out->text.lines.empty()) out->text = ReadBlock(crop, cyrillic_expected);
  out->script = HasCyrillic(out->text) ? "Cyrillic" : "Latin";
  if (out->text.confidence >= kReadable) {
    out->readable = true;
    return;
  }
  double script_conf = 0;
  std::string script = DetectScript(crop, &script_conf);
  if (!script.empty() && script != "Latin" && script != "Cyrillic" && script_conf > 1) {
    out->script = script;
    out->why = "the ship-to block is printed in " + script +
               " script, and no OCR data for it is installed (only Latin and Cyrillic)";
  } else {
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", out->text.confidence);
    out->why = std::string("the ship-to block is not legible (OCR confidence ") + conf +
               "): blurred, mirrored or damaged print?";
  }
  out->text = OcrText();
}

// A barcode drawn under 20 pixels wide gives no frame to find the block in.
bool TooSmallAnAnchor(const std::array<PointF, 4>& anchor) {
  return std::hypot(anchor[1].x - anchor[0].x, anchor[1].y - anchor[0].y) < 20;
}

}  // namespace

std::optional<Quad> ShipToFullArea(const ImageSource& source, const std::array<PointF, 4>& anchor) {
  if (TooSmallAnAnchor(anchor)) return std::nullopt;
  return PlanWarp(source, anchor).full_area;
}

LocatedBlock LocateShipTo(ImageSource* source, const std::array<PointF, 4>& anchor,
                          const std::string& barcode_country) {
  LocatedBlock out;
  if (TooSmallAnAnchor(anchor)) {
    out.why = "the tracking barcode is too small to find the ship-to block by";
    return out;
  }
  Region region = Warp(source, anchor);
  region.cyrillic_expected = WritesCyrillic(barcode_country);
  std::vector<TextBlock> blocks = FindTextBlocks(region.pixels, kMinLineH, kMaxLineH);
  std::vector<const TextBlock*> cands = Candidates(blocks);
  const TextBlock* chosen = Choose(region, blocks, cands, &out.text);
  if (!chosen) {
    std::string script = ForeignScript(region, cands);
    out.script = script;
    out.why = cands.empty() ? "no printed text lines near the tracking barcode"
              : !script.empty()
                  ? "the text near the tracking barcode is in " + script +
                        " script, and no OCR data for it is installed (only Latin and Cyrillic)"
                  : "no block of text near the tracking barcode reads as an address";
    return out;
  }
  Box box = BlockBox(*chosen);
  int pad = chosen->lines[0].h / 2;
  out.found = true;
  Quad q = {PointF{double(box.x - pad), double(box.y - pad)},
            PointF{double(box.x + box.w + pad), double(box.y - pad)},
            PointF{double(box.x + box.w + pad), double(box.y + box.h + pad)},
            PointF{double(box.x - pad), double(box.y + box.h + pad)}};
  out.corners = region.to_upright.Apply(q);
  out.crop = ReadCrop(region, box, pad);
  ReadChosen(out.crop, region.cyrillic_expected, &out);
  if (out.readable && !InsidePhoto(region, q)) {
    // Text cut by the frame reads as other words ("nchen" for "München"):
    // never confident enough for a verdict.
    for (OcrLine& l : out.text.lines) {
      l.confidence = std::min(l.confidence, 0.5);
      for (OcrWord& w : l.words) w.confidence = std::min(w.confidence, 0.5);
    }
    out.why = "the ship-to block runs off the photo: fields shown, not used for a verdict";
  }
  return out;
}

}  // namespace parcelproof
