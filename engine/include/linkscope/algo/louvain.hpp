// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
// unfolding of communities in large networks", J. Stat. Mech. P10008).
//
// Each level moves vertices to the neighbouring community that raises the quality most, in
// sweeps until no move helps, then aggregates every community into one vertex; levels repeat
// until a level merges nothing. The hierarchy keeps every level. Plain Louvain can leave a
// community disconnected (a vertex that held it together moves away); here every level splits
// such a community into its connected parts before aggregating, which can only raise the
// quality, so no community is disconnected. (Leiden goes further: well-connected communities.)
//
// Parallel and deterministic like Leiden (same colour-class local moving, same aggregation): the
// result does not depend on the thread count or the order of the input records.
//
// Time: O(m) per sweep; memory O(n + m) beyond the snapshot.
#pragma once

#include <cstdint>

#include "linkscope/algo/community.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct LouvainParams {
  Objective objective = Objective::kModularity;
  double resolution = 1.0;  // γ >= 0
  uint64_t seed = 0;
  uint32_t threads = 0;  // 0 = all hardware threads
};

// Throws UsageError for a negative or non-finite resolution.
Communities Louvain(const Snapshot& s, const LouvainParams& params = {});

}  // namespace linkscope
