// Key players (Borgatti 2006, "Identifying sets of key players in a social network",
// Computational & Mathematical Organization Theory 12: 21-34): the k entities whose removal
// most fragments the network (KPP-Neg), or that reach most others within d steps (KPP-Pos).
// Greedy selection followed by swap improvement; see docs/algorithms/key-players.md.
//
// Connectivity ignores direction everywhere in this module: on a directed snapshot components
// are weakly connected components, distances are those of the undirected graph, and reach
// follows links both ways. Self-loops and parallel links change nothing.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

// The fragmentation of a snapshot with some vertices removed.
struct Fragmentation {
  uint32_t vertices = 0;           // vertices left
  uint32_t components = 0;         // (weakly) connected components of what is left
  uint32_t largest_component = 0;  // vertices
  double largest_share = 0;        // largest_component / vertices of the intact graph (0 if none)
  // Borgatti's F = 1 - sum_k s_k (s_k - 1) / (n (n - 1)) over the components k of the n
  // remaining vertices: the share of ordered pairs that cannot reach each other. 0 when fewer
  // than two vertices remain (no pair to disconnect).
  double fragmentation = 0;
  // Borgatti's distance-weighted DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1)), 1/d = 0 for
  // unreachable pairs; 0 when fewer than two vertices remain. Computed only when asked (it costs
  // a BFS from every remaining vertex); 0 otherwise.
  double distance_fragmentation = 0;
};

// Fragmentation of `s` without the vertices flagged in `removed` (1 = removed; one flag per
// vertex, or an empty span for none). O(n + m), plus O(n (n + m)) when distance_weighted.
// Deterministic. Throws UsageError when `removed` is neither empty nor of the vertex count.
Fragmentation MeasureFragmentation(const Snapshot& s, std::span<const uint8_t> removed,
                                   bool distance_weighted = false);

enum class KeyPlayerMode : uint8_t {
  kFragment,          // KPP-Neg: maximise F after removing the set
  kDistanceFragment,  // KPP-Neg: maximise DF after removing the set
  kReach,             // KPP-Pos: maximise the vertices within reach_depth steps of the set
};

struct KeyPlayerOptions {
  KeyPlayerMode mode = KeyPlayerMode::kFragment;
  uint32_t k = 3;  // 1 <= k <= vertex count
  // kReach: a vertex is reached when it is within this many steps (>= 1) of a member.
  uint32_t reach_depth = 1;
  // Rounds of swap improvement after the greedy selection (0: greedy only). A round offers
  // every member, in set order, its best replacement; it stops early when a round changes
  // nothing.
  uint32_t max_swap_rounds = 50;
  // Further searches, each improved by swap rounds like the greedy set; the best final set
  // wins (ties: the earlier search, the greedy set first). Odd restarts run the greedy again
  // with tie keys from a seed derived from `seed` (ties decide much in small case files);
  // even ones start from a random set drawn with `seed`. Swaps exchange one member at a time
  // and can stall where two must change together (karate club, k = 3: greedy + swaps stays at
  // {1, 2, 4}, the optimum is {1, 33, 34}, which restart 3 finds). Each restart costs about as
  // much as the greedy search and its swaps.
  uint32_t restarts = 8;
  // kDistanceFragment: memory for the components' distance matrices (2 bytes per pair of
  // vertices in one component), which spare most searches; above it (or 0) every candidate
  // searches its whole component again. The result does not depend on it.
  uint64_t distance_matrix_bytes = uint64_t{64} << 20;
  // Threads for evaluating the candidates of kDistanceFragment and kReach (kFragment evaluates
  // all candidates in one O(n + m) pass and is sequential); 0 = all hardware threads. The
  // result is identical for every thread count.
  uint32_t threads = 0;
  // Ties between candidates of equal score go to the smallest seeded hash of the external id,
  // and random starts are drawn from the vertices in that order: the result depends on the ids
  // and the seed, not on the order the input was loaded in.
  uint64_t seed = 1;
};

struct KeyPlayerResult {
  // In the order chosen by the greedy step (or drawn, for a random start); a swap puts the
  // replacement in the place of the member it replaces.
  std::vector<VertexId> set;
  Fragmentation before;     // intact graph (distance_fragmentation filled for kDistanceFragment)
  Fragmentation after;      // without the set
  double score = 0;         // F, DF, or reach share (reached / vertices) of the final set
  uint32_t reached = 0;     // kReach: vertices within reach_depth of the set, the set included
  double greedy_score = 0;  // the score of the greedy set, before swapping
  // The search the final set came from: 0 the greedy set, i >= 1 restart i.
  uint32_t start = 0;
  uint32_t swaps = 0;        // replacements made by that search's swap rounds
  uint32_t swap_rounds = 0;  // rounds it ran (the last one found nothing when converged)
  // True when its last round found no improving swap: no single exchange of a member for a
  // non-member improves the score (a local optimum; not necessarily the global one).
  bool converged = false;
};

// Complexity, for n vertices, m edges, k members, R swap rounds and S = 1 + restarts searches:
// - kFragment: O(S (k + R k) (n + m)): one depth-first search gives the fragmentation after
//   removing each single vertex (articulation points and the sizes of the pieces they cut off).
// - kDistanceFragment: S (k + R k) evaluations, each a BFS from every vertex plus, for every
//   candidate v, a new BFS from each source x whose shortest paths pass through v (found from
//   the components' distance matrices, 2 bytes per pair, kept while they fit in
//   distance_matrix_bytes; beyond,
//   from every source of v's component): O(n^2 (n + m)) per evaluation on a connected graph
//   in the worst case. Measured: 300 vertices, k = 3, 2.2 s without restarts, 20 s with the
//   default 8; 1 350 vertices, k = 3, no restarts, 266 s. Meant for small networks.
// - kReach: lazy greedy (coverage is submodular), then per swap O(sum of the d-balls).
// Deterministic for given options (see seed); threads do not change the result. Throws
// UsageError when k is 0 or above the vertex count, or reach_depth is 0 for kReach.
KeyPlayerResult FindKeyPlayers(const Snapshot& s, const KeyPlayerOptions& options = {});

}  // namespace linkscope
