// Betweenness centrality: for every vertex (and every vertex pair joined by an edge), the share
// of shortest paths between other vertices that pass through it, summed over all pairs.
//
// Brandes, "A faster algorithm for betweenness centrality" (2001), with the variants of
// Brandes, "On variants of shortest-path betweenness centrality" (2008) for endpoints and edges.
// One search per source counts shortest paths (sigma); a backward sweep in reverse order of
// distance accumulates the dependencies delta. Requires nothing of the input: runs on the
// simple graph of the snapshot (distinct neighbours, no loops; see simple_graph.hpp).
//
// The backward sweep pulls instead of pushing, and keeps no predecessor lists: with
// coef(w) = (1 + delta(w)) / sigma(w), delta(v) = sigma(v) * sum of coef(w) over the successors
// w of v on shortest paths. Unweighted, the sweep goes level by level: a successor of a vertex
// at level d is exactly a neighbour at level d + 1, and once level d + 1 has been swept its
// vertices hold coef in place of sigma. Level and sigma/coef share 16 bytes per vertex, so
// every neighbour costs one cache line in each direction (the arrays of a million vertices do
// not fit in a core's cache: the searches are bound by these random reads). Weighted
// (Dijkstra with a binary heap), successors are the w with dist(v) + weight == dist(w),
// networkx's test for a predecessor, exactly.
//
// Determinism: each source's dependencies are computed by one thread in a fixed order; they are
// added into per-thread accumulators in fixed point (integers, 62 - log2 n fractional bits), so
// the sum is exact and the same in any order and for any thread count, and the per-thread
// accumulators are summed at the end. The rounding of each dependency to fixed point is below
// n * 2^-62 relative to the largest possible value, far below the 1e-9 agreement with networkx.
//
// Work per thread: about 28 bytes per vertex (weighted: 36 plus the heap) and 16 per vertex
// (and 16 per vertex pair with edge scores) of accumulator, allocated once; nothing is
// allocated per source and only the vertices a search reached are reset.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <string>
#include <utility>

#include "algo/community_graph.hpp"
#include "centrality/simple_graph.hpp"
#include "core/interrupt_latch.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope {
namespace {

using detail::SimpleGraph;

// Accumulators in fixed point: a dependency is at most n - 1, scaled by 2^bits below 2^62.
struct Fixed {
  double scale;    // 2^bits
  double inverse;  // 2^-bits
  Uint128 Of(double x) const {
    return static_cast<Uint128>(static_cast<uint64_t>(x * scale + 0.5));
  }
};

Fixed MakeFixed(uint32_t n) {
  int bits_n = 1;
  while (bits_n < 63 && (uint64_t{1} << bits_n) < static_cast<uint64_t>(n) + 1) ++bits_n;
  const int bits = 62 - bits_n;
  return {std::ldexp(1.0, bits), std::ldexp(1.0, -bits)};
}

// Pair id of every simple-graph entry: the entry itself when directed; for undirected graphs
// both entries of {v, w} share the id of the entry in the list of the smaller end.
std::vector<uint32_t> PairIds(const SimpleGraph& g, bool directed, uint64_t* pairs) {
  const uint64_t m = g.entries();
  std::vector<uint32_t> id(m);
  if (directed) {
    std::iota(id.begin(), id.end(), 0u);
    *pairs = m;
    return id;
  }
  uint32_t next = 0;
  for (VertexId v = 0; v < g.n; ++v) {
    for (uint64_t p = g.off[v]; p < g.off[v + 1]; ++p) {
      const VertexId w = g.adj[p];
      if (w > v) {
        id[p] = next++;
      } else {
        const auto list = g.Neighbours(w);
        const auto it = std::lower_bound(list.begin(), list.end(), v);
        id[p] = id[g.off[w] + static_cast<uint64_t>(it - list.begin())];
      }
    }
  }
  *pairs = next;
  return id;
}

// Unweighted search state of a vertex, packed so that the search touches one cache line per
// neighbour: `value` is sigma until the vertex's level has been swept backward, then coef.
struct Node {
  double value = 0.0;
  int32_t level = -1;  // -1 = not reached
};

struct Work {
  explicit Work(uint32_t n, uint64_t pairs, bool weighted)
      : order(n), sum(n), acc(n, 0), edge_acc(pairs, 0) {
    if (weighted) {
      dist.assign(n, HUGE_VAL);
      sigma.assign(n, 0.0);
      coef.assign(n, 0.0);
    } else {
      node.resize(n);
    }
  }
  std::vector<Node> node;       // unweighted
  std::vector<double> dist;     // weighted: distance, inf = not reached
  std::vector<double> sigma;    // weighted: shortest-path counts
  std::vector<double> coef;     // weighted: (1 + delta) / sigma once known
  std::vector<VertexId> order;  // reached vertices in order of distance
  std::vector<double> sum;      // per position of order: sum of the successors' coef
  std::vector<uint64_t> level_end;
  std::vector<std::pair<double, VertexId>> heap;
  std::vector<Uint128> acc;
  std::vector<Uint128> edge_acc;
};

struct Kernel {
  const SimpleGraph& g;
  const uint32_t* pair;  // nullptr: no edge scores
  bool endpoints;
  Fixed fixed;

  // Adds the dependency of vertex v (not the source) to the accumulator.
  void AddVertex(Work& k, VertexId v, double delta) const {
    k.acc[v] += fixed.Of(endpoints ? delta + 1.0 : delta);
  }

  template <bool kEdges>
  void Unweighted(Work& k, VertexId s) const {
    const uint64_t* off = g.off.data();
    const VertexId* adj = g.adj.data();
    Node* node = k.node.data();
    VertexId* order = k.order.data();
    k.level_end.clear();
    node[s].level = 0;
    node[s].value = 1.0;
    order[0] = s;
    uint64_t head = 0;
    uint64_t tail = 1;
    for (int32_t d = 0; head < tail; ++d) {
      const uint64_t end = tail;
      for (uint64_t i = head; i < end; ++i) {
        const VertexId v = order[i];
        const double sv = node[v].value;
        for (uint64_t p = off[v]; p < off[v + 1]; ++p) {
          Node& w = node[adj[p]];
          if (w.level < 0) {
            w.level = d + 1;
            order[tail++] = adj[p];
          }
          if (w.level == d + 1) w.value += sv;
        }
      }
      k.level_end.push_back(end);
      head = end;
    }
    // Backward, level by level; the deepest level has no successors (its sums are 0). While
    // level d is summed, the vertices of level d + 1 hold coef and those of level d sigma.
    double* sum = k.sum.data();
    for (size_t l = k.level_end.size(); l-- > 0;) {
      const uint64_t begin = l == 0 ? 0 : k.level_end[l - 1];
      const uint64_t end = k.level_end[l];
      const auto next = static_cast<int32_t>(l + 1);
      for (uint64_t i = begin; i < end; ++i) {
        const VertexId v = order[i];
        double total = 0;
        if constexpr (kEdges) {
          const double sv = node[v].value;
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) {
            const Node& w = node[adj[p]];
            if (w.level == next) {
              total += w.value;
              k.edge_acc[pair[p]] += fixed.Of(sv * w.value);
            }
          }
        } else {
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) {
            const Node& w = node[adj[p]];
            total += w.level == next ? w.value : 0.0;
          }
        }
        sum[i] = total;
      }
      for (uint64_t i = begin; i < end; ++i) {
        Node& v = node[order[i]];
        const double sigma = v.value;
        if (order[i] != s) AddVertex(k, order[i], sigma * sum[i]);
        v.value = 1.0 / sigma + sum[i];
      }
    }
    if (endpoints) k.acc[s] += fixed.Of(static_cast<double>(tail - 1));
    for (uint64_t i = 0; i < tail; ++i) node[order[i]] = Node{};
  }

  template <bool kEdges>
  void Weighted(Work& k, VertexId s) const {
    const uint64_t* off = g.off.data();
    const VertexId* adj = g.adj.data();
    const double* wt = g.distance.data();
    double* dist = k.dist.data();
    double* sigma = k.sigma.data();
    double* coef = k.coef.data();
    VertexId* order = k.order.data();
    auto& heap = k.heap;
    const auto later = [](const std::pair<double, VertexId>& a,
                          const std::pair<double, VertexId>& b) { return a.first > b.first; };
    heap.clear();
    dist[s] = 0.0;
    sigma[s] = 1.0;
    heap.emplace_back(0.0, s);
    uint64_t settled = 0;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      const auto [d, v] = heap.back();
      heap.pop_back();
      if (d > dist[v]) continue;  // stale: v was reached more cheaply since
      order[settled++] = v;
      const double sv = sigma[v];
      for (uint64_t p = off[v]; p < off[v + 1]; ++p) {
        const VertexId w = adj[p];
        const double nd = d + wt[p];
        if (nd < dist[w]) {
          dist[w] = nd;
          sigma[w] = sv;
          heap.emplace_back(nd, w);
          std::push_heap(heap.begin(), heap.end(), later);
        } else if (nd == dist[w]) {
          sigma[w] += sv;
        }
      }
    }
    for (uint64_t i = settled; i-- > 0;) {
      const VertexId v = order[i];
      const double dv = dist[v];
      const double sv = sigma[v];
      double total = 0;
      for (uint64_t p = off[v]; p < off[v + 1]; ++p) {
        const VertexId w = adj[p];
        if (dv + wt[p] == dist[w]) {
          total += coef[w];
          if constexpr (kEdges) k.edge_acc[pair[p]] += fixed.Of(sv * coef[w]);
        }
      }
      coef[v] = 1.0 / sv + total;
      if (v != s) AddVertex(k, v, sv * total);
    }
    if (endpoints) k.acc[s] += fixed.Of(static_cast<double>(settled - 1));
    for (uint64_t i = 0; i < settled; ++i) {
      const VertexId v = order[i];
      dist[v] = HUGE_VAL;
      sigma[v] = 0.0;
      coef[v] = 0.0;
    }
  }
};

// k distinct vertices drawn uniformly (partial Fisher-Yates with our seeded generator), sorted.
std::vector<VertexId> Pivots(uint32_t n, uint32_t k, uint64_t seed) {
  std::vector<VertexId> all(n);
  std::iota(all.begin(), all.end(), 0u);
  Rng rng(seed);
  for (uint32_t i = 0; i < k; ++i) {
    const auto j = static_cast<uint32_t>(i + rng.Below(n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

// The sum over `sources` (all vertices when null) of the dependencies, rescaled as networkx's
// _rescale / _rescale_e; `extrapolate`: times n / |sources| (the sampled estimate).
BetweennessScores Run(const Snapshot& s, const std::vector<VertexId>* sources, bool extrapolate,
                      const CentralityOptions& o) {
  const uint32_t n = s.vertex_count();
  const int threads = detail::ThreadCount(o.threads);
  detail::SimpleOptions so;
  so.side = detail::Side::kOut;
  so.distance = o.weighted;
  const SimpleGraph g = detail::BuildSimple(s, so, threads);

  uint64_t pairs = 0;
  std::vector<uint32_t> pair;
  if (o.edge_scores) pair = PairIds(g, s.directed(), &pairs);
  const uint64_t count = sources ? sources->size() : n;

  const Kernel kernel{g, o.edge_scores ? pair.data() : nullptr, o.endpoints, MakeFixed(n)};
  // Tiny graphs are not worth a second thread; large ones balance by dynamic chunks.
  const int t = count * std::max<uint64_t>(g.entries(), 1) < (1u << 16) ? 1 : threads;
  std::vector<Uint128> acc(n, 0);
  std::vector<Uint128> edge_acc(pairs, 0);
  std::vector<Work*> works(static_cast<size_t>(t), nullptr);
  detail::InterruptLatch interrupt;  // polled once per source

#pragma omp parallel num_threads(t)
  {
    Work work(n, pairs, o.weighted);
    works[static_cast<size_t>(omp_get_thread_num())] = &work;
#pragma omp for schedule(dynamic, 1) nowait
    for (uint64_t i = 0; i < count; ++i) {
      if (interrupt.Poll()) continue;  // skip the remaining sources
      const VertexId src = sources ? (*sources)[i] : static_cast<VertexId>(i);
      if (o.weighted) {
        if (o.edge_scores) {
          kernel.Weighted<true>(work, src);
        } else {
          kernel.Weighted<false>(work, src);
        }
      } else if (o.edge_scores) {
        kernel.Unweighted<true>(work, src);
      } else {
        kernel.Unweighted<false>(work, src);
      }
    }
#pragma omp barrier
    // Integer sums: the order of the threads does not matter. (After an interrupt they are
    // thrown away below.)
#pragma omp for schedule(static)
    for (uint32_t v = 0; v < n; ++v) {
      for (const Work* w : works) acc[v] += w->acc[v];
    }
#pragma omp for schedule(static) nowait
    for (uint64_t p = 0; p < pairs; ++p) {
      for (const Work* w : works) edge_acc[p] += w->edge_acc[p];
    }
#pragma omp barrier
  }
  interrupt.ThrowIfSeen();

  // networkx's _rescale and _rescale_e: no factor at all where networkx's scale is None.
  const double nd = n;
  double scale = 1.0;
  double edge_scale = 1.0;
  bool rescaled = false;
  bool edge_rescaled = false;
  if (o.normalized) {
    rescaled = o.endpoints ? n >= 2 : n > 2;
    if (rescaled) scale = o.endpoints ? 1.0 / (nd * (nd - 1)) : 1.0 / ((nd - 1) * (nd - 2));
    edge_rescaled = n > 1;
    if (edge_rescaled) edge_scale = 1.0 / (nd * (nd - 1));
  } else if (!s.directed()) {
    rescaled = edge_rescaled = true;
    scale = edge_scale = 0.5;
  }
  if (extrapolate && count > 0) {
    if (rescaled) scale *= nd / static_cast<double>(count);
    if (edge_rescaled) edge_scale *= nd / static_cast<double>(count);
  }

  BetweennessScores r;
  r.vertex.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    r.vertex[v] = static_cast<double>(acc[v]) * kernel.fixed.inverse * scale;
  }
  if (!o.edge_scores) return r;
  // Every snapshot edge gets its pair's score; self-loops lie on no shortest path.
  r.edge.assign(s.edge_count(), 0.0);
  const std::vector<EdgeId> position_edge = s.OutPositionEdges();
  const auto offsets = s.out_offsets();
  for (VertexId v = 0; v < n; ++v) {
    const auto list = s.Out(v);
    uint64_t q = g.off[v];
    for (uint64_t i = 0; i < list.size(); ++i) {
      const VertexId w = list[i];
      if (w == v) continue;
      while (g.adj[q] != w) ++q;
      r.edge[position_edge[offsets[v] + i]] =
          static_cast<double>(edge_acc[pair[q]]) * kernel.fixed.inverse * edge_scale;
    }
  }
  return r;
}

}  // namespace

BetweennessScores Betweenness(const Snapshot& s, const CentralityOptions& o) {
  const uint32_t n = s.vertex_count();
  if (o.pivots > n) {
    throw UsageError("betweenness: pivots (" + std::to_string(o.pivots) +
                     ") must not exceed the number of vertices (" + std::to_string(n) + ")");
  }
  if (o.pivots == 0) return Run(s, nullptr, false, o);
  const std::vector<VertexId> sources = Pivots(n, o.pivots, o.seed);
  return Run(s, &sources, true, o);
}

BetweennessScores BetweennessFromSources(const Snapshot& s, std::span<const VertexId> sources,
                                         const CentralityOptions& o) {
  const uint32_t n = s.vertex_count();
  std::vector<VertexId> sorted(sources.begin(), sources.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  if (!sorted.empty() && sorted.back() >= n) {
    throw UsageError("betweenness: source vertex " + std::to_string(sorted.back()) +
                     " is not in the snapshot (" + std::to_string(n) + " vertices)");
  }
  return Run(s, &sorted, false, o);
}

}  // namespace linkscope
