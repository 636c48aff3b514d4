// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
// guaranteeing well-connected communities", Sci. Rep. 9:5233).
//
// Each iteration: fast local moving of vertices between communities (only vertices whose
// neighbourhood changed are revisited), refinement of every community into well-connected
// sub-communities (merging singletons only, randomly with temperature θ among the moves that
// do not lower the quality), aggregation of the refined partition into a smaller graph whose
// starting partition is the unrefined one, and so on until every community is one vertex.
// Every community of the result is connected (indeed γ-connected).
//
// Parallel, deterministic: on graphs of 100 000 vertices or more, local moving evaluates the
// vertices of one colour class of a greedy colouring (never neighbours) in parallel and applies
// their moves in order, each re-checked against what earlier moves changed; refinement runs
// communities in parallel, each with its own random stream keyed by the seed, iteration, level
// and community; aggregation builds rows in parallel. None of it depends on the thread count,
// so the result is the same for any number of threads — and, since vertices are numbered by a
// seeded hash of their external ids, for any order of the input records.
//
// Time: O(m) per local-moving sweep, refinement and aggregation; a few sweeps per level and
// O(log n) levels in practice. Memory: O(n + m) beyond the snapshot (the aggregated graphs and
// one accumulator per thread).
#pragma once

#include <cstdint>

#include "linkscope/algo/community.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct LeidenParams {
  Objective objective = Objective::kModularity;
  double resolution = 1.0;  // γ >= 0
  // θ of the refinement (Traag et al. use 0.01): a merge of quality gain g is chosen with
  // probability proportional to exp(g / θ), gains in units of edge weight. 0 = always the best.
  double randomness = 0.01;
  // Iterations of the whole algorithm, each starting from the previous partition (2, as in
  // leidenalg and python-igraph; later iterations rarely gain more than 1e-4 of modularity);
  // 0 = until an iteration changes nothing (at most 100). Fewer when an iteration changes
  // nothing.
  uint32_t iterations = 2;
  uint64_t seed = 0;
  uint32_t threads = 0;  // 0 = all hardware threads
};

// Throws UsageError for a negative or non-finite resolution or randomness.
Communities Leiden(const Snapshot& s, const LeidenParams& params = {});

}  // namespace linkscope
