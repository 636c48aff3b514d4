// k-core decomposition: the core number of every vertex, the largest k such that the vertex
// belongs to a subgraph in which every vertex has at least k neighbours (Seidman 1983). The
// innermost cores are the tight groups that stay together when the periphery is peeled away.
//
// Degrees count distinct neighbours: parallel links (ten calls between the same two phones)
// count once and self-loops not at all, so repeated contact does not inflate a core. (igraph's
// igraph_coreness and Boost's core_numbers count every edge; on simple graphs all three agree.)
// Bucket peeling after Batagelj & Zaversnik (2003), level by level, O(n + m); see
// docs/algorithms/kcore.md.
#pragma once

#include <cstdint>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct CoreOptions {
  // Directed snapshots: which neighbours count. kAll: a neighbour in either direction, once.
  // kIn: predecessors (in-cores: peeling a vertex lowers its successors); kOut: successors
  // (out-cores). The same as igraph_coreness's IGRAPH_ALL, IGRAPH_IN and IGRAPH_OUT.
  // Undirected snapshots ignore this.
  enum class Mode : uint8_t { kAll, kIn, kOut };
  Mode mode = Mode::kAll;
  // Threads for counting the degrees (the peeling is sequential); 0 = all hardware threads.
  // The result does not depend on it.
  uint32_t threads = 0;
};

struct Cores {
  std::vector<uint32_t> core;  // per vertex
  uint32_t degeneracy = 0;     // largest core number (0 for an empty graph)
  // Vertices with core number k, k = 0..degeneracy; empty for an empty graph.
  std::vector<uint64_t> shell_sizes;
};

// O(n + m) time; besides the result, about 6 bytes per vertex of working memory (up to 14
// when vertices have 255 or more adjacency entries). Deterministic: core numbers are unique,
// so the result is the same for every thread count. Only reads the snapshot, so several
// threads may run it on one snapshot at once.
Cores CoreNumbers(const Snapshot& s, const CoreOptions& options = {});

}  // namespace linkscope
