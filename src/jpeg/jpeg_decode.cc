#include "jpeg/jpeg_decode.h"

// clang-format off
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include <algorithm>
#include <new>

namespace parcelproof {
namespace {

// libjpeg reports fatal errors through error_exit, which must not return:
// jump back to the decoding function with the message.
struct ErrorManager {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void OnError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void OnMessage(j_common_ptr, int) {}  // warnings and traces: not printed

// A decompressor over the bytes. libjpeg may jump from its very first call,
// so Start() runs under each caller's setjmp; the destructor frees what was
// created, also after a jump.
struct Decompressor {
  jpeg_decompress_struct cinfo{};
  ErrorManager err{};
  const std::string& bytes;

  explicit Decompressor(const std::string& b) : bytes(b) {
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = OnError;
    err.mgr.emit_message = OnMessage;
  }
  void Start() {
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
  }
  ~Decompressor() { jpeg_destroy_decompress(&cinfo); }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
};

bool ReadHeader(Decompressor* d) {
  if (setjmp(d->err.jump)) return false;
  d->Start();
  return true;
}

bool IsPlainSpace(const jpeg_decompress_struct& c) {
  return c.jpeg_color_space == JCS_YCbCr || c.jpeg_color_space == JCS_GRAYSCALE;
}

// Reads the scanlines up to row `end` into the packed rows of `out`, several
// per call (cheaper than one at a time: fewer copies inside libjpeg). False
// when libjpeg gave no more.
bool ReadRows(jpeg_decompress_struct* c, JDIMENSION end, uint8_t* out, size_t stride) {
  constexpr JDIMENSION kBatch = 16;
  JSAMPROW rows[kBatch];
  while (c->output_scanline < end) {
    JDIMENSION n = std::min(kBatch, end - c->output_scanline);
    for (JDIMENSION i = 0; i < n; ++i) rows[i] = out + (c->output_scanline + i) * stride;
    if (jpeg_read_scanlines(c, rows, n) == 0) return false;
  }
  return true;
}

// Reads the header and asks for luminance only; false with *other_space set
// for CMYK and YCCK. Called under the caller's setjmp (libjpeg may jump out).
bool StartGray(Decompressor* d, bool* other_space) {
  d->Start();
  if (!IsPlainSpace(d->cinfo)) {
    *other_space = true;
    return false;
  }
  d->cinfo.out_color_space = JCS_GRAYSCALE;
  return true;
}

// The libjpeg calls, in a function whose locals are not used after a jump:
// what survives it is owned by the caller. False with err.message set when
// libjpeg gave up, or with *other_space set for CMYK and YCCK.
bool DecodeInto(Decompressor* d, int reduce, GrayPixels* out, bool* other_space) {
  if (setjmp(d->err.jump)) return false;
  if (!StartGray(d, other_space)) return false;
  jpeg_decompress_struct* c = &d->cinfo;
  c->scale_num = 1;
  c->scale_denom = static_cast<unsigned int>(reduce);
  jpeg_start_decompress(c);
  out->width = static_cast<int>(c->output_width);
  out->height = static_cast<int>(c->output_height);
  out->data.resize(static_cast<size_t>(out->width) * static_cast<size_t>(out->height));
  ReadRows(c, c->output_height, out->data.data(), static_cast<size_t>(out->width));
  jpeg_finish_decompress(c);
  return true;
}

// As DecodeInto, for the bands of rows of a full-scale decode; *wrong_size
// set when the JPEG is not width x height.
bool DecodeRowsInto(Decompressor* d, const std::vector<RowBand>& bands, uint8_t* out, int width,
                    int height, bool* other_space, bool* wrong_size) {
  if (setjmp(d->err.jump)) return false;
  if (!StartGray(d, other_space)) return false;
  jpeg_decompress_struct* c = &d->cinfo;
  jpeg_start_decompress(c);
  if (static_cast<int>(c->output_width) != width || static_cast<int>(c->output_height) != height) {
    *wrong_size = true;
    return false;
  }
  for (const RowBand& band : bands) {
    JDIMENSION begin = static_cast<JDIMENSION>(std::clamp(band.begin, 0, height));
    JDIMENSION end = static_cast<JDIMENSION>(std::clamp(band.end, 0, height));
    if (begin < c->output_scanline) begin = c->output_scanline;
    if (begin >= end) continue;
    if (begin > c->output_scanline) jpeg_skip_scanlines(c, begin - c->output_scanline);
    if (!ReadRows(c, end, out, static_cast<size_t>(width))) return true;
  }
  // Rows left unread: abort rather than finish, which would decode them.
  jpeg_abort_decompress(c);
  return true;
}

}  // namespace

bool IsPlainJpeg(const std::string& bytes) {
  if (bytes.empty()) return false;
  Decompressor d(bytes);
  return ReadHeader(&d) && IsPlainSpace(d.cinfo);
}

Result<GrayPixels> DecodeJpegGray(const std::string& bytes, int reduce) {
  if (bytes.empty()) return Status::Corrupt("JPEG data could not be decoded: no data");
  Decompressor d(bytes);
  GrayPixels out;
  bool other_space = false;
  try {
    if (!DecodeInto(&d, reduce, &out, &other_space)) {
      if (other_space) {
        return Status::Unsupported("JPEG colour space needs conversion (CMYK or YCCK)");
      }
      return Status::Corrupt(std::string("JPEG data could not be decoded: ") + d.err.message);
    }
  } catch (const std::bad_alloc&) {
    return Status::Unsupported("image too large to decode in memory");
  }
  return out;
}

Status DecodeJpegGrayRows(const std::string& bytes, const std::vector<RowBand>& bands, uint8_t* out,
                          int width, int height) {
  if (bytes.empty()) return Status::Corrupt("JPEG data could not be decoded: no data");
  Decompressor d(bytes);
  bool other_space = false;
  bool wrong_size = false;
  if (!DecodeRowsInto(&d, bands, out, width, height, &other_space, &wrong_size)) {
    if (other_space)
      return Status::Unsupported("JPEG colour space needs conversion (CMYK or YCCK)");
    if (wrong_size) return Status::InvalidArgument("JPEG size differs from the picture's");
    return Status::Corrupt(std::string("JPEG data could not be decoded: ") + d.err.message);
  }
  return Status::Ok();
}

}  // namespace parcelproof
