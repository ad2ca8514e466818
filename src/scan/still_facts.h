// What a stored item's metadata says about it as a video still
// ({"still":{"purpose","time_s","frame",...}}, written at ingest), for
// modules that do not read JSON themselves (store, bundle).
#ifndef PARCELPROOF_SCAN_STILL_FACTS_H_
#define PARCELPROOF_SCAN_STILL_FACTS_H_

#include <cstdint>
#include <string>

namespace parcelproof {

struct StillFacts {
  bool is_still = false;  // metadata has a "still" object
  std::string purpose;    // "label", "contents"; empty when absent
  double time_s = -1;     // -1 when absent
  int64_t frame = -1;     // -1 when absent
};

// Never fails: unreadable or other metadata gives is_still false.
StillFacts ReadStillFacts(const std::string& metadata_json);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_STILL_FACTS_H_
