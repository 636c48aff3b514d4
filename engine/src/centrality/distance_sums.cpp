#include "centrality/distance_sums.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "centrality/simple_graph.hpp"
#include "core/interrupt_latch.hpp"

namespace linkscope::detail {
namespace {

struct Sums {
  uint32_t reached = 0;
  double distance = 0;
  double reciprocal = 0;
};

// BFS from t; distances are levels, so the sums are per level (exact integer distance sums).
Sums Bfs(const SimpleGraph& g, VertexId t, std::vector<int32_t>& level,
         std::vector<VertexId>& order) {
  level[t] = 0;
  order[0] = t;
  uint64_t head = 0;
  uint64_t tail = 1;
  uint64_t distance = 0;
  double reciprocal = 0;
  for (int32_t d = 0; head < tail; ++d) {
    const uint64_t end = tail;
    for (uint64_t i = head; i < end; ++i) {
      const VertexId v = order[i];
      for (uint64_t p = g.off[v]; p < g.off[v + 1]; ++p) {
        const VertexId w = g.adj[p];
        if (level[w] < 0) {
          level[w] = d + 1;
          order[tail++] = w;
        }
      }
    }
    const uint64_t found = tail - end;
    distance += found * static_cast<uint64_t>(d + 1);
    if (found) reciprocal += static_cast<double>(found) / (d + 1);
    head = end;
  }
  for (uint64_t i = 0; i < tail; ++i) level[order[i]] = -1;
  return {static_cast<uint32_t>(tail - 1), static_cast<double>(distance), reciprocal};
}

Sums Dijkstra(const SimpleGraph& g, VertexId t, std::vector<double>& dist,
              std::vector<VertexId>& order, std::vector<std::pair<double, VertexId>>& heap) {
  const auto later = [](const std::pair<double, VertexId>& a,
                        const std::pair<double, VertexId>& b) { return a.first > b.first; };
  heap.clear();
  dist[t] = 0;
  heap.emplace_back(0.0, t);
  uint64_t settled = 0;
  Sums r;
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const auto [d, v] = heap.back();
    heap.pop_back();
    if (d > dist[v]) continue;
    order[settled++] = v;
    if (v != t) {
      r.distance += d;
      r.reciprocal += 1.0 / d;
    }
    for (uint64_t p = g.off[v]; p < g.off[v + 1]; ++p) {
      const VertexId w = g.adj[p];
      const double nd = d + g.distance[p];
      if (nd < dist[w]) {
        dist[w] = nd;
        heap.emplace_back(nd, w);
        std::push_heap(heap.begin(), heap.end(), later);
      }
    }
  }
  for (uint64_t i = 0; i < settled; ++i) dist[order[i]] = HUGE_VAL;
  r.reached = static_cast<uint32_t>(settled - 1);
  return r;
}

}  // namespace

DistanceSums IncomingDistanceSums(const Snapshot& s, bool weighted, int threads) {
  SimpleOptions so;
  so.side = Side::kIn;  // searching predecessors from v finds d(u, v)
  so.distance = weighted;
  const SimpleGraph g = BuildSimple(s, so, threads);
  const uint32_t n = g.n;
  DistanceSums r;
  r.reached.resize(n);
  r.distance.resize(n);
  r.reciprocal.resize(n);
  const int t =
      static_cast<uint64_t>(n) * std::max<uint64_t>(g.entries(), 1) < (1u << 16) ? 1 : threads;
  InterruptLatch interrupt;  // polled once per source
#pragma omp parallel num_threads(t)
  {
    std::vector<int32_t> level;
    std::vector<double> dist;
    std::vector<VertexId> order(n);
    std::vector<std::pair<double, VertexId>> heap;
    if (weighted) {
      dist.assign(n, HUGE_VAL);
    } else {
      level.assign(n, -1);
    }
#pragma omp for schedule(dynamic, 1)
    for (uint32_t v = 0; v < n; ++v) {
      if (interrupt.Poll()) continue;  // skip the remaining sources
      const Sums x = weighted ? Dijkstra(g, v, dist, order, heap) : Bfs(g, v, level, order);
      r.reached[v] = x.reached;
      r.distance[v] = x.distance;
      r.reciprocal[v] = x.reciprocal;
    }
  }
  interrupt.ThrowIfSeen();
  return r;
}

}  // namespace linkscope::detail
