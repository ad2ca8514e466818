// What `scan` and `check` share on the command line: the scanner's options
// and the split of the positionals into photos and videos.
#ifndef PARCELPROOF_CLI_SCAN_OPTIONS_H_
#define PARCELPROOF_CLI_SCAN_OPTIONS_H_

#include <string>
#include <vector>

#include "args.h"
#include "parcelproof/scan.h"

namespace parcelproof::cli {

// --jobs, --timeout (checked ranges) and --no-ocr into options;
// InvalidArgument naming the option when a value is wrong.
Status ReadScanOptions(const Args& args, ScanOptions* options);

// The positionals told apart by content: videos, and everything else (photos
// and unreadable files, which the photo scanner reports).
void SplitPhotosAndVideos(const std::vector<std::string>& paths, std::vector<std::string>* photos,
                          std::vector<std::string>* videos);

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_SCAN_OPTIONS_H_
