// Assembling a Communities result (internal): shared by Leiden, Louvain and label propagation.
#pragma once

#include <cstdint>
#include <numeric>
#include <span>
#include <utility>
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

// A hierarchy of nested levels kept as steps: steps[l][v] is the vertex of level l + 1 that
// vertex v of level l became (level 0: the vertices of LevelZero). Composed only at the end: a
// full membership per level would cost 4 bytes per vertex of level 0 each.
struct Hierarchy {
  std::vector<std::vector<uint32_t>> steps;
  std::vector<uint32_t> counts;   // vertices of level l + 1
  std::vector<double> qualities;  // of the partition "every vertex of level l + 1 on its own"

  void Add(std::vector<uint32_t> step, uint32_t count, double quality) {
    steps.push_back(std::move(step));
    counts.push_back(count);
    qualities.push_back(quality);
  }
  bool empty() const { return steps.empty(); }
  // The vertex of the last level of every level-0 vertex.
  std::vector<uint32_t> Last(uint32_t n0) const {
    std::vector<uint32_t> at(n0);
    std::iota(at.begin(), at.end(), 0);
    for (const std::vector<uint32_t>& step : steps) {
      for (uint32_t& x : at) x = step[x];
    }
    return at;
  }
  // Every level as a membership of the level-0 vertices, finest first.
  std::vector<RawLevel> Levels(uint32_t n0) const {
    std::vector<RawLevel> levels(steps.size());
    std::vector<uint32_t> at(n0);
    std::iota(at.begin(), at.end(), 0);
    for (size_t l = 0; l < steps.size(); ++l) {
      for (uint32_t& x : at) x = steps[l][x];
      levels[l].membership = at;
      levels[l].count = counts[l];
      levels[l].quality = qualities[l];
    }
    return levels;
  }
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
