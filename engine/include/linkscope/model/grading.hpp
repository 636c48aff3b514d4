// Evidence grading in the Admiralty (NATO) system: source reliability A–F and information
// credibility 1–6, written together as e.g. "B2". A grade maps to a confidence in (0, 1]
// through a ConfidenceTable; path queries use it to find the most reliable connection.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkscope {

// 0 = ungraded; otherwise 1 + 6 * reliability_index + credibility_index.
struct Grade {
  uint8_t code = 0;

  static constexpr Grade Ungraded() { return Grade{0}; }
  // reliability 'A'..'F', credibility 1..6.
  // Throws UsageError for a reliability outside A-F or a credibility outside 1-6.
  static Grade Of(char reliability, int credibility);
  static std::optional<Grade> Parse(std::string_view text);  // "B2", "b2"

  bool graded() const { return code != 0; }
  char reliability() const { return graded() ? static_cast<char>('A' + (code - 1) / 6) : '?'; }
  int credibility() const { return graded() ? (code - 1) % 6 + 1 : 0; }
  std::string ToString() const;  // "B2", or "" when ungraded
  friend bool operator==(Grade, Grade) = default;
};

inline constexpr int kGradeCount = 37;  // ungraded + 36 grades

// Confidence of every grade. The default is the product of a reliability factor
// (A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.5) and a credibility factor (1 1.0, 2 0.8,
// 3 0.6, 4 0.4, 5 0.2, 6 0.5); "cannot be judged" (F, 6) ranks above "unreliable" (E, 5).
// An ungraded link is treated as F6 (0.25). Callers may override any entry.
class ConfidenceTable {
 public:
  ConfidenceTable();  // the default table above

  static ConfidenceTable FromFactors(const std::array<double, 6>& reliability,
                                     const std::array<double, 6>& credibility, double ungraded);
  double Get(Grade g) const { return values_[g.code]; }
  // Sets one entry; value must be in (0, 1] (UsageError otherwise).
  void Set(Grade g, double value);

 private:
  void Fill(const std::array<double, 6>& reliability, const std::array<double, 6>& credibility,
            double ungraded);
  std::array<double, kGradeCount> values_{};
};

// Handling code 1–5 (1 least restricted); 0 means none recorded.
inline constexpr uint8_t kNoHandlingCode = 0;
inline constexpr uint8_t kMaxHandlingCode = 5;

}  // namespace linkscope
