// Pieces of report.html: escaping, links, the photo grid with barcode overlays.
#ifndef PARCELPROOF_PACKAGE_REPORT_PARTS_H_
#define PARCELPROOF_PACKAGE_REPORT_PARTS_H_

#include <string>

#include "package/model.h"

namespace parcelproof::package {

// HTML-escapes &, <, >, " and '.
std::string Esc(const std::string& s);
// <a href="path">path</a>
std::string Link(const std::string& path);
// True for chat/text files whose content can be shown inline.
bool IsText(const PackageItem& item);
// Each photo as a thumbnail linked to its original, barcodes outlined and labelled (SVG).
std::string PhotoSection(const PackageModel& m);
// Videos and documents as links with their times and hashes.
std::string OtherFilesSection(const PackageModel& m);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_PARTS_H_
