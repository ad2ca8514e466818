// The report's printed-address section: what OCR read on each label photo,
// field by field beside the order's address, with the block outlined.
#ifndef PARCELPROOF_PACKAGE_REPORT_ADDRESS_H_
#define PARCELPROOF_PACKAGE_REPORT_ADDRESS_H_

#include <string>

#include "package/model.h"

namespace parcelproof::package {

// HTML of the section; empty when no photo's address was read.
std::string AddressSection(const PackageModel& m);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_ADDRESS_H_
