#include "parcelproof/clock.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace parcelproof {

TEST(ClockTest, FormatsUtc) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(1753854753512000LL, 3), "2025-07-30T05:52:33.512Z");
}

TEST(ClockTest, SourceDateEpochFixesTheClock) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::string err;
  auto clock = MakeDefaultClock(&err);
  ASSERT_NE(clock, nullptr) << err;
  EXPECT_EQ(clock->NowMicros(), 1700000000LL * 1000000);
  setenv("SOURCE_DATE_EPOCH", "soon", 1);
  EXPECT_EQ(MakeDefaultClock(&err), nullptr);
  EXPECT_NE(err.find("SOURCE_DATE_EPOCH"), std::string::npos);
  unsetenv("SOURCE_DATE_EPOCH");
}

}  // namespace parcelproof
