#include "linkscope/core/date.hpp"

#include <gtest/gtest.h>

namespace linkscope {
namespace {

constexpr int64_t kDay = 86400;

TEST(Date, DaysFromCivilKnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2024, 2, 29), 19782);
}

TEST(Date, DayMonthAndYearAreIntervals) {
  std::string err;
  auto day = ParseDate("2019-03-01", &err);
  ASSERT_TRUE(day) << err;
  EXPECT_EQ(day->lo, DaysFromCivil(2019, 3, 1) * kDay);
  EXPECT_EQ(day->hi, day->lo + kDay - 1);
  auto month = ParseDate("2019-02", &err);
  ASSERT_TRUE(month);
  EXPECT_EQ(month->hi - month->lo + 1, 28 * kDay);
  auto leap = ParseDate("2020-02", &err);
  EXPECT_EQ(leap->hi - leap->lo + 1, 29 * kDay);
  auto year = ParseDate("2019", &err);
  EXPECT_EQ(year->hi - year->lo + 1, 365 * kDay);
  EXPECT_TRUE(year->Overlaps(*day));
  EXPECT_FALSE(ParseDate("2018", &err)->Overlaps(*day));
}

TEST(Date, TimesAndOffsets) {
  std::string err;
  auto t = ParseDate("2019-03-01T10:15:30Z", &err);
  ASSERT_TRUE(t) << err;
  EXPECT_EQ(t->lo, DaysFromCivil(2019, 3, 1) * kDay + 10 * 3600 + 15 * 60 + 30);
  EXPECT_EQ(t->lo, t->hi);
  auto minute = ParseDate("2019-03-01 10:15", &err);
  ASSERT_TRUE(minute);
  EXPECT_EQ(minute->hi - minute->lo, 59);
  auto offset = ParseDate("2019-03-01T12:15:30+02:00", &err);
  ASSERT_TRUE(offset);
  EXPECT_EQ(offset->lo, t->lo);
}

TEST(Date, RejectsBadDatesWithAReason) {
  for (const char* bad :
       {"", "19", "2019-13", "2019-02-29", "2019-00-10", "2019/03/01", "2019-03-01T25:00",
        "2019-03-01T10:15:30.5Z", "2019-03-01x", "0000", "2019-3-1"}) {
    std::string err;
    EXPECT_FALSE(ParseDate(bad, &err)) << bad;
    EXPECT_NE(err.find("bad date"), std::string::npos) << bad;
  }
}

TEST(Date, Ranges) {
  std::string err;
  auto r = ParseDateRange("2019-01", "2019-03-15", &err);
  ASSERT_TRUE(r) << err;
  EXPECT_EQ(r->lo, DaysFromCivil(2019, 1, 1) * kDay);
  EXPECT_EQ(r->hi, DaysFromCivil(2019, 3, 16) * kDay - 1);
  auto open = ParseDateRange("2019", "", &err);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->hi, kOpenEnd);
  EXPECT_FALSE(ParseDateRange("2020", "2019", &err));
  EXPECT_NE(err.find("before it starts"), std::string::npos);
  EXPECT_FALSE(ParseDateRange("", "", &err)->dated());
}

TEST(Date, FormatIsTheShortestFaithfulText) {
  std::string err;
  for (const char* text : {"2019", "2019-03", "2019-12", "2019-03-01", "2019-03-01T10:15:30Z",
                           "2019-01-01/2019-03-31"}) {
    auto r = text[4] == '-' && std::string(text).find('/') != std::string::npos
                 ? ParseDateRange("2019-01-01", "2019-03-31", &err)
                 : ParseDate(text, &err);
    ASSERT_TRUE(r) << text;
    EXPECT_EQ(FormatDateRange(*r), text);
  }
  EXPECT_EQ(FormatDateRange(*ParseDateRange("2019-05-02", "", &err)), "2019-05-02/..");
  EXPECT_EQ(FormatDateRange(DateRange{}), "");
  EXPECT_EQ(FormatTimePoint(-1), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace linkscope
