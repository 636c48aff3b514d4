// Robustness curves: the largest component's share as a ranking's vertices are removed one by
// one. Computed backwards — all vertices outside the order first, then the order's vertices
// added back from last to first into a union-find with component sizes — so the whole curve
// costs one pass over the edges instead of a BFS per step.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "algo/disjoint_sets.hpp"
#include "disrupt/walk.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/removal.hpp"

namespace linkscope {
std::vector<RobustnessPoint> RobustnessCurve(const Snapshot& s, std::span<const VertexId> order,
                                             uint32_t steps) {
  const uint32_t n = s.vertex_count();
  std::vector<uint8_t> active(n, 1);
  for (const VertexId v : order) {
    if (v >= n) {
      throw UsageError(
          fmt::format("robustness: vertex {} is not below the vertex count ({})", v, n));
    }
    if (!active[v]) {
      throw UsageError(
          fmt::format("robustness: \"{}\" appears twice in the order", s.ExternalId(v)));
    }
    active[v] = 0;
  }
  const auto total = static_cast<uint32_t>(order.size());
  // The prefixes to record.
  std::vector<uint8_t> wanted(size_t{total} + 1, steps == 0 ? 1 : 0);
  if (steps != 0) {
    for (uint64_t i = 0; i <= steps; ++i) {
      // round(i * total / steps) in integers.
      wanted[(2 * i * total + steps) / (2 * uint64_t{steps})] = 1;
    }
  }
  detail::DisjointSets sets(n);
  std::vector<uint32_t> size(n, 1);  // per root
  uint32_t components = 0;
  uint32_t largest = 0;
  auto activate = [&](VertexId v) {
    active[v] = 1;
    ++components;
    largest = std::max(largest, 1u);
    detail::ForEachNeighbour(s, v, [&](VertexId u) {
      if (!active[u]) return;
      const uint32_t a = sets.Find(u);
      const uint32_t b = sets.Find(v);
      if (!sets.Union(a, b)) return;
      const uint32_t merged = size[a] + size[b];
      size[sets.Find(a)] = merged;
      --components;
      largest = std::max(largest, merged);
    });
  };
  // The vertices never removed; active[] is 1 exactly for them now.
  for (VertexId v = 0; v < n; ++v) {
    if (active[v]) {
      active[v] = 0;
      activate(v);
    }
  }
  std::vector<RobustnessPoint> out;
  auto record = [&](uint32_t removed) {
    RobustnessPoint p;
    p.removed = removed;
    p.components = components;
    p.largest_component = largest;
    p.largest_share = n == 0 ? 0 : static_cast<double>(largest) / static_cast<double>(n);
    out.push_back(p);
  };
  for (uint32_t removed = total;; --removed) {
    if (wanted[removed]) record(removed);
    if (removed == 0) break;
    activate(order[removed - 1]);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<VertexId> OrderByScore(const Snapshot& s, std::span<const double> scores) {
  const uint32_t n = s.vertex_count();
  if (scores.size() != n) {
    throw UsageError(
        fmt::format("a ranking needs one score per vertex ({}), got {}", n, scores.size()));
  }
  for (const double x : scores) {
    if (std::isnan(x)) throw UsageError("a ranking score is NaN");
  }
  std::vector<VertexId> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return s.ExternalId(a) < s.ExternalId(b);
  });
  return order;
}

std::vector<VertexId> DegreeOrder(const Snapshot& s) {
  const uint32_t n = s.vertex_count();
  std::vector<double> degree(n, 0);
  std::vector<VertexId> nb;
  for (VertexId v = 0; v < n; ++v) {
    nb.clear();
    detail::ForEachNeighbour(s, v, [&](VertexId u) {
      if (u != v) nb.push_back(u);
    });
    std::sort(nb.begin(), nb.end());
    degree[v] = static_cast<double>(std::unique(nb.begin(), nb.end()) - nb.begin());
  }
  return OrderByScore(s, degree);
}

}  // namespace linkscope
