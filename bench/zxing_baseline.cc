// The peer baseline for bench/hard_labels_bench.py: one plain ZXing-cpp read
// per photo (all formats, try harder, try rotate, the library's own pyramid),
// as an application using ZXing-cpp directly would do. Prints one JSON line
// per file: {"file": ..., "texts": [...]}.
#include <ZXing/ReadBarcode.h>

#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    nlohmann::json line = {{"file", argv[i]}, {"texts", nlohmann::json::array()}};
    cv::Mat img = cv::imread(argv[i], cv::IMREAD_GRAYSCALE);
    if (!img.empty()) {
      try {
        ZXing::ImageView view(img.data, img.cols, img.rows, ZXing::ImageFormat::Lum,
                              static_cast<int>(img.step[0]));
        ZXing::DecodeHints hints;
        hints.setTryHarder(true);
        hints.setTryRotate(true);
        ZXing::Result r = ZXing::ReadBarcode(view, hints);
        if (r.isValid()) line["texts"].push_back(r.text());
      } catch (const std::exception&) {
      }
    }
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
  }
  return 0;
}
