// The compiled options of a path query and the searches every query is built from (internal).
//
// A step u -> w is one snapshot edge walked in the query's direction; its cost is that of the
// best admissible link behind it (see path.hpp). Labels are (cost, hops) pairs compared
// lexicographically: among equally costly paths the one with fewer hops wins, so zero-cost
// steps (confidence 1) never make a search loop. Scratch is generation-stamped: a query never
// clears an O(n) array.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linkscope/graph/snapshot.hpp"
#include "linkscope/path/path.hpp"
#include "model/model_data.hpp"

namespace linkscope::detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct Label {
  double cost = kInf;
  uint32_t hops = kNone32;
  bool finite() const { return hops != kNone32; }
};
inline bool Less(Label a, Label b) {
  return a.cost < b.cost || (a.cost == b.cost && a.hops < b.hops);
}
inline Label Add(Label a, Label b) { return {a.cost + b.cost, a.hops + b.hops}; }
inline Label Step(Label a, double c) { return {a.cost + c, a.hops + 1}; }
// Costs within a relative 1e-12 are equal (sums taken in different orders differ in the last
// bits).
inline bool Near(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-12 * std::fmax(1.0, std::fmax(std::fabs(a), std::fabs(b)));
}
// a is above b by more than the tolerance.
inline bool Above(Label a, Label b) {
  if (!a.finite()) return b.finite();
  if (!b.finite()) return false;
  if (Near(a.cost, b.cost)) return a.hops > b.hops;
  return a.cost > b.cost;
}

inline Direction Reverse(Direction d) {
  return d == Direction::kForward    ? Direction::kBackward
         : d == Direction::kBackward ? Direction::kForward
                                     : Direction::kAny;
}

// One side of a search: labels and stamps in one record per vertex (one cache miss per
// relaxation), and a lazy binary heap; stamped per run.
struct SearchSide {
  struct Node {
    double cost = kInf;
    uint32_t hops = kNone32;
    uint32_t reached = 0;  // == gen: label valid
    uint32_t settled = 0;  // == gen: label final
  };
  std::vector<Node> node;
  struct Entry {
    Label key;
    VertexId v;
  };
  std::vector<Entry> heap;
  uint32_t gen = 0;

  void Prepare(uint32_t n);
  bool Reached(VertexId v) const { return node[v].reached == gen; }
  bool Settled(VertexId v) const { return node[v].settled == gen; }
  Label At(VertexId v) const { return {node[v].cost, node[v].hops}; }
  void Set(VertexId v, Label l) {
    node[v].cost = l.cost;
    node[v].hops = l.hops;
    node[v].reached = gen;
  }
  void MarkSettled(VertexId v) { node[v].settled = gen; }
  void Push(VertexId v, Label l);
  // Pops the next unsettled vertex, marks it settled; kNoVertex when empty.
  VertexId Pop();
  // Smallest key of an unsettled entry (infinite when none).
  Label Top();
};

class PathEngine {
 public:
  PathEngine(const Snapshot& s, PathOptions options);

  const Snapshot& snap;
  const Model& model;
  const ModelData& data;
  PathOptions opt;

  // --- admissibility
  bool VertexOk(VertexId v) const {
    if (!vertex_filter_) return true;
    if (!kind_ok_[data.entities[snap.Entity(v)].kind]) return false;
    return excluded_.empty() || !excluded_[v];
  }
  bool LinkOk(LinkId l) const;  // type, window, confidence (not direction)
  double LinkCost(LinkId l) const;
  double LinkConfidence(LinkId l) const { return confidence_[data.grade[l]]; }
  // Walking link l from vertex u: allowed in direction d?
  bool DirectionOk(LinkId l, VertexId u, Direction d) const {
    if (d == Direction::kAny || !(data.flags[l] & kDirected)) return true;
    const EntityId e = snap.Entity(u);
    return d == Direction::kForward ? data.from[l] == e : data.to[l] == e;
  }

  // f(w, cost) for every step u -> w (reverse: every step w -> u), self-loops skipped. A
  // neighbour may come more than once (parallel edges, both lists): take the minimum.
  template <typename F>
  void ForSteps(VertexId u, bool reverse, F&& f) const;
  // f(w, link, cost) for every admissible link of every step u -> w (kNoLink on a derived
  // snapshot). Slower: reads the link records.
  template <typename F>
  void ForLinkSteps(VertexId u, bool reverse, F&& f) const;

  // The best link of step u -> w (lowest cost, then highest confidence, then smallest id),
  // with its cost; kNoLink and +inf when there is none (derived: kNoLink and the edge cost).
  std::pair<LinkId, double> BestLink(VertexId u, VertexId w) const;
  Evidence MakeEvidence(VertexId u, VertexId w, LinkId l) const;
  // A path from its vertices: best link per step, cost, hops and reliability.
  Path MakePath(const std::vector<VertexId>& vertices) const;

  // --- the restrictions of one search (Yen): blocked vertices and forbidden first steps.
  void ClearBlocks() {
    ++block_gen_;
    forbidden_.clear();
    spur_ = kNoVertex;
  }
  void Block(VertexId v);
  void Forbid(VertexId spur, VertexId next) {
    spur_ = spur;
    forbidden_.push_back(next);
  }
  bool Blocked(VertexId v) const { return !blocked_.empty() && blocked_[v] == block_gen_; }
  bool Forbidden(VertexId u, VertexId w) const;
  // May the search pass through v, between the endpoints s and t?
  bool Passable(VertexId v, VertexId s, VertexId t) const {
    return v == s || v == t || (VertexOk(v) && !Blocked(v));
  }

  // --- point-to-point: the shortest path from s to t (lexicographic (cost, hops), then
  // smallest external-id sequence) within the bounds; empty vertices when none.
  // max_hops: 0 = none. Uses the blocks above.
  std::vector<VertexId> ShortestVertices(VertexId s, VertexId t, uint32_t max_hops,
                                         double max_cost);
  // Every shortest path, at most cap, in external-id order.
  std::vector<std::vector<VertexId>> AllShortestVertices(VertexId s, VertexId t, uint32_t max_hops,
                                                         double max_cost, uint32_t cap);

  // External-id order of two vertices.
  bool IdLess(VertexId a, VertexId b) const { return snap.ExternalId(a) < snap.ExternalId(b); }

  SearchSide fwd, bwd;

 private:
  // Bidirectional search: the best label from s to t (infinite when none). Leaves fwd with
  // the forward labels and *lower with a lower bound on the forward label of every vertex
  // fwd did not settle.
  Label Bidirectional(VertexId s, VertexId t, double max_cost, Label* lower);
  // The same for hops: level-synchronous, the side with the smaller frontier first; every
  // vertex it reaches is settled.
  Label BidirectionalBfs(VertexId s, VertexId t, double max_cost, Label* lower);
  // Exact distances to t (in bwd) for every vertex on a shortest s-t path, after
  // Bidirectional: a backward search pruned by the forward bounds.
  void DistancesToTarget(VertexId s, VertexId t, Label best, Label lower);
  // Hop-bounded distances to t: the best label from v to t within h hops, h <= max_hops.
  void HopLayers(VertexId s, VertexId t, uint32_t max_hops, double max_cost);
  // Distance to t of v with `budget` hops left, from bwd or the layers.
  Label DistTo(VertexId v, uint32_t budget) const;
  // The next steps from u on shortest paths (each w once), in external-id order.
  std::vector<VertexId> NextOnShortest(VertexId u, VertexId s, VertexId t, uint32_t budget) const;

  bool vertex_filter_ = false;
  bool link_filter_ = false;
  bool plain_steps_ = false;   // steps need no link records for their cost
  bool csr_distance_ = false;  // kDistance costs are the CSR weights
  std::vector<uint8_t> kind_ok_;
  std::vector<uint8_t> type_ok_;
  std::vector<uint8_t> excluded_;
  std::array<double, kGradeCount> confidence_{};
  std::array<double, kGradeCount> log_cost_{};

  std::vector<uint32_t> blocked_;
  uint32_t block_gen_ = 1;
  VertexId spur_ = kNoVertex;
  std::vector<VertexId> forbidden_;

  std::vector<VertexId> frontier_f_, frontier_b_, next_;  // BidirectionalBfs
  bool layered_ = false;
  // HopLayers: per vertex, (round, label) at every round its label improved.
  std::unordered_map<VertexId, std::vector<std::pair<uint32_t, Label>>> layers_;
};

// --- template definitions

template <typename F>
void PathEngine::ForLinkSteps(VertexId u, bool reverse, F&& f) const {
  const Direction d = reverse ? Reverse(opt.direction) : opt.direction;
  if (snap.derived()) {
    const auto adj = snap.Out(u);
    const auto w = snap.OutWeights(u);
    for (size_t i = 0; i < adj.size(); ++i) {
      if (adj[i] == u) continue;
      const double c = opt.weight == PathWeight::kHops       ? 1.0
                       : opt.weight == PathWeight::kDistance ? (w.empty() ? 1.0 : w[i])
                                                             : 0.0;
      f(adj[i], kNoLink, c);
    }
    return;
  }
  auto links = [&](VertexId w, EdgeId e, bool check_direction) {
    for (const LinkId l : snap.EdgeLinks(e)) {
      if (link_filter_ && !LinkOk(l)) continue;
      if (check_direction && !DirectionOk(l, u, d)) continue;
      f(w, l, LinkCost(l));
    }
  };
  if (!snap.directed()) {
    const auto adj = snap.Out(u);
    for (size_t i = 0; i < adj.size(); ++i) {
      if (adj[i] == u) continue;
      links(adj[i], snap.OutEdge(u, i), d != Direction::kAny);
    }
    return;
  }
  // Directed snapshot: an arc's links all point along it (an undirected link has both arcs).
  if (d != Direction::kBackward) {
    const auto adj = snap.Out(u);
    const uint64_t base = snap.out_offsets()[u];
    for (size_t i = 0; i < adj.size(); ++i) {
      if (adj[i] != u) links(adj[i], static_cast<EdgeId>(base + i), false);
    }
  }
  if (d != Direction::kForward) {
    const auto adj = snap.In(u);
    for (size_t i = 0; i < adj.size(); ++i) {
      if (adj[i] != u) links(adj[i], snap.InEdge(u, i), false);
    }
  }
}

template <typename F>
void PathEngine::ForSteps(VertexId u, bool reverse, F&& f) const {
  const Direction d = reverse ? Reverse(opt.direction) : opt.direction;
  if (plain_steps_ && (snap.directed() || d == Direction::kAny)) {
    auto list = [&](std::span<const VertexId> adj, std::span<const double> w) {
      for (size_t i = 0; i < adj.size(); ++i) {
        if (adj[i] == u) continue;
        f(adj[i], csr_distance_ ? w[i] : 1.0);
      }
    };
    if (!snap.directed() || d != Direction::kBackward) list(snap.Out(u), snap.OutWeights(u));
    if (snap.directed() && d != Direction::kForward) list(snap.In(u), snap.InWeights(u));
    return;
  }
  // Per edge: the cheapest admissible link.
  VertexId last = kNoVertex;
  double best = kInf;
  ForLinkSteps(u, reverse, [&](VertexId w, LinkId, double c) {
    if (w != last) {
      if (last != kNoVertex) f(last, best);
      last = w;
      best = c;
    } else if (c < best) {
      best = c;
    }
  });
  if (last != kNoVertex) f(last, best);
}

}  // namespace linkscope::detail
