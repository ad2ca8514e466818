// Photographs a sheet: background texture, perspective placement, rotation,
// uneven light and glare, blur, sensor noise and the EXIF orientation.
#ifndef PARCELPROOF_SAMPLES_GEN_PHOTO_H_
#define PARCELPROOF_SAMPLES_GEN_PHOTO_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "label.h"
#include "sheet.h"

namespace samplegen {

struct PhotoParams {
  uint64_t seed = 1;
  int sensor_width = 2016;  // stored pixels, landscape sensor
  int sensor_height = 1512;
  int orientation = 1;                   // EXIF 1, 3, 6 or 8; 6 and 8 give a portrait view
  std::string background = "cardboard";  // or "table"
  double rotation_deg = 0;               // of the label in the upright view
  double fill = 0.4;                     // label area / frame area (reduced if it cannot fit)
  double tilt = 0.1;                     // perspective strength, 0..0.3
  double blur_sigma = 0.8;               // optics
  double motion_px = 0;                  // hand shake length
  double noise_sigma = 3;                // sensor noise, grey levels
  double glare = 0.3;                    // strength of a bright spot, 0..1
  double tape = 0;             // shine of a clear packing tape strip across the label, 0 = no tape
  double light_falloff = 0.3;  // darkening across the frame, 0..0.6
  bool whole_label = false;    // keep the whole label in the frame, not only its barcodes
};

struct Photo {
  cv::Mat stored;      // pixels as stored in the file (before orientation)
  int view_width = 0;  // as the user sees it, after orientation
  int view_height = 0;
  double fill = 0;                      // label area / frame area actually used
  std::vector<PlacedBarcode> barcodes;  // corners in the upright view
};

// Renders the photo. Deterministic for equal inputs.
Photo TakePhoto(const Sheet& sheet, const PhotoParams& p);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_PHOTO_H_
