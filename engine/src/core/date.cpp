#include "linkscope/core/date.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace linkscope {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at text[pos]; -1 when they are not all digits.
int Digits(std::string_view text, size_t pos, size_t n) {
  if (pos + n > text.size()) return -1;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

struct Civil {
  int year, month, day, hour, minute, second;
};

Civil CivilFromTime(TimePoint t) {
  int64_t days = t / kSecondsPerDay;
  int64_t secs = t % kSecondsPerDay;
  if (secs < 0) {
    secs += kSecondsPerDay;
    --days;
  }
  // Inverse of DaysFromCivil (era-based, exact for the proleptic Gregorian calendar).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Civil{static_cast<int>(y),
               static_cast<int>(m),
               static_cast<int>(d),
               static_cast<int>(secs / 3600),
               static_cast<int>(secs / 60 % 60),
               static_cast<int>(secs % 60)};
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = month > 2 ? month - 3 : month + 9;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<DateRange> ParseDate(std::string_view text, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<DateRange> {
    if (error) *error = fmt::format("bad date {}: {}", detail::Quote(text), why);
    return std::nullopt;
  };
  const int year = Digits(text, 0, 4);
  if (year < 1) return fail("expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z]");
  if (text.size() == 4) {
    const int64_t lo = DaysFromCivil(year, 1, 1) * kSecondsPerDay;
    const int64_t hi = DaysFromCivil(year + 1, 1, 1) * kSecondsPerDay - 1;
    return DateRange{lo, hi};
  }
  if (text[4] != '-') return fail("expected '-' after the year");
  const int month = Digits(text, 5, 2);
  if (month < 1 || month > 12) return fail("month must be 01..12");
  if (text.size() == 7) {
    const int64_t lo = DaysFromCivil(year, month, 1) * kSecondsPerDay;
    const int64_t hi = lo + DaysInMonth(year, month) * kSecondsPerDay - 1;
    return DateRange{lo, hi};
  }
  if (text[7] != '-') return fail("expected '-' after the month");
  const int day = Digits(text, 8, 2);
  if (day < 1 || day > DaysInMonth(year, month)) return fail("no such day in that month");
  const int64_t day_start = DaysFromCivil(year, month, day) * kSecondsPerDay;
  if (text.size() == 10) return DateRange{day_start, day_start + kSecondsPerDay - 1};
  if (text[10] != 'T' && text[10] != ' ') return fail("expected 'T' before the time of day");
  const int hour = Digits(text, 11, 2);
  if (hour < 0 || hour > 23 || text.size() < 16 || text[13] != ':') {
    return fail("time of day must be hh:mm or hh:mm:ss");
  }
  const int minute = Digits(text, 14, 2);
  if (minute < 0 || minute > 59) return fail("minutes must be 00..59");
  size_t pos = 16;
  int second = 0;
  bool has_seconds = false;
  if (pos < text.size() && text[pos] == ':') {
    second = Digits(text, pos + 1, 2);
    if (second < 0 || second > 59) return fail("seconds must be 00..59");
    has_seconds = true;
    pos += 3;
  }
  if (pos < text.size() && text[pos] == '.') {
    return fail("fractions of a second are not supported (linkscope keeps whole seconds)");
  }
  int64_t offset = 0;
  if (pos < text.size()) {
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
      pos += 1;
    } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() &&
               text[pos + 3] == ':') {
      const int oh = Digits(text, pos + 1, 2);
      const int om = Digits(text, pos + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return fail("bad UTC offset");
      offset = (oh * 3600 + om * 60) * (text[pos] == '+' ? 1 : -1);
      pos += 6;
    } else {
      return fail("unexpected text after the time of day");
    }
  }
  const int64_t lo = day_start + hour * 3600 + minute * 60 + second - offset;
  return DateRange{lo, has_seconds ? lo : lo + 59};
}

std::optional<DateRange> ParseDateRange(std::string_view start, std::string_view end,
                                        std::string* error) {
  DateRange out{kOpenStart, kOpenEnd};
  if (start.empty() && end.empty()) return DateRange{};
  if (!start.empty()) {
    auto s = ParseDate(start, error);
    if (!s) return std::nullopt;
    out.lo = s->lo;
  }
  if (!end.empty()) {
    auto e = ParseDate(end, error);
    if (!e) return std::nullopt;
    out.hi = e->hi;
  }
  if (out.lo > out.hi) {
    // Both sides parsed as dates, so they are plain ASCII.
    if (error) *error = fmt::format("interval ends ({}) before it starts ({})", end, start);
    return std::nullopt;
  }
  return out;
}

std::string FormatTimePoint(TimePoint t) {
  const Civil c = CivilFromTime(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

std::string FormatDateRange(const DateRange& range) {
  if (!range.dated()) return "";
  if (range.lo != kOpenStart && range.hi != kOpenEnd) {
    const Civil a = CivilFromTime(range.lo);
    const Civil b = CivilFromTime(range.hi + 1);  // first second after the interval
    const bool starts_at_midnight = a.hour == 0 && a.minute == 0 && a.second == 0;
    if (starts_at_midnight && b.hour == 0 && b.minute == 0 && b.second == 0) {
      if (a.month == 1 && a.day == 1 && b.year == a.year + 1 && b.month == 1 && b.day == 1) {
        return fmt::format("{:04}", a.year);
      }
      if (a.day == 1 && b.day == 1 &&
          ((b.year == a.year && b.month == a.month + 1) ||
           (a.month == 12 && b.month == 1 && b.year == a.year + 1))) {
        return fmt::format("{:04}-{:02}", a.year, a.month);
      }
      if (range.hi - range.lo + 1 == kSecondsPerDay) {
        return fmt::format("{:04}-{:02}-{:02}", a.year, a.month, a.day);
      }
    }
    if (range.lo == range.hi) return FormatTimePoint(range.lo);
  }
  auto side = [](TimePoint t, bool end) -> std::string {
    if (t == kOpenStart || t == kOpenEnd) return "..";
    const Civil c = CivilFromTime(end ? t + 1 : t);
    if (c.hour == 0 && c.minute == 0 && c.second == 0) {
      // Whole days: print the last covered day for an end.
      const Civil d = end ? CivilFromTime(t) : c;
      return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    }
    return FormatTimePoint(t);
  };
  return side(range.lo, false) + "/" + side(range.hi, true);
}

}  // namespace linkscope
