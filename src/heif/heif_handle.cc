#include "heif/heif_handle.h"

namespace parcelproof::heif {

Status HeifError(const char* what, const heif_error& e) {
  return Status::Corrupt(std::string("HEIF ") + what + ": " + (e.message ? e.message : "error"));
}

Result<Primary> OpenPrimary(std::string_view bytes) {
  Primary p;
  p.context.reset(heif_context_alloc());
  if (!p.context) return Status::Internal("libheif: out of memory");
  heif_error err = heif_context_read_from_memory_without_copy(p.context.get(), bytes.data(),
                                                              bytes.size(), nullptr);
  if (err.code != heif_error_Ok) return HeifError("unreadable", err);
  heif_image_handle* raw_handle = nullptr;
  err = heif_context_get_primary_image_handle(p.context.get(), &raw_handle);
  if (err.code != heif_error_Ok) return HeifError("has no primary image", err);
  p.handle.reset(raw_handle);
  return p;
}

}  // namespace parcelproof::heif
