#include "core/media_time.h"

#include <gtest/gtest.h>

namespace parcelproof {
namespace {

TEST(MediaTimeTest, TruncatesToTheMillisecondAndNeverRoundsUp) {
  EXPECT_EQ(MediaClock(83.4), "00:01:23.400");
  EXPECT_EQ(SeekArgument(83.4), "83.400");
  EXPECT_EQ(SeekArgument(2.0 / 30), "0.066");  // the frame at 0.0667 s, not the next
  EXPECT_EQ(SeekArgument(1.0), "1.000");
  EXPECT_EQ(MediaClock(3600 * 12 + 0.5), "12:00:00.500");
  EXPECT_EQ(MediaClock(-1), "00:00:00.000");
}

}  // namespace
}  // namespace parcelproof
