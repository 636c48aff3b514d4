// Assembling a Communities result (internal): shared by Leiden, Louvain and label propagation.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/algo/community.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

// Throws UsageError unless value is finite and >= 0; `what` names the parameter.
void CheckNonNegative(double value, const char* what);

struct RawLevel {
  std::vector<uint32_t> membership;  // dense labels < count, per vertex of level 0
  uint32_t count = 0;
  double quality = 0;
};

// Takes the levels back to the snapshot's vertices (origin: LevelZero's), numbers each one
// canonically (levels must be nested, finest first; at least one) and fills the result; the
// last level becomes the membership.
Communities FinishCommunities(const Snapshot& s, std::span<const uint32_t> origin,
                              std::vector<RawLevel> levels, Objective objective, double resolution,
                              double modularity, uint32_t iterations);

// The partition of every vertex on its own (a graph without edges, or nothing to merge).
std::vector<RawLevel> SingletonLevels(uint32_t n, double quality);

}  // namespace linkscope::detail
