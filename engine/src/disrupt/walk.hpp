// Graph walks shared by the disruption module (internal): neighbours with direction ignored,
// components of the vertices left after a removal, distance histograms and d-balls.
//
// Every walk reads a snapshot as undirected: on a directed one a vertex's neighbours are its
// successors and its predecessors. Removed vertices are skipped by a flag per vertex.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope::detail {

// Calls f(u) for every neighbour u of v, direction ignored (repeats and v itself included).
template <typename F>
inline void ForEachNeighbour(const Snapshot& s, VertexId v, F&& f) {
  for (const VertexId u : s.Out(v)) f(u);
  if (s.directed()) {
    for (const VertexId u : s.In(v)) f(u);
  }
}

// The components of the vertices not flagged in `removed` (one flag per vertex).
struct RemainingComponents {
  std::vector<uint32_t> label;    // per vertex; kNone32 for a removed one
  std::vector<uint32_t> sizes;    // per component, in order of their smallest vertex
  std::vector<VertexId> members;  // vertices grouped by component, ascending inside
  std::vector<uint32_t> start;    // component c's members: [start[c], start[c + 1])
  uint32_t remaining = 0;
  uint32_t count() const { return static_cast<uint32_t>(sizes.size()); }
};
// O(n + m).
RemainingComponents LabelRemaining(const Snapshot& s, std::span<const uint8_t> removed);

// Ordered pairs in the same component: sum of s (s - 1).
uint64_t ConnectedPairs(std::span<const uint32_t> sizes);

// Borgatti's F from the connected ordered pairs of n vertices (0 below two vertices).
double FragmentationOf(uint64_t connected_pairs, uint32_t n);

// sum over d >= 1 of hist[d] / d, in increasing d: a function of the integer histogram only.
double InverseDistanceSum(std::span<const uint64_t> hist);

// Borgatti's DF from the histogram of ordered-pair distances of n vertices (0 below two).
double DistanceFragmentationOf(std::span<const uint64_t> hist, uint32_t n);

// Breadth-first searches over one snapshot with reusable buffers (one per thread).
class Walker {
 public:
  explicit Walker(uint32_t n) : dist_(n, kNone32) { queue_.reserve(n); }

  // Adds to hist[d] the vertices at distance d >= 1 from `source`, skipping removed vertices
  // and `skip` (kNoVertex for none); grows hist as needed.
  void CountDistances(const Snapshot& s, VertexId source, const uint8_t* removed, VertexId skip,
                      std::vector<uint64_t>& hist);

  // Calls f(u, d) for every vertex u reachable from `source` (source included, d = 0) without
  // the removed vertices and `skip`, d its distance.
  template <typename F>
  void ForEachDistance(const Snapshot& s, VertexId source, const uint8_t* removed, VertexId skip,
                       F&& f) {
    queue_.clear();
    queue_.push_back(source);
    dist_[source] = 0;
    for (size_t head = 0; head < queue_.size(); ++head) {
      const VertexId v = queue_[head];
      const uint32_t dv = dist_[v];
      f(v, dv);
      ForEachNeighbour(s, v, [&](VertexId u) {
        if (dist_[u] != kNone32 || removed[u] || u == skip) return;
        dist_[u] = dv + 1;
        queue_.push_back(u);
      });
    }
    Reset();
  }

  // Calls f(u) once for every vertex u within `depth` steps of `source` (source included).
  template <typename F>
  void ForBall(const Snapshot& s, VertexId source, uint32_t depth, F&& f) {
    queue_.clear();
    queue_.push_back(source);
    dist_[source] = 0;
    for (size_t head = 0; head < queue_.size(); ++head) {
      const VertexId v = queue_[head];
      f(v);
      const uint32_t dv = dist_[v];
      if (dv >= depth) continue;
      ForEachNeighbour(s, v, [&](VertexId u) {
        if (dist_[u] != kNone32) return;
        dist_[u] = dv + 1;
        queue_.push_back(u);
      });
    }
    Reset();
  }

 private:
  void Reset() {
    for (const VertexId v : queue_) dist_[v] = kNone32;
  }
  std::vector<uint32_t> dist_;  // kNone32 between searches
  std::vector<VertexId> queue_;
};

// A tie-break key per vertex: its rank by the seeded hash of its external id (ties by the id),
// so choices among equals do not depend on load order.
std::vector<uint32_t> TieKeys(const Snapshot& s, uint64_t seed, int threads);

}  // namespace linkscope::detail
