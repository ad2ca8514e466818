// The ship-to step of the scan pipeline: locate the printed address block in
// the frame of the tracking barcode (whose angle gives the label's
// orientation), make it upright, read it with OCR and split it into fields.
#ifndef PARCELPROOF_SCAN_ADDRESS_STEP_H_
#define PARCELPROOF_SCAN_ADDRESS_STEP_H_

#include <cstddef>

#include "parcelproof/scan.h"
#include "scan/image_source.h"
#include "scan/pipeline.h"

namespace parcelproof {

// The pipeline step number of OCR (after every decoder step), so that a
// worker that crashed in it re-runs the photo without it.
constexpr int kShipToStep = 900;

// Loads the OCR models in this process (before workers fork). Never fails:
// when the models are missing, ReadShipTo notes why on every photo. The
// Latin-script model (0.6 s to load) only for two photos or more: a single
// photo loads it in its worker when a line needs it.
void WarmUpShipTo(size_t photos);

// The barcode the ship-to block is found by: the widest 1-D barcode holding
// a tracking number; nullptr when none.
const Barcode* ShipToAnchor(const ImageScan& scan);

// Fills scan->address from the photo (barcodes already found).
void ReadShipTo(ImageSource* source, const PipelineHooks& hooks, ImageScan* scan);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_ADDRESS_STEP_H_
