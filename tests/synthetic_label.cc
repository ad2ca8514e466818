#include "synthetic_label.h"

#include <libheif/heif.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
// clang-format off
#include <jpeglib.h>
// clang-format on
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "ZXing/BitMatrix.h"
#include "ZXing/MultiFormatWriter.h"

namespace parcelproof::testing {

namespace {

// A JPEG of `width` x `height` pixels of `components` in `space`, each row
// filled by fill(y, row) before it is written.
std::string CompressJpeg(int width, int height, int components, J_COLOR_SPACE space, int quality,
                         bool progressive,
                         const std::function<void(int, std::vector<unsigned char>*)>& fill) {
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = static_cast<JDIMENSION>(width);
  c.image_height = static_cast<JDIMENSION>(height);
  c.input_components = components;
  c.in_color_space = space;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, quality, TRUE);
  if (progressive) jpeg_simple_progression(&c);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(width) * static_cast<size_t>(components));
  while (c.next_scanline < c.image_height) {
    fill(static_cast<int>(c.next_scanline), &row);
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  std::string bytes(reinterpret_cast<char*>(out), size);
  jpeg_destroy_compress(&c);
  free(out);
  return bytes;
}

}  // namespace

std::string TexturedJpeg(int width, int height, bool progressive) {
  uint32_t state = 2463534242u;  // xorshift32: the same texture on every run
  return CompressJpeg(
      width, height, 3, JCS_RGB, 85, progressive, [&state](int y, std::vector<unsigned char>* row) {
        for (size_t i = 0; i < row->size(); ++i) {
          state ^= state << 13;
          state ^= state >> 17;
          state ^= state << 5;
          int smooth = static_cast<int>((i / 3 + static_cast<size_t>(y)) % 256);
          (*row)[i] = static_cast<unsigned char>((smooth + static_cast<int>(state % 64)) % 256);
        }
      });
}

void WriteSyntheticLabel(const std::string& path, int width, int height,
                         const std::vector<SymbolSpec>& symbols, double angle_deg) {
  cv::Mat card(height, width, CV_8U, cv::Scalar(255));
  for (const SymbolSpec& s : symbols) {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormatFromString(s.format));
    writer.setMargin(0);
    ZXing::BitMatrix bits = writer.encode(s.text, s.width, s.height);
    cv::Mat sym(bits.height(), bits.width(), CV_8U);
    for (int y = 0; y < bits.height(); ++y) {
      for (int x = 0; x < bits.width(); ++x) sym.at<uint8_t>(y, x) = bits.get(x, y) ? 0 : 255;
    }
    cv::resize(sym, sym, cv::Size(s.width, s.height), 0, 0, cv::INTER_NEAREST);
    sym.copyTo(card(cv::Rect(s.x, s.y, s.width, s.height)));
  }
  int side = static_cast<int>(std::hypot(width, height)) + 40;
  cv::Mat frame(side, side, CV_8U, cv::Scalar(128));
  card.copyTo(frame(cv::Rect((side - width) / 2, (side - height) / 2, width, height)));
  cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(side / 2.f, side / 2.f), angle_deg, 1.0);
  cv::Mat out;
  cv::warpAffine(frame, out, rot, frame.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(128));
  cv::imwrite(path, out);
}

std::string RampJpeg(int width, int height, int components) {
  J_COLOR_SPACE space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
  return CompressJpeg(width, height, components, space, 95, false,
                      [width, components](int, std::vector<unsigned char>* row) {
                        for (int x = 0; x < width; ++x) {
                          auto v = static_cast<unsigned char>(x * 255 / (width - 1));
                          for (int k = 0; k < components; ++k)
                            (*row)[static_cast<size_t>(x) * components + k] = v;
                        }
                      });
}

void WritePlainImage(const std::string& path, int width, int height) {
  cv::imwrite(path, cv::Mat(height, width, CV_8U, cv::Scalar(200)));
}

bool WriteHeic(const std::string& in_path, const std::string& out_path) {
  cv::Mat m = cv::imread(in_path, cv::IMREAD_GRAYSCALE);
  if (m.empty()) return false;
  heif_context* ctx = heif_context_alloc();
  heif_encoder* encoder = nullptr;
  heif_image* image = nullptr;
  bool ok =
      heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &encoder).code ==
          heif_error_Ok &&
      heif_image_create(m.cols, m.rows, heif_colorspace_monochrome, heif_chroma_monochrome, &image)
              .code == heif_error_Ok &&
      heif_image_add_plane(image, heif_channel_Y, m.cols, m.rows, 8).code == heif_error_Ok;
  if (ok) {
    int stride = 0;
    uint8_t* plane = heif_image_get_plane(image, heif_channel_Y, &stride);
    for (int y = 0; y < m.rows; ++y) std::memcpy(plane + y * stride, m.ptr(y), m.cols);
    heif_encoder_set_lossy_quality(encoder, 90);
    ok = heif_context_encode_image(ctx, image, encoder, nullptr, nullptr).code == heif_error_Ok &&
         heif_context_write_to_file(ctx, out_path.c_str()).code == heif_error_Ok;
  }
  if (image) heif_image_release(image);
  if (encoder) heif_encoder_release(encoder);
  heif_context_free(ctx);
  return ok;
}

namespace {

// heif_image of the colour file at path (interleaved RGB); null on failure.
heif_image* ReadRgb(const std::string& path) {
  cv::Mat m = cv::imread(path, cv::IMREAD_COLOR);
  if (m.empty()) return nullptr;
  cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
  heif_image* image = nullptr;
  if (heif_image_create(m.cols, m.rows, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image)
              .code != heif_error_Ok ||
      heif_image_add_plane(image, heif_channel_interleaved, m.cols, m.rows, 8).code !=
          heif_error_Ok) {
    if (image) heif_image_release(image);
    return nullptr;
  }
  int stride = 0;
  uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
  for (int y = 0; y < m.rows; ++y) std::memcpy(plane + y * stride, m.ptr(y), m.cols * 3);
  return image;
}

bool AddExif(heif_context* ctx, heif_image_handle* handle, const HeicOptions& options) {
  if (options.exif.empty()) return true;
  const std::string& e = options.exif;
  heif_error err =
      options.raw_exif
          ? heif_context_add_generic_metadata(ctx, handle, e.data(), static_cast<int>(e.size()),
                                              "Exif", nullptr)
          : heif_context_add_exif_metadata(ctx, handle, e.data(), static_cast<int>(e.size()));
  return err.code == heif_error_Ok;
}

}  // namespace

bool WriteColourHeic(const std::string& in_path, const std::string& out_path,
                     const HeicOptions& options) {
  heif_image* image = ReadRgb(in_path);
  if (image == nullptr) return false;
  heif_context* ctx = heif_context_alloc();
  heif_encoder* encoder = nullptr;
  heif_image_handle* handle = nullptr;
  bool ok = heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &encoder).code ==
            heif_error_Ok;
  if (ok) {
    heif_encoder_set_lossy_quality(encoder, 90);
    heif_encoding_options* eo = heif_encoding_options_alloc();
    eo->image_orientation = static_cast<heif_orientation>(options.orientation);
    ok = heif_context_encode_image(ctx, image, encoder, eo, &handle).code == heif_error_Ok &&
         AddExif(ctx, handle, options) &&
         heif_context_write_to_file(ctx, out_path.c_str()).code == heif_error_Ok;
    heif_encoding_options_free(eo);
  }
  if (handle) heif_image_handle_release(handle);
  heif_image_release(image);
  if (encoder) heif_encoder_release(encoder);
  heif_context_free(ctx);
  return ok;
}

bool WritePastedSmall(const std::string& in_path, double scale, int canvas_w, int canvas_h, int x,
                      int y, const std::string& out_path) {
  cv::Mat label = cv::imread(in_path, cv::IMREAD_GRAYSCALE);
  if (label.empty()) return false;
  cv::resize(label, label, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::Mat noise(canvas_h / 16, canvas_w / 16, CV_8U);
  cv::RNG rng(7);
  rng.fill(noise, cv::RNG::UNIFORM, 90, 170);
  cv::Mat canvas;
  cv::resize(noise, canvas, cv::Size(canvas_w, canvas_h), 0, 0, cv::INTER_CUBIC);
  if (x + label.cols > canvas_w || y + label.rows > canvas_h) return false;
  label.copyTo(canvas(cv::Rect(x, y, label.cols, label.rows)));
  return cv::imwrite(out_path, canvas);
}

bool WriteRotated(const std::string& in_path, int degrees, const std::string& out_path) {
  cv::Mat m = cv::imread(in_path, cv::IMREAD_UNCHANGED);
  if (m.empty()) return false;
  if (degrees == 90) cv::rotate(m, m, cv::ROTATE_90_CLOCKWISE);
  if (degrees == 180) cv::rotate(m, m, cv::ROTATE_180);
  if (degrees == 270) cv::rotate(m, m, cv::ROTATE_90_COUNTERCLOCKWISE);
  return cv::imwrite(out_path, m);
}

}  // namespace parcelproof::testing
