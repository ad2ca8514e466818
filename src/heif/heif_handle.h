// Opening a HEIF file's primary image with libheif (shared by decoding and
// metadata reading). Internal to src/heif/.
#ifndef PARCELPROOF_HEIF_HEIF_HANDLE_H_
#define PARCELPROOF_HEIF_HEIF_HANDLE_H_

#include <libheif/heif.h>

#include <memory>
#include <string>
#include <string_view>

#include "parcelproof/status.h"

namespace parcelproof::heif {

struct ContextFree {
  void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleFree {
  void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageFree {
  void operator()(heif_image* i) const { heif_image_release(i); }
};

// A parsed file and its primary image. The bytes it was opened from must
// outlive it (libheif reads them without copying).
struct Primary {
  std::unique_ptr<heif_context, ContextFree> context;
  std::unique_ptr<heif_image_handle, HandleFree> handle;
};

// Corrupt ("HEIF <what>: <libheif's message>") for a libheif error.
Status HeifError(const char* what, const heif_error& e);

// Parses the container (no pixel decoding). Corrupt when libheif cannot read
// it or it has no primary image.
Result<Primary> OpenPrimary(std::string_view bytes);

}  // namespace parcelproof::heif

#endif  // PARCELPROOF_HEIF_HEIF_HANDLE_H_
