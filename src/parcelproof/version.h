// The version of parcelproof, as printed by `parcelproof --version` and
// recorded as "version" in every JSON document that describes a run.
#ifndef PARCELPROOF_VERSION_H_
#define PARCELPROOF_VERSION_H_

namespace parcelproof {

// "0.2.0": the CMake project version.
const char* Version();

}  // namespace parcelproof

#endif  // PARCELPROOF_VERSION_H_
