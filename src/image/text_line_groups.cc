#include "image/text_line_groups.h"

#include <algorithm>
#include <cstdlib>

namespace parcelproof {
namespace {

bool SameLine(const Box& a, const Box& b) {
  int top = std::max(a.y, b.y), bottom = std::min(a.y + a.h, b.y + b.h);
  int gap = std::max(a.x, b.x) - std::min(a.x + a.w, b.x + b.w);
  return bottom - top > std::min(a.h, b.h) / 2 && gap < 3 * std::max(a.h, b.h);
}

Box Union(const Box& a, const Box& b) {
  int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
  return {x, y, std::max(a.x + a.w, b.x + b.w) - x, std::max(a.y + a.h, b.y + b.h) - y};
}

bool Continues(const TextBlock& block, const Box& line) {
  const Box& last = block.lines.back();
  int h = std::max(last.h, line.h);
  // Same left edge; or indented under a one-line head ("FROM: Shop Ltd" over its address).
  bool aligned = std::abs(last.x - line.x) < h ||
                 (block.lines.size() == 1 && line.x > last.x && line.x < last.x + last.w / 2);
  bool close = line.y - (last.y + last.h) < h * 3 / 2 && line.y >= last.y + last.h / 2;
  bool similar = line.h * 2 > last.h && last.h * 2 > line.h;
  return aligned && close && similar;
}

bool Overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

std::vector<Box> MergeLines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
  std::vector<Box> lines;
  for (const Box& b : boxes) {
    bool merged = false;
    for (Box& l : lines) {
      if (SameLine(l, b)) {
        l = Union(l, b);
        merged = true;
        break;
      }
    }
    if (!merged) lines.push_back(b);
  }
  // A line is wider than twice its height; alone, a short word is too often a mark.
  lines.erase(
      std::remove_if(lines.begin(), lines.end(), [](const Box& l) { return l.w < 2 * l.h; }),
      lines.end());
  std::sort(lines.begin(), lines.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
  return lines;
}

std::vector<Box> AddNewLines(std::vector<Box> lines, const std::vector<Box>& more) {
  size_t found = lines.size();
  for (const Box& m : more) {
    bool known = false;
    for (size_t i = 0; i < found && !known; ++i) known = Overlaps(m, lines[i]);
    if (!known) lines.push_back(m);
  }
  std::sort(lines.begin(), lines.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
  return lines;
}

std::vector<TextBlock> GroupIntoBlocks(const std::vector<Box>& lines) {
  std::vector<TextBlock> blocks;
  for (const Box& line : lines) {
    TextBlock* open = nullptr;
    for (TextBlock& b : blocks) {
      if (Continues(b, line)) open = &b;
    }
    if (!open) {
      blocks.push_back({{line}, line});
    } else {
      open->lines.push_back(line);
      open->bounds = Union(open->bounds, line);
    }
  }
  return blocks;
}

}  // namespace parcelproof
