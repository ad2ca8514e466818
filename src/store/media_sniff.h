// Recognising what a stored file is, by its first bytes (never by name,
// except to tell CSV from other text).
#ifndef PARCELPROOF_STORE_MEDIA_SNIFF_H_
#define PARCELPROOF_STORE_MEDIA_SNIFF_H_

#include <string>

namespace parcelproof::store {

enum class MediaClass { kEmpty, kImage, kVideo, kPdf, kText, kZip, kUnknown };

struct Sniffed {
  MediaClass media_class = MediaClass::kUnknown;
  std::string media_type;  // "image/jpeg", "video/mp4", "text/plain", ...
};

// head: the first bytes of the file (64 KiB is plenty); name: its file name.
Sniffed SniffMedia(const std::string& head, const std::string& name);

}  // namespace parcelproof::store

#endif  // PARCELPROOF_STORE_MEDIA_SNIFF_H_
