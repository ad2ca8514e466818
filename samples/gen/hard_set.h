// The hard conditions real warehouses photograph, one folder each, with the
// texts a reader must find (issue 12): MaxiCode on UPS-style labels at any
// angle and in perspective, underexposure with glare bands from plastic wrap,
// PDF417 with 1.5-2.5 px modules, sheets of 28 EAN-13, trays of inverted
// (light-on-dark) DataMatrix, small labels in wide dim frames.
#ifndef PARCELPROOF_SAMPLES_GEN_HARD_SET_H_
#define PARCELPROOF_SAMPLES_GEN_HARD_SET_H_

#include <cstdint>
#include <string>
#include <vector>

namespace samplegen {

// The condition names, in the order they are written.
std::vector<std::string> HardConditions();

// Writes `per_condition` photos of every condition (or of those named in
// `only`) into dir/<condition>/, each folder with an expected.json:
// {"condition", "photos": [{"file", "barcodes": [{"format", "text"}]}]}.
// Deterministic for equal arguments. Throws std::exception.
void WriteHardSets(const std::string& dir, int per_condition, uint64_t seed, int threads,
                   const std::vector<std::string>& only);

}  // namespace samplegen

#endif  // PARCELPROOF_SAMPLES_GEN_HARD_SET_H_
