// Articulation points (cut vertices) and bridges of the undirected simple view: the single
// entities, and the single ties, whose loss splits a network. Hopcroft & Tarjan (1973),
// "Efficient algorithms for graph manipulation": one depth-first search with low points,
// iterative (an explicit stack: a chain of a million vertices would overflow the call stack).
// Direction is ignored and a pair counts once however many edges or arcs join it (networkx's
// articulation_points and bridges on the Graph). O(n + m) plus O(m log n) to list a bridge
// pair's edges; sequential and deterministic.
#include <algorithm>
#include <utility>
#include <vector>

#include "centrality/simple_graph.hpp"
#include "linkscope/centrality/centrality.hpp"

namespace linkscope {
namespace {

struct CutStructure {
  std::vector<VertexId> points;                        // sorted
  std::vector<std::pair<VertexId, VertexId>> bridges;  // (smaller, larger), sorted
};

CutStructure Cuts(const Snapshot& s) {
  detail::SimpleOptions so;
  so.side = detail::Side::kBoth;
  const detail::SimpleGraph g = detail::BuildSimple(s, so, 1);
  const uint32_t n = g.n;
  std::vector<uint32_t> disc(n, 0);  // 0 = not visited
  std::vector<uint32_t> low(n, 0);
  std::vector<VertexId> parent(n, kNoVertex);
  std::vector<uint64_t> next(g.off.begin(), g.off.end() - 1);
  std::vector<uint8_t> is_point(n, 0);
  std::vector<VertexId> stack;
  CutStructure r;
  uint32_t time = 0;
  for (VertexId root = 0; root < n; ++root) {
    if (disc[root]) continue;
    disc[root] = low[root] = ++time;
    stack.push_back(root);
    uint32_t root_children = 0;
    while (!stack.empty()) {
      const VertexId v = stack.back();
      if (next[v] < g.off[v + 1]) {
        const VertexId w = g.adj[next[v]++];
        if (!disc[w]) {
          parent[w] = v;
          disc[w] = low[w] = ++time;
          stack.push_back(w);
          if (v == root) ++root_children;
        } else if (w != parent[v]) {
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      stack.pop_back();
      const VertexId p = parent[v];
      if (p == kNoVertex) continue;
      low[p] = std::min(low[p], low[v]);
      if (p != root && low[v] >= disc[p]) is_point[p] = 1;
      if (low[v] > disc[p]) r.bridges.emplace_back(std::min(p, v), std::max(p, v));
    }
    if (root_children >= 2) is_point[root] = 1;
  }
  for (VertexId v = 0; v < n; ++v) {
    if (is_point[v]) r.points.push_back(v);
  }
  std::sort(r.bridges.begin(), r.bridges.end());
  return r;
}

}  // namespace

std::vector<VertexId> ArticulationPoints(const Snapshot& s) { return Cuts(s).points; }

std::vector<EdgeId> Bridges(const Snapshot& s) {
  const CutStructure c = Cuts(s);
  std::vector<EdgeId> edges;
  if (c.bridges.empty()) return edges;
  for (uint64_t e = 0; e < s.edge_count(); ++e) {
    auto [a, b] = s.Endpoints(static_cast<EdgeId>(e));
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (std::binary_search(c.bridges.begin(), c.bridges.end(), std::make_pair(a, b))) {
      edges.push_back(static_cast<EdgeId>(e));
    }
  }
  return edges;
}

}  // namespace linkscope
