// Reading every barcode on label photos, crash-contained.
#ifndef PARCELPROOF_SCAN_H_
#define PARCELPROOF_SCAN_H_

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

struct PointF {
  double x = 0;
  double y = 0;
};

// A tracking-number candidate recognised in a barcode's text.
struct TrackingCandidate {
  std::string scheme;  // "UPU S10", "UPS 1Z", "SSCC", "GS1 401", "GS1 402", "MH10.8.3", "Unknown"
  std::string number;
  bool check_digit_known = false;  // the scheme defines a check digit
  bool check_digit_valid = false;  // meaningful only when check_digit_known
};

// Ordered key/value pairs (GS1 AIs, MH10.8.3 fields, JSON or key=value payloads).
using FieldList = std::vector<std::pair<std::string, std::string>>;

struct Barcode {
  std::string format;  // "Code128", "QRCode", "DataMatrix", "PDF417", ...
  std::string text;    // decoded content (UTF-8; GS1 FNC1 rendered as ASCII 29)
  // Corners in the image as the user sees it (after EXIF orientation):
  // top-left, top-right, bottom-right, bottom-left of the symbol.
  std::array<PointF, 4> corners{};
  std::vector<TrackingCandidate> tracking;
  FieldList gs1;     // AI -> value, e.g. {"420", "10115"}
  FieldList fields;  // structured data: postal_code, country, recipient, ...
};

// One field of the printed ship-to block, as read by OCR.
struct AddressFieldRead {
  std::string name;       // "recipient", "street", "city", "region", "postal_code", "country"
  std::string value;      // country: ISO 3166-1 alpha-2
  double confidence = 0;  // 0..1: Tesseract's confidence in the line it came from
  // A postal code of digits is read again by the other model; when that
  // reading differs, it is kept here (and the confidence is at most 0.5).
  std::string second_reading = {};
};

// The label's printed ship-to block, located next to the tracking barcode and
// read by OCR (Tesseract, English and Russian models).
struct ShipToRead {
  bool attempted = false;  // false when OCR did not run (input error, no OCR data)
  std::string text;        // the block's lines joined with '\n'
  std::vector<std::string> lines;
  std::vector<AddressFieldRead> fields;  // only the fields found
  double confidence = 0;                 // 0..1, mean over the block
  std::array<PointF, 4> corners{};       // the block in the upright image (tl, tr, br, bl)
  std::string script;                    // "Latin", "Cyrillic", or the script not read
  std::vector<std::string> notes;        // why nothing (or less) was read
};

struct ImageScan {
  std::string file;
  std::string sha256;  // of the file's bytes, computed before any parsing
  int width = 0;       // as the user sees it (after orientation)
  int height = 0;
  int orientation = 1;  // EXIF orientation 1..8 (1 when absent)
  std::vector<Barcode> barcodes;
  std::vector<std::string> problems;  // "no barcode found", "decoder crashed ...", ...
  ShipToRead address;                 // the printed ship-to block (OCR)
  // Not OK when the file could not be read or decoded at all (an input error).
  Status status;
};

struct ScanOptions {
  int jobs = 0;                      // worker processes; 0 = number of cores
  int timeout_seconds = 60;          // per image, then the worker is killed
  long long max_pixels = 100000000;  // images claiming more are refused before decoding
  bool read_address = true;          // OCR of the printed ship-to block (ImageScan::address)
  // For tests of crash containment: the worker aborts (or hangs) just before
  // decoder step N. 0 = never.
  int debug_abort_at_step = 0;
  int debug_hang_at_step = 0;
};

// Scans every path. Never throws and never lets a decoder take the process
// down: each image is decoded in a worker process. Results are in input order.
std::vector<ImageScan> ScanImages(const std::vector<std::string>& paths,
                                  const ScanOptions& options = {});

// {"images":[...]} as documented in schemas/scan.schema.json.
std::string ScanReportJson(const std::vector<ImageScan>& scans);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_H_
