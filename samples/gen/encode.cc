#include "encode.h"

#include <libexif/exif-data.h>
#include <libexif/exif-entry.h>

#include <cstdlib>
#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>

namespace samplegen {
namespace {

void AddAscii(ExifData* data, ExifIfd ifd, ExifTag tag, const std::string& value) {
  ExifEntry* e = exif_entry_new();
  exif_content_add_entry(data->ifd[ifd], e);
  e->tag = tag;
  e->format = EXIF_FORMAT_ASCII;
  e->components = value.size() + 1;
  e->size = value.size() + 1;
  e->data = static_cast<unsigned char*>(calloc(1, e->size));  // freed by libexif's allocator
  std::memcpy(e->data, value.c_str(), value.size() + 1);
  exif_entry_unref(e);
}

void AddShort(ExifData* data, ExifIfd ifd, ExifTag tag, int value) {
  ExifEntry* e = exif_entry_new();
  exif_content_add_entry(data->ifd[ifd], e);
  e->tag = tag;
  e->format = EXIF_FORMAT_SHORT;
  e->components = 1;
  e->size = 2;
  e->data = static_cast<unsigned char*>(calloc(1, 2));
  exif_set_short(e->data, exif_data_get_byte_order(data), static_cast<ExifShort>(value));
  exif_entry_unref(e);
}

}  // namespace

std::vector<uint8_t> BuildExif(const CameraExif& x) {
  ExifData* data = exif_data_new();
  if (!data) throw std::runtime_error("libexif: out of memory");
  exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_set_byte_order(data, EXIF_BYTE_ORDER_MOTOROLA);
  AddAscii(data, EXIF_IFD_0, EXIF_TAG_MAKE, x.make);
  AddAscii(data, EXIF_IFD_0, EXIF_TAG_MODEL, x.model);
  AddShort(data, EXIF_IFD_0, EXIF_TAG_ORIENTATION, x.orientation);
  AddAscii(data, EXIF_IFD_0, EXIF_TAG_DATE_TIME, x.date_time);
  AddAscii(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, x.date_time);
  AddAscii(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_DIGITIZED, x.date_time);
  AddAscii(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, x.offset);
  AddAscii(data, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME_ORIGINAL, x.subsec);
  unsigned char* buf = nullptr;
  unsigned int size = 0;
  exif_data_save_data(data, &buf, &size);
  exif_data_unref(data);
  if (!buf || size == 0) throw std::runtime_error("libexif: could not save the EXIF block");
  std::vector<uint8_t> out(buf, buf + size);
  free(buf);
  return out;
}

std::vector<uint8_t> EncodeJpeg(const cv::Mat& stored, int quality, const CameraExif& exif) {
  std::vector<uint8_t> jpeg;
  if (!cv::imencode(".jpg", stored, jpeg, {cv::IMWRITE_JPEG_QUALITY, quality})) {
    throw std::runtime_error("OpenCV could not encode a JPEG");
  }
  size_t rest = 2;  // after SOI; skip the JFIF APP0 OpenCV writes
  if (jpeg.size() > 6 && jpeg[2] == 0xFF && jpeg[3] == 0xE0) rest = 4 + (jpeg[4] << 8 | jpeg[5]);
  std::vector<uint8_t> block = BuildExif(exif);
  size_t len = block.size() + 2;
  if (len > 0xFFFF) throw std::runtime_error("EXIF block too large");
  std::vector<uint8_t> out = {0xFF, 0xD8, 0xFF, 0xE1, uint8_t(len >> 8), uint8_t(len & 0xFF)};
  out.insert(out.end(), block.begin(), block.end());
  out.insert(out.end(), jpeg.begin() + rest, jpeg.end());
  return out;
}

std::vector<uint8_t> EncodeOther(const cv::Mat& stored, const std::string& format, int quality) {
  std::vector<uint8_t> out;
  std::vector<int> params;
  if (format == "webp") params = {cv::IMWRITE_WEBP_QUALITY, quality};
  if (format == "png") params = {cv::IMWRITE_PNG_COMPRESSION, 6};
  if (!cv::imencode("." + format, stored, out, params)) {
    throw std::runtime_error("OpenCV could not encode " + format);
  }
  return out;
}

}  // namespace samplegen
