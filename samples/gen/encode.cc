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

void AddRaw(ExifData* data, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned long components,
            const std::vector<uint8_t>& bytes) {
  ExifEntry* e = exif_entry_new();
  exif_content_add_entry(data->ifd[ifd], e);
  e->tag = tag;
  e->format = format;
  e->components = components;
  e->size = static_cast<unsigned int>(bytes.size());
  e->data = static_cast<unsigned char*>(calloc(1, bytes.size()));
  std::memcpy(e->data, bytes.data(), bytes.size());
  exif_entry_unref(e);
}

// The tags exiftool -validate requires of a camera JPEG, as phones write them.
void AddRequired(ExifData* data, const CameraExif& x) {
  const ExifByteOrder order = exif_data_get_byte_order(data);
  std::vector<uint8_t> rational(8), dim(4);
  exif_set_rational(rational.data(), order, {72, 1});
  AddRaw(data, EXIF_IFD_0, EXIF_TAG_X_RESOLUTION, EXIF_FORMAT_RATIONAL, 1, rational);
  AddRaw(data, EXIF_IFD_0, EXIF_TAG_Y_RESOLUTION, EXIF_FORMAT_RATIONAL, 1, rational);
  AddShort(data, EXIF_IFD_0, EXIF_TAG_RESOLUTION_UNIT, 2);  // inches
  AddShort(data, EXIF_IFD_0, EXIF_TAG_YCBCR_POSITIONING, 1);
  AddRaw(data, EXIF_IFD_EXIF, EXIF_TAG_EXIF_VERSION, EXIF_FORMAT_UNDEFINED, 4,
         {'0', '2', '3', '2'});
  AddRaw(data, EXIF_IFD_EXIF, EXIF_TAG_COMPONENTS_CONFIGURATION, EXIF_FORMAT_UNDEFINED, 4,
         {1, 2, 3, 0});
  AddRaw(data, EXIF_IFD_EXIF, EXIF_TAG_FLASH_PIX_VERSION, EXIF_FORMAT_UNDEFINED, 4,
         {'0', '1', '0', '0'});
  AddShort(data, EXIF_IFD_EXIF, EXIF_TAG_COLOR_SPACE, 1);  // sRGB
  exif_set_long(dim.data(), order, static_cast<ExifLong>(x.pixel_width));
  AddRaw(data, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_X_DIMENSION, EXIF_FORMAT_LONG, 1, dim);
  exif_set_long(dim.data(), order, static_cast<ExifLong>(x.pixel_height));
  AddRaw(data, EXIF_IFD_EXIF, EXIF_TAG_PIXEL_Y_DIMENSION, EXIF_FORMAT_LONG, 1, dim);
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
  AddRequired(data, x);
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
  CameraExif sized = exif;
  sized.pixel_width = stored.cols;
  sized.pixel_height = stored.rows;
  std::vector<uint8_t> block = BuildExif(sized);
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
