// Photographing a flat grey sheet for the hard-condition sets: placement in
// perspective on a background, exposure, glare bands, blur and noise.
#ifndef PARCELPROOF_SAMPLES_GEN_HARD_SHOOT_H_
#define PARCELPROOF_SAMPLES_GEN_HARD_SHOOT_H_

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "rng.h"

namespace samplegen {

struct Shot {
  double fill = 0.4;         // sheet area / frame area
  double angle_deg = 0;      // rotation of the sheet in the frame
  double tilt = 0.05;        // perspective: corner jitter, fraction of the sheet size
  double gain = 1;           // exposure (0.2 = badly underexposed)
  double glare = 0;          // strength of a specular band across the sheet, 0..1
  double blur = 0.8;         // optics, pixels
  double noise = 3;          // grey levels
  cv::Point2d offset{0, 0};  // sheet centre from frame centre, fraction of the frame
};

// Draws `sheet` (CV_8U) into `frame` (CV_8U, already holding a background)
// as the shot says, then applies light, blur and noise to the whole frame.
// Returns the sheet's corners in the frame.
std::vector<cv::Point2f> Shoot(const cv::Mat& sheet, const Shot& shot, Rng* rng, cv::Mat* frame);

// Places `sheet` without touching the rest of the frame (for several sheets
// in one frame; call FinishShot once afterwards).
std::vector<cv::Point2f> PlaceSheet(const cv::Mat& sheet, const Shot& shot, Rng* rng,
                                    cv::Mat* frame);
void FinishShot(const Shot& shot, const std::vector<cv::Point2f>& quad, Rng* rng, cv::Mat* frame);

// A grey cardboard-like background.
cv::Mat Background(cv::Size size, int level, Rng* rng);

// ZXing's writer: modules of `format` ("EAN-13", "PDF417", "DataMatrix",
// "Code128", "QRCode"), 1 = dark, one row for linear symbols.
cv::Mat Modules(const std::string& format, const std::string& text);

// Draws modules at `module` pixels each (linear: `bar_height` tall), dark
// `ink` on the sheet; returns the drawn rectangle.
cv::Rect DrawModules(const cv::Mat& modules, bool linear, cv::Point origin, int module,
                     int bar_height, int ink, cv::Mat* sheet);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_HARD_SHOOT_H_
