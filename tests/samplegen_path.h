// The sample generator whose pictures an OCR test reads. PP_TEST_SAMPLEGEN
// overrides this build's generator: `./setup.sh test` points the sanitizer
// run at the Release build's, so both runs read the same pixels (clang and gcc
// builds of the generator draw slightly different images, and OCR is not
// equally sure of every variant; README, "Address check", limits).
#ifndef PARCELPROOF_TESTS_SAMPLEGEN_PATH_H_
#define PARCELPROOF_TESTS_SAMPLEGEN_PATH_H_

#include <cstdlib>
#include <string>

inline std::string SamplegenForOcrTests() {
  const char* path = std::getenv("PP_TEST_SAMPLEGEN");
  return path != nullptr && *path != '\0' ? path : PP_SAMPLEGEN_PATH;
}

#endif  // PARCELPROOF_TESTS_SAMPLEGEN_PATH_H_
