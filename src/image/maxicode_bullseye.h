// MaxiCode bullseyes in a grey picture (internal to src/image).
#ifndef PARCELPROOF_IMAGE_MAXICODE_BULLSEYE_H_
#define PARCELPROOF_IMAGE_MAXICODE_BULLSEYE_H_

#include <opencv2/imgproc.hpp>
#include <vector>

namespace parcelproof {

struct Bullseye {
  cv::Point2d centre;
  double pitch = 0;        // module pitch in pixels, mean over directions
  double ratio = 1;        // minor / major axis of the rings (foreshortening)
  double major_angle = 0;  // radians, direction of the rings' major axis
  double error = 0;        // relative RMS misfit of the ring radii
  int levels = 0;          // ring edges found (4 to 6)
};

// Bullseyes, most complete first, one per centre. *dark receives the
// adaptive threshold of the picture (dark = 255), for the module blobs.
std::vector<Bullseye> FindBullseyes(const cv::Mat& gray, cv::Mat* dark);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_MAXICODE_BULLSEYE_H_
