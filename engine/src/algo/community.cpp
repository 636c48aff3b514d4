#include "linkscope/algo/community.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "algo/canonical.hpp"
#include "algo/community_result.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {

std::string_view ObjectiveName(Objective o) {
  return o == Objective::kModularity ? "modularity" : "cpm";
}

namespace detail {

void CheckNonNegative(double value, const char* what) {
  if (!std::isfinite(value) || value < 0) {
    throw UsageError(fmt::format("{} must be a finite number >= 0 (got {})", what, value));
  }
}

std::vector<RawLevel> SingletonLevels(uint32_t n, double quality) {
  std::vector<RawLevel> levels(1);
  levels[0].membership.resize(n);
  std::iota(levels[0].membership.begin(), levels[0].membership.end(), 0);
  levels[0].count = n;
  levels[0].quality = quality;
  return levels;
}

Communities FinishCommunities(const Snapshot& s, std::span<const uint32_t> origin,
                              std::vector<RawLevel> levels, Objective objective, double resolution,
                              double modularity, uint32_t iterations) {
  std::vector<std::vector<uint32_t>> memberships;
  std::vector<uint32_t> counts;
  memberships.reserve(levels.size());
  for (RawLevel& l : levels) {
    std::vector<uint32_t> m(l.membership.size());
    for (size_t r = 0; r < m.size(); ++r) m[origin[r]] = l.membership[r];
    memberships.push_back(std::move(m));
    std::vector<uint32_t>().swap(l.membership);
    counts.push_back(l.count);
  }
  std::vector<std::vector<uint64_t>> sizes = CanonicalHierarchy(s, memberships, counts);
  Communities c;
  c.objective = objective;
  c.resolution = resolution;
  c.modularity = modularity;
  c.iterations = iterations;
  c.levels.resize(levels.size());
  for (size_t i = 0; i < levels.size(); ++i) {
    c.levels[i].membership = std::move(memberships[i]);
    c.levels[i].count = static_cast<uint32_t>(sizes[i].size());
    c.levels[i].quality = levels[i].quality;
  }
  c.membership = c.levels.back().membership;
  c.sizes = std::move(sizes.back());
  c.quality = c.levels.back().quality;
  return c;
}

}  // namespace detail
}  // namespace linkscope
