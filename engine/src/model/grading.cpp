#include "linkscope/model/grading.hpp"

#include <fmt/format.h>

#include "linkscope/core/error.hpp"

namespace linkscope {

Grade Grade::Of(char reliability, int credibility) {
  // Out of range would index past the 37 entries of a ConfidenceTable.
  if (reliability < 'A' || reliability > 'F' || credibility < 1 || credibility > 6) {
    throw UsageError(fmt::format("no grade {}{}: source reliability is A-F, information "
                                 "credibility 1-6",
                                 reliability, credibility));
  }
  return Grade{static_cast<uint8_t>(1 + 6 * (reliability - 'A') + (credibility - 1))};
}

std::optional<Grade> Grade::Parse(std::string_view text) {
  if (text.size() != 2) return std::nullopt;
  char r = text[0];
  if (r >= 'a' && r <= 'f') r = static_cast<char>(r - 'a' + 'A');
  const char c = text[1];
  if (r < 'A' || r > 'F' || c < '1' || c > '6') return std::nullopt;
  return Of(r, c - '0');
}

std::string Grade::ToString() const {
  if (!graded()) return {};
  return std::string{reliability(), static_cast<char>('0' + credibility())};
}

ConfidenceTable::ConfidenceTable() {
  Fill({1.0, 0.8, 0.6, 0.4, 0.2, 0.5}, {1.0, 0.8, 0.6, 0.4, 0.2, 0.5}, 0.25);
}

ConfidenceTable ConfidenceTable::FromFactors(const std::array<double, 6>& reliability,
                                             const std::array<double, 6>& credibility,
                                             double ungraded) {
  ConfidenceTable t;
  t.Fill(reliability, credibility, ungraded);
  return t;
}

void ConfidenceTable::Fill(const std::array<double, 6>& reliability,
                           const std::array<double, 6>& credibility, double ungraded) {
  Set(Grade::Ungraded(), ungraded);
  for (int r = 0; r < 6; ++r) {
    for (int c = 0; c < 6; ++c) {
      Set(Grade::Of(static_cast<char>('A' + r), c + 1), reliability[r] * credibility[c]);
    }
  }
}

void ConfidenceTable::Set(Grade g, double value) {
  if (!(value > 0.0 && value <= 1.0)) {
    throw UsageError(fmt::format("confidence for grade {} must be in (0, 1], got {}",
                                 g.graded() ? g.ToString() : "ungraded", value));
  }
  values_[g.code] = value;
}

}  // namespace linkscope
