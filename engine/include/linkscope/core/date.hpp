// Dates and date intervals.
//
// A time point is whole seconds since 1970-01-01T00:00:00Z (Unix time, proleptic Gregorian
// calendar, years 1..9999). Every date in linkscope is an inclusive interval: a day, a month or
// a year written in the data stands for the whole of it, so "2019" overlaps "2019-03-01".
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace linkscope {

using TimePoint = int64_t;

inline constexpr TimePoint kOpenStart = std::numeric_limits<int64_t>::min() + 1;
inline constexpr TimePoint kOpenEnd = std::numeric_limits<int64_t>::max();
inline constexpr TimePoint kUndated = std::numeric_limits<int64_t>::min();

struct DateRange {
  TimePoint lo = kUndated;  // first second covered (kOpenStart: unbounded)
  TimePoint hi = kUndated;  // last second covered (kOpenEnd: unbounded)

  bool dated() const { return lo != kUndated; }
  // True when both are dated and share at least one second.
  bool Overlaps(const DateRange& other) const {
    return dated() && other.dated() && lo <= other.hi && other.lo <= hi;
  }
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, day 1..31).
int64_t DaysFromCivil(int year, int month, int day);

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss]" with an optional "Z" or
// "+hh:mm"/"-hh:mm" offset (a space may replace the "T"). Returns the interval the text stands
// for, or nullopt with *error set to a reason suitable for a message.
std::optional<DateRange> ParseDate(std::string_view text, std::string* error);

// Interval from a start text and an end text (either may be empty for an open side).
std::optional<DateRange> ParseDateRange(std::string_view start, std::string_view end,
                                        std::string* error);

// The shortest ISO 8601 text for the interval: "2019", "2019-03", "2019-03-01",
// "2019-03-01T10:15:00Z", or "start/end" for other intervals ("" for undated, ".." for open).
std::string FormatDateRange(const DateRange& range);

// ISO 8601 text of one time point at second precision ("2019-03-01T10:15:00Z").
std::string FormatTimePoint(TimePoint t);

}  // namespace linkscope
