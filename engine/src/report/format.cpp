#include <fmt/format.h>

#include <cmath>

#include "report/report_data.hpp"

namespace linkscope::report {

std::string FormatNumber(double x) {
  if (!std::isfinite(x)) return x > 0 ? "inf" : (x < 0 ? "-inf" : "nan");
  if (x == std::floor(x) && std::abs(x) < 1e15) return fmt::format("{}", static_cast<int64_t>(x));
  // Six significant digits, fixed notation (people read these), trailing zeros dropped.
  const double magnitude = std::abs(x);
  const int digits = magnitude >= 1 ? std::max(0, 5 - static_cast<int>(std::floor(std::log10(magnitude))))
                                    : 5 - static_cast<int>(std::floor(std::log10(magnitude)));
  std::string s = fmt::format("{:.{}f}", x, std::min(digits, 12));
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace linkscope::report
