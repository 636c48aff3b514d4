// Per-vertex sums over incoming shortest-path distances (internal), shared by closeness and
// harmonic centrality: one BFS (Dijkstra when weighted) per vertex on the reversed simple
// graph, parallel over vertices. Each vertex's sums are computed by one thread in a fixed order,
// so they do not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

struct DistanceSums {
  std::vector<uint32_t> reached;   // vertices u != v with a path u -> v
  std::vector<double> distance;    // sum of d(u, v) over them
  std::vector<double> reciprocal;  // sum of 1 / d(u, v) over them
};

// O(n m) unweighted, O(n (m + n log n)) weighted; working memory O(n) per thread.
DistanceSums IncomingDistanceSums(const Snapshot& s, bool weighted, int threads);

}  // namespace linkscope::detail
