// Label propagation, the fast queue-based variant (FLPA: Traag & Šubelj 2023, "Large network
// community detection by fast label propagation", Sci. Rep. 13:2701; after Raghavan, Albert &
// Kumara 2007).
//
// Every vertex starts with its own label. Vertices wait in a queue; the vertex at the front
// takes the label that is heaviest among its neighbours (total edge weight), a tie broken at
// random. When its label changes, its neighbours that now disagree with it join the queue.
// Ends when the queue is empty: every vertex then holds a dominant label. Communities are the
// connected groups of equal labels (a label that spans two separate groups gives two
// communities).
//
// Parallel and deterministic: on large graphs the vertices of one colour class (never
// neighbours) take their new labels in parallel, so no two neighbours change at once; the
// schedule depends on the graph, not on the thread count. Random choices come from the seed
// and the vertices' external ids.
//
// Time: O(m) per pass over the queue, usually a few passes; memory O(n) beyond the snapshot.
#pragma once

#include <cstdint>

#include "linkscope/algo/community.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct LabelPropagationParams {
  uint64_t seed = 0;
  uint32_t threads = 0;  // 0 = all hardware threads
};

Communities LabelPropagation(const Snapshot& s, const LabelPropagationParams& params = {});

}  // namespace linkscope
