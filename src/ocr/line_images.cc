#include "ocr/line_images.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>

#include <cstring>

namespace parcelproof {
namespace {

// The raw format: this header, then the picture's rows as Leptonica holds
// them (wpl 32-bit words each). Written and read by the same process only.
struct RawHeader {
  char magic[8];
  int32_t width, height, depth, wpl, xres, yres;
};
constexpr char kMagic[8] = {'p', 'p', 'r', 'a', 'w', 'p', 'i', 'x'};
constexpr int32_t kMaxSide = 1 << 16;

using WriteMemFn = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);
using ReadMemFn = PIX* (*)(const l_uint8*, size_t);

template <typename Fn>
Fn Leptonicas(const char* name) {
  return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}

bool StaysRaw(PIX* pix, l_int32 format) {
  l_int32 d = pixGetDepth(pix);
  return format == IFF_PNG && !pixGetColormap(pix) && (d == 1 || d == 8) &&
         pixGetWidth(pix) < kMaxSide && pixGetHeight(pix) < kMaxSide;
}

l_ok WriteRaw(l_uint8** pdata, size_t* psize, PIX* pix) {
  RawHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.width = pixGetWidth(pix);
  h.height = pixGetHeight(pix);
  h.depth = pixGetDepth(pix);
  h.wpl = pixGetWpl(pix);
  h.xres = pixGetXRes(pix);
  h.yres = pixGetYRes(pix);
  size_t rows = sizeof(l_uint32) * static_cast<size_t>(h.wpl) * static_cast<size_t>(h.height);
  auto* out = static_cast<l_uint8*>(lept_calloc(1, sizeof h + rows));
  if (!out) return 1;
  std::memcpy(out, &h, sizeof h);
  std::memcpy(out + sizeof h, pixGetData(pix), rows);
  *pdata = out;
  *psize = sizeof h + rows;
  return 0;
}

}  // namespace

Pix* ReadRawLineImage(const uint8_t* data, size_t size) {
  RawHeader h{};
  if (!data || size < sizeof h) return nullptr;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return nullptr;
  if (h.width <= 0 || h.height <= 0 || h.width >= kMaxSide || h.height >= kMaxSide ||
      (h.depth != 1 && h.depth != 8) || h.wpl != (h.width * h.depth + 31) / 32) {
    return nullptr;
  }
  size_t rows = sizeof(l_uint32) * static_cast<size_t>(h.wpl) * static_cast<size_t>(h.height);
  if (size != sizeof h + rows) return nullptr;
  PIX* pix = pixCreateNoInit(h.width, h.height, h.depth);
  if (!pix) return nullptr;
  std::memcpy(pixGetData(pix), data + sizeof h, rows);
  pixSetResolution(pix, h.xres, h.yres);
  return pix;
}

bool LineImagesStayRaw() {
  return dlsym(RTLD_DEFAULT, "pixWriteMem") == reinterpret_cast<void*>(&::pixWriteMem) &&
         dlsym(RTLD_DEFAULT, "pixReadMem") == reinterpret_cast<void*>(&::pixReadMem);
}

}  // namespace parcelproof

// Leptonica's two functions, as the process sees them.
extern "C" l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix, l_int32 format) {
  if (pdata && psize && pix && parcelproof::StaysRaw(pix, format)) {
    return parcelproof::WriteRaw(pdata, psize, pix);
  }
  static const auto leptonicas = parcelproof::Leptonicas<parcelproof::WriteMemFn>("pixWriteMem");
  return leptonicas ? leptonicas(pdata, psize, pix, format) : 1;
}

extern "C" PIX* pixReadMem(const l_uint8* data, size_t size) {
  if (PIX* raw = parcelproof::ReadRawLineImage(data, size)) return raw;
  static const auto leptonicas = parcelproof::Leptonicas<parcelproof::ReadMemFn>("pixReadMem");
  return leptonicas ? leptonicas(data, size) : nullptr;
}
