#include "parcelproof/status.h"

#include <gtest/gtest.h>

namespace parcelproof {

TEST(StatusTest, OkIsOk) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "OK");
}

TEST(StatusTest, ToStringNamesCodeAndContext) {
  Status s = Status::Corrupt("EXIF IFD0 truncated").WithContext("photos/a.jpg");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "Corrupt: photos/a.jpg: EXIF IFD0 truncated");
  EXPECT_TRUE(s.IsInputError());
  EXPECT_FALSE(Status::Internal("x").IsInputError());
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  Result<int> good(42);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  Result<int> bad(Status::NotFound("order 7"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
}

}  // namespace parcelproof
