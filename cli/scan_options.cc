#include "scan_options.h"

#include "parcelproof/video.h"

namespace parcelproof::cli {

Status ReadScanOptions(const Args& args, ScanOptions* options) {
  Result<int> jobs = args.GetInt("--jobs", 0, 0, 256);
  if (!jobs.ok()) return jobs.status();
  Result<int> timeout = args.GetInt("--timeout", 60, 1, 86400);
  if (!timeout.ok()) return timeout.status();
  options->jobs = *jobs;
  options->timeout_seconds = *timeout;
  options->read_address = !args.Has("--no-ocr");
  return Status::Ok();
}

void SplitPhotosAndVideos(const std::vector<std::string>& paths, std::vector<std::string>* photos,
                          std::vector<std::string>* videos) {
  for (const std::string& p : paths) (IsVideoFile(p) ? videos : photos)->push_back(p);
}

}  // namespace parcelproof::cli
