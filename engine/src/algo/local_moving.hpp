// Local moving of vertices between communities (internal), shared by Leiden and Louvain.
//
// Repeated sweeps over the vertices in a fixed visiting order; only vertices whose
// neighbourhood changed since they were last visited are evaluated (Leiden's fast local
// moving; all are active at the start). A vertex moves to the neighbouring community (or an
// empty one) that raises the quality most, when that beats staying by more than rounding.
//
// Parallel and deterministic through the sweep schedule of sweeps.hpp: on large graphs the
// vertices of one colour class (never neighbours) are evaluated in parallel, then their moves
// are applied in order, each re-checked against the community totals the earlier moves of the
// class changed; it stays an exact improvement, since no neighbour of the vertex moved.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algo/community_graph.hpp"
#include "algo/sweeps.hpp"

namespace linkscope::detail {

struct MoveOptions {
  // Gain of moving v (node weight w_v) into community C (total node weight W_C, v excluded):
  // k_{v,C} - lambda * w_v * W_C. Modularity: node weight = strength, lambda = γ / 2m;
  // CPM: node weight = size, lambda = γ.
  std::span<const double> node_weight;
  double lambda = 0;
  // Visiting order: a permutation of 0..n-1, or empty for id order.
  std::span<const uint32_t> order;
  // The colouring of g in that order, used when g is swept by colour classes (ColoredSweeps),
  // or null: then it is made when needed. Lets a caller reuse one across runs on the same graph.
  const Coloring* coloring = nullptr;
  int threads = 1;
};

// Moves vertices of g between communities; `comm` holds a label in [0, n) per vertex, in and
// out. Returns the number of moves.
uint64_t MoveNodes(const CommunityGraph& g, const MoveOptions& options,
                   std::vector<uint32_t>* comm);

}  // namespace linkscope::detail
