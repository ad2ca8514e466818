#include "image/codecs.h"

#include <dlfcn.h>

namespace parcelproof {
namespace {

using DecodeFn = cv::Mat (*)(const cv::_InputArray&, int);
using EncodeFn = bool (*)(const std::string&, const cv::_InputArray&, std::vector<uchar>&,
                          const std::vector<int>&);

struct Codecs {
  DecodeFn decode = nullptr;
  EncodeFn encode = nullptr;
};

// The C++ names of cv::imdecode(InputArray, int) and cv::imencode(...).
constexpr char kDecodeSymbol[] = "_ZN2cv8imdecodeERKNS_11_InputArrayEi";
constexpr char kEncodeSymbol[] =
    "_ZN2cv8imencodeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEERKNS_11_"
    "InputArrayERSt6vectorIhSaIhEERKSB_IiSaIiEE";

Codecs LoadOnce() {
  Codecs c;
  void* lib = ::dlopen(PP_OPENCV_IMGCODECS, RTLD_NOW | RTLD_LOCAL);
  if (!lib) return c;
  c.decode = reinterpret_cast<DecodeFn>(::dlsym(lib, kDecodeSymbol));
  c.encode = reinterpret_cast<EncodeFn>(::dlsym(lib, kEncodeSymbol));
  return c;
}

const Codecs& Get() {
  static const Codecs codecs = LoadOnce();
  return codecs;
}

}  // namespace

bool LoadImageCodecs() { return Get().decode && Get().encode; }

cv::Mat DecodeImage(const cv::Mat& buffer, int flags) {
  if (!Get().decode) return cv::Mat();
  return Get().decode(buffer, flags);
}

bool EncodeImage(const std::string& ext, const cv::Mat& image, const std::vector<int>& params,
                 std::vector<uchar>* out) {
  if (!Get().encode) return false;
  return Get().encode(ext, image, *out, params);
}

}  // namespace parcelproof
