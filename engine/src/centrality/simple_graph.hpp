// The simple graph the centrality kernels run on (internal): a CSR with sorted, distinct
// neighbours and no self-loops, built once from a snapshot. networkx's Graph and DiGraph see
// exactly this graph: one edge per pair (per ordered pair when directed), loops dropped.
// Parallel edges of a pair merge into one entry whose distance is the smallest of their weights
// (a shortest path takes the shortest link) and whose strength is the sum (ten calls are a
// stronger tie than one).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/centrality/centrality.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

struct SimpleGraph {
  uint32_t n = 0;
  std::vector<uint64_t> off;     // n + 1 entries
  std::vector<VertexId> adj;     // sorted and distinct per vertex, no self-loops
  std::vector<double> distance;  // aligned with adj when asked for, else empty
  std::vector<double> strength;  // aligned with adj when asked for, else empty

  uint64_t entries() const { return adj.size(); }
  std::span<const VertexId> Neighbours(VertexId v) const {
    return {adj.data() + off[v], static_cast<size_t>(off[v + 1] - off[v])};
  }
};

// Which lists of a directed snapshot to read: successors, predecessors or both (merged).
// Undirected snapshots have one list per vertex and ignore it.
enum class Side : uint8_t { kOut, kIn, kBoth };

struct SimpleOptions {
  Side side = Side::kOut;
  bool distance = false;  // fill SimpleGraph::distance (minimum weight of a pair's edges)
  bool strength = false;  // fill SimpleGraph::strength (sum of a pair's weights)
};

// O(n + m), parallel over vertices for large graphs; the result does not depend on `threads`.
// Snapshots without weights read every weight as 1.
SimpleGraph BuildSimple(const Snapshot& s, const SimpleOptions& options, int threads);

// Throws UsageError naming the first invalid option shared by the measures (threads, pivots,
// damping, tolerance, max_iterations are checked where they apply).
void CheckIterationOptions(const CentralityOptions& o, const char* measure);

}  // namespace linkscope::detail
