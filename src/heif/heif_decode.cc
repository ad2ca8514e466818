#include "heif/heif_decode.h"

#include <libheif/heif.h>

#include <cstring>
#include <memory>

namespace parcelproof {
namespace {

struct ContextFree {
  void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleFree {
  void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageFree {
  void operator()(heif_image* i) const { heif_image_release(i); }
};

Status HeifError(const char* what, const heif_error& e) {
  return Status::Corrupt(std::string("HEIF ") + what + ": " + (e.message ? e.message : "error"));
}

}  // namespace

Result<GrayPixels> DecodeHeifGray(const std::string& bytes, int64_t max_pixels) {
  std::unique_ptr<heif_context, ContextFree> ctx(heif_context_alloc());
  heif_error err =
      heif_context_read_from_memory_without_copy(ctx.get(), bytes.data(), bytes.size(), nullptr);
  if (err.code != heif_error_Ok) return HeifError("unreadable", err);
  heif_image_handle* raw_handle = nullptr;
  err = heif_context_get_primary_image_handle(ctx.get(), &raw_handle);
  if (err.code != heif_error_Ok) return HeifError("has no primary image", err);
  std::unique_ptr<heif_image_handle, HandleFree> handle(raw_handle);
  int64_t w = heif_image_handle_get_width(handle.get()),
          h = heif_image_handle_get_height(handle.get());
  if (w <= 0 || h <= 0) return Status::Corrupt("HEIF primary image has no size");
  if (w * h > max_pixels) {
    return Status::Unsupported("image claims " + std::to_string(w) + "x" + std::to_string(h) +
                               " pixels, over the limit of " +
                               std::to_string(max_pixels / 1000000) + " MP");
  }
  heif_image* raw_image = nullptr;
  err = heif_decode_image(handle.get(), &raw_image, heif_colorspace_monochrome,
                          heif_chroma_monochrome, nullptr);
  if (err.code != heif_error_Ok) return HeifError("could not be decoded", err);
  std::unique_ptr<heif_image, ImageFree> image(raw_image);
  int stride = 0;
  const uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_Y, &stride);
  GrayPixels out;
  out.width = heif_image_get_width(image.get(), heif_channel_Y);
  out.height = heif_image_get_height(image.get(), heif_channel_Y);
  if (!plane || out.width <= 0 || out.height <= 0 || stride < out.width) {
    return Status::Corrupt("HEIF decoded to no pixels");
  }
  out.data.resize(static_cast<size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(&out.data[static_cast<size_t>(y) * out.width],
                plane + static_cast<size_t>(y) * stride, out.width);
  }
  return out;
}

}  // namespace parcelproof
