// The graph the community algorithms work on (internal): undirected, weighted, in CSR form,
// self-loops kept apart from the rows. Level 0 is a copy of the snapshot; every aggregation
// level is a smaller graph whose vertices are the communities of the level below.
//
// Canonical numbering. Results must not depend on the dense ids a load happened to give, so
// level 0 numbers the snapshot's vertices by a hash of their external id mixed with the seed
// (ties by the id itself). Vertices are visited in that order, community labels are vertex
// ids (a singleton's label is its vertex), and ties are broken by the smaller label; aggregated
// vertices are numbered in increasing label order. Every id is thus a property of the data and
// the seed, and the copy puts the visiting order in memory order, which halves the cost of the
// random accesses a sweep makes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/algo/community.hpp"
#include "linkscope/core/memory.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

struct CommunityGraph {
  uint32_t n = 0;
  std::span<const uint64_t> off;  // n + 1 entries
  std::span<const uint32_t> adj;  // no self-loops
  std::span<const double> w;      // aligned with adj; empty: every weight is 1
  // Weight of each vertex's self-loops as adjacency entries would count it: twice the loop
  // weight (for an aggregated vertex, its internal edges counted from both ends).
  std::vector<double> self;
  std::vector<double> strength;  // weighted degree, self-loops included
  std::vector<double> size;      // vertices of level 0 inside (empty at level 0: all 1)
  double total = 0;              // sum of strengths (2m)

  // Storage.
  HugeVector<uint64_t> own_off;
  HugeVector<uint32_t> own_adj;
  HugeVector<double> own_w;

  double Size(uint32_t v) const { return size.empty() ? 1.0 : size[v]; }

  // Prefetching for a walk over vertices in a known order (memory latency, not bandwidth, is
  // what the community algorithms wait for): the offsets of a vertex some steps ahead, the row
  // of a nearer one, and the labels of the neighbours of the next ones.
  void PrefetchOffsets(uint32_t v) const { __builtin_prefetch(off.data() + v); }
  void PrefetchRow(uint32_t v) const {
    __builtin_prefetch(adj.data() + off[v]);
    if (!w.empty()) __builtin_prefetch(w.data() + off[v]);
  }
  void PrefetchLabels(uint32_t v, const uint32_t* label) const {
    const uint64_t e = std::min(off[v + 1], off[v] + 32);
    for (uint64_t p = off[v]; p < e; ++p) __builtin_prefetch(label + adj[p]);
  }
  // The entries of `by_label` for the labels of v's neighbours (labels already in cache).
  template <typename T>
  void PrefetchByLabel(uint32_t v, const uint32_t* label, const T* by_label) const {
    const uint64_t e = std::min(off[v + 1], off[v] + 32);
    for (uint64_t p = off[v]; p < e; ++p) __builtin_prefetch(by_label + label[adj[p]]);
  }
  // All of them for the vertex at position i of a walk over `seq`; `by_label` may be null.
  template <typename T = double>
  void PrefetchWalk(std::span<const uint32_t> seq, size_t i, const uint32_t* label,
                    const T* by_label = nullptr) const {
    if (i + 16 < seq.size()) PrefetchOffsets(seq[i + 16]);
    if (i + 8 < seq.size()) PrefetchRow(seq[i + 8]);
    if (i + 4 < seq.size()) PrefetchLabels(seq[i + 4], label);
    if (by_label != nullptr && i + 2 < seq.size()) PrefetchByLabel(seq[i + 2], label, by_label);
  }

  // Calls f(neighbour, weight) for each adjacency entry of v (never v itself).
  template <typename F>
  void ForEach(uint32_t v, F&& f) const {
    const uint64_t b = off[v];
    const uint64_t e = off[v + 1];
    if (w.empty()) {
      for (uint64_t p = b; p < e; ++p) f(adj[p], 1.0);
    } else {
      for (uint64_t p = b; p < e; ++p) f(adj[p], w[p]);
    }
  }
};

// Resolves the thread count: 0 = all hardware threads; never more than the machine has (more
// would only make the threads wait for each other).
int ThreadCount(uint32_t requested);

// Level 0 of a snapshot in canonical numbering for `seed`; origin[v] receives the snapshot
// vertex of every vertex v. A directed snapshot is read with every arc as an undirected edge.
// O(n log n + m), parallel.
CommunityGraph LevelZero(const Snapshot& s, uint64_t seed, int threads,
                         std::vector<uint32_t>* origin);

// The canonical number of every snapshot vertex: its rank by the seeded hash of its external id
// (ties by the id). Depends only on the ids and the seed.
std::vector<uint32_t> CanonicalKeys(const Snapshot& s, uint64_t seed, int threads);

// The graph whose vertices are the non-empty labels of `label` (one per vertex of g, values in
// [0, g.n)), numbered in increasing label order; *new_id receives the new id of every label
// (kNone32 for unused labels). Parallel, deterministic (rows in a fixed order). O(n + m).
CommunityGraph Aggregate(const CommunityGraph& g, std::span<const uint32_t> label,
                         std::vector<uint32_t>* new_id, int threads);

// Threads worth using for one parallel pass over a graph of n vertices and `entries` adjacency
// entries: below about 100 000 vertices and a million entries the work is too small to pay for
// the team, so one thread runs it (the result is the same either way).
int UsefulThreads(uint32_t n, uint64_t entries, int threads);

// Vertices of g grouped by label, each group in the given visiting order (empty: id order):
// members of label l are members[start[l] .. start[l + 1]). O(n).
void GroupByLabel(std::span<const uint32_t> label, std::span<const uint32_t> order, uint32_t labels,
                  std::vector<uint32_t>* start, std::vector<uint32_t>* members);

// Splits every label into its connected groups (in g), labelling each group by its smallest
// member, so the labels stay canonical. Splitting a disconnected community never
// lowers modularity or CPM quality. O(m α(n)).
void SplitDisconnected(const CommunityGraph& g, std::vector<uint32_t>* label);

// Quality of the partition "every vertex its own community" of g, in the objective's own units
// (modularity: in [-1/2, 1]; CPM: H). Used for the levels of a hierarchy without a pass over
// the level-0 graph.
double SingletonQuality(const CommunityGraph& g, Objective objective, double resolution);

// The node weights of the objective: strengths for modularity, sizes for CPM (`ones` receives
// the sizes of level 0, all 1, when they are needed).
std::span<const double> NodeWeights(const CommunityGraph& g, Objective objective,
                                    std::vector<double>* ones);

// λ of the gain k_{v,C} − λ w_v W_C: γ/2m for modularity, γ for CPM.
double Lambda(const CommunityGraph& g, Objective objective, double resolution);

// 0..n-1 in the order of a shuffle seeded by `seed`: the visiting order of an aggregated level.
std::vector<uint32_t> ShuffledOrder(uint32_t n, uint64_t seed);

// Mixes a seed with a stream tag (iteration, level, ...) into a new seed.
uint64_t MixSeed(uint64_t seed, uint64_t a, uint64_t b = 0);

}  // namespace linkscope::detail
