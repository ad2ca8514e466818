#include "heif/heif_decode.h"

#include <cstring>

#include "heif/heif_handle.h"

namespace parcelproof {
namespace {

using heif::ImageFree;
using Image = std::unique_ptr<heif_image, ImageFree>;

Status CheckSize(heif_image_handle* handle, int64_t max_pixels) {
  int64_t w = heif_image_handle_get_width(handle), h = heif_image_handle_get_height(handle);
  if (w <= 0 || h <= 0) return Status::Corrupt("HEIF primary image has no size");
  if (w * h > max_pixels) {
    return Status::Unsupported("image claims " + std::to_string(w) + "x" + std::to_string(h) +
                               " pixels, over the limit of " +
                               std::to_string(max_pixels / 1000000) + " MP");
  }
  return Status::Ok();
}

// Decodes the primary image (rotation and mirroring applied by libheif);
// heif_colorspace_undefined keeps the coded colour space (no conversion).
Result<Image> DecodePrimary(const std::string& bytes, int64_t max_pixels, heif_colorspace space,
                            heif_chroma chroma) {
  Result<heif::Primary> primary = heif::OpenPrimary(bytes);
  if (!primary.ok()) return primary.status();
  PP_RETURN_IF_ERROR(CheckSize(primary->handle.get(), max_pixels));
  heif_image* raw_image = nullptr;
  heif_error err = heif_decode_image(primary->handle.get(), &raw_image, space, chroma, nullptr);
  if (err.code != heif_error_Ok) return heif::HeifError("could not be decoded", err);
  return Image(raw_image);
}

// Copies the plane of `channel`, bytes_per_pixel wide, rows packed.
Status CopyPlane(const heif_image* image, heif_channel channel, int bytes_per_pixel,
                 std::vector<uint8_t>* data, int* width, int* height) {
  int stride = 0;
  const uint8_t* plane = heif_image_get_plane_readonly(image, channel, &stride);
  *width = heif_image_get_width(image, channel);
  *height = heif_image_get_height(image, channel);
  size_t row = static_cast<size_t>(*width) * bytes_per_pixel;
  if (!plane || *width <= 0 || *height <= 0 || stride < 0 || static_cast<size_t>(stride) < row) {
    return Status::Corrupt("HEIF decoded to no pixels");
  }
  data->resize(row * *height);
  for (int y = 0; y < *height; ++y) {
    std::memcpy(data->data() + row * y, plane + static_cast<size_t>(y) * stride, row);
  }
  return Status::Ok();
}

GrayPixels LumaOf(const RgbPixels& rgb) {
  GrayPixels out;
  out.width = rgb.width;
  out.height = rgb.height;
  out.data.resize(rgb.data.size() / 3);
  for (size_t i = 0; i < out.data.size(); ++i) {
    const uint8_t* p = &rgb.data[i * 3];
    out.data[i] = static_cast<uint8_t>((77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8);
  }
  return out;
}

}  // namespace

// Grey or YCbCr (every camera's HEIC): the luma plane as coded (libheif 1.15
// cannot convert YCbCr to monochrome); anything else through RGB.
Result<GrayPixels> DecodeHeifGray(const std::string& bytes, int64_t max_pixels) {
  Result<Image> image =
      DecodePrimary(bytes, max_pixels, heif_colorspace_undefined, heif_chroma_undefined);
  if (!image.ok()) return image.status();
  heif_colorspace space = heif_image_get_colorspace(image->get());
  if (space != heif_colorspace_YCbCr && space != heif_colorspace_monochrome) {
    Result<RgbPixels> rgb = DecodeHeifRgb(bytes, max_pixels);
    if (!rgb.ok()) return rgb.status();
    return LumaOf(*rgb);
  }
  GrayPixels out;
  PP_RETURN_IF_ERROR(
      CopyPlane(image->get(), heif_channel_Y, 1, &out.data, &out.width, &out.height));
  return out;
}

Result<RgbPixels> DecodeHeifRgb(const std::string& bytes, int64_t max_pixels) {
  Result<Image> image =
      DecodePrimary(bytes, max_pixels, heif_colorspace_RGB, heif_chroma_interleaved_RGB);
  if (!image.ok()) return image.status();
  RgbPixels out;
  PP_RETURN_IF_ERROR(
      CopyPlane(image->get(), heif_channel_interleaved, 3, &out.data, &out.width, &out.height));
  return out;
}

}  // namespace parcelproof
