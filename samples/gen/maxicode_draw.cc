#include "maxicode_draw.h"

#include <opencv2/imgproc.hpp>
#include <stdexcept>

#ifdef PP_HAVE_ZINT
#include <zint.h>
#endif

namespace samplegen {
namespace {

constexpr double kRowStep = 0.8660254037844386;
// Ring edges in pitches, outermost first; dark between 0-1, 2-3, 4-5.
constexpr double kRings[6] = {4.41, 3.646, 2.886, 2.122, 1.346, 0.581};

std::string Secondary(const CarrierMessage& m) {
  const std::string gs = "\x1D";
  // "[)>" RS "01" GS "96" is the MH10.8.3 header: zint moves the primary
  // message behind it, as ISO/IEC 16023 structured carrier messages read.
  return std::string(
             "[)>\x1E"
             "01\x1D"
             "96") +
         m.tracking + gs + m.scac + gs + "06X610" + gs + "159" + gs + gs + "1/1" + gs + "10" + gs +
         "Y" + gs + m.street + gs + m.city + gs + m.state + "\x1E\x04";
}

}  // namespace

#ifdef PP_HAVE_ZINT
bool CanEncodeMaxiCode() { return true; }

parcelproof::MaxiGrid EncodeMaxiCode(const CarrierMessage& m) {
  zint_symbol* s = ZBarcode_Create();
  s->symbology = BARCODE_MAXICODE;
  bool numeric = m.postal_code.find_first_not_of("0123456789") == std::string::npos;
  s->option_1 = numeric ? 2 : 3;
  std::string primary = m.postal_code + m.country + m.service;
  if (!numeric) primary = (m.postal_code + "      ").substr(0, 6) + m.country + m.service;
  primary.copy(s->primary, sizeof(s->primary) - 1);
  std::string data = Secondary(m);
  int err = ZBarcode_Encode(s, reinterpret_cast<const unsigned char*>(data.data()),
                            static_cast<int>(data.size()));
  if (err >= ZINT_ERROR) {
    std::string why = s->errtxt;
    ZBarcode_Delete(s);
    throw std::runtime_error("zint MaxiCode: " + why);
  }
  parcelproof::MaxiGrid g{};
  for (int r = 0; r < parcelproof::kMaxiRows; ++r) {
    for (int c = 0; c < parcelproof::kMaxiCols; ++c)
      g[r * parcelproof::kMaxiCols + c] = (s->encoded_data[r][c >> 3] >> (c & 7)) & 1;
  }
  ZBarcode_Delete(s);
  return g;
}
#else
bool CanEncodeMaxiCode() { return false; }

parcelproof::MaxiGrid EncodeMaxiCode(const CarrierMessage&) {
  throw std::runtime_error("MaxiCode samples need libzint (libzint-dev) at build time");
}
#endif

cv::Size DrawMaxiCode(const parcelproof::MaxiGrid& grid, cv::Point2d origin, double pitch,
                      cv::Mat* canvas) {
  const int kShift = 4;  // sub-pixel drawing
  const double f = 1 << kShift;
  auto pt = [&](double x, double y) {
    return cv::Point(static_cast<int>(std::lround(x * f)), static_cast<int>(std::lround(y * f)));
  };
  for (int r = 0; r < parcelproof::kMaxiRows; ++r) {
    for (int c = 0; c < parcelproof::kMaxiCols; ++c) {
      if (!grid[r * parcelproof::kMaxiCols + c]) continue;
      double x = origin.x + (c + 0.5 + ((r & 1) ? 0.5 : 0.0)) * pitch;
      double y = origin.y + (r * kRowStep + 0.5) * pitch;
      cv::circle(*canvas, pt(x, y), static_cast<int>(0.43 * pitch * f), cv::Scalar::all(20),
                 cv::FILLED, cv::LINE_AA, kShift);
    }
  }
  cv::Point2d centre(origin.x + 14.5 * pitch, origin.y + (16 * kRowStep + 0.5) * pitch);
  for (int i = 0; i < 6; i += 2) {
    double r_mid = (kRings[i] + kRings[i + 1]) / 2 * pitch;
    int thick = static_cast<int>((kRings[i] - kRings[i + 1]) * pitch * f);
    cv::circle(*canvas, pt(centre.x, centre.y), static_cast<int>(r_mid * f), cv::Scalar::all(20),
               std::max(1, static_cast<int>(thick / f)), cv::LINE_AA, kShift);
  }
  return {static_cast<int>(31 * pitch), static_cast<int>((32 * kRowStep + 1) * pitch)};
}

}  // namespace samplegen
