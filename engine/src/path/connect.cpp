// Connecting networks: Mehlhorn's (1988) Steiner-tree approximation.
//
// 1. One Dijkstra from all terminals at once: every vertex learns its nearest terminal (its
//    Voronoi region) and the distance to it.
// 2. Every step u -> w between two regions proposes the terminal pair (base(u), base(w)) at
//    d(u) + c + d(w); the cheapest proposal per pair is kept. Kruskal on these proposals gives a
//    minimum spanning tree of the terminals' distance network restricted to them, which
//    Mehlhorn shows is also a minimum spanning tree of the full distance network (the graph
//    of Kou, Markowsky & Berman 1981).
// 3. Each tree edge expands into its path (u back to its terminal, the step, w back to its
//    terminal); a minimum spanning tree of the union, with leaves that are not terminals
//    pruned, is the answer: cost at most 2 (1 - 1/l) times the optimum (l: leaves).
// O(m log n). Ties: (cost, hops), then the terminals' order, then external ids: the network
// does not depend on load order.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <queue>
#include <vector>

#include "algo/disjoint_sets.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/path/path.hpp"
#include "path/engine.hpp"

namespace linkscope {
namespace {

using detail::Label;
using detail::Less;

struct Proposal {
  Label label;
  VertexId u, w;  // the step between the regions
};

}  // namespace

ConnectingNetwork Connect(const Snapshot& s, std::span<const VertexId> terminals,
                          const PathOptions& options) {
  const uint32_t n = s.vertex_count();
  if (terminals.empty()) throw UsageError("Connect: no entities to connect");
  if (options.direction != Direction::kAny) {
    throw UsageError("a connecting network ignores link direction: use Direction::kAny");
  }
  if (options.time_respecting) throw UsageError("a connecting network cannot be time-respecting");
  std::vector<VertexId> terms;
  for (const VertexId v : terminals) {
    if (v >= n) throw UsageError("Connect: vertex out of range");
    if (std::find(terms.begin(), terms.end(), v) == terms.end()) terms.push_back(v);
  }
  const detail::PathEngine e(s, options);
  ConnectingNetwork result;
  // Ties go by external ids (steps written with the smaller id first), never by load order.
  auto ids_less = [&](VertexId a1, VertexId b1, VertexId a2, VertexId b2) {
    const auto x = std::make_pair(s.ExternalId(a1), s.ExternalId(b1));
    const auto y = std::make_pair(s.ExternalId(a2), s.ExternalId(b2));
    return x < y;
  };
  auto proposal_less = [&](const Proposal& a, const Proposal& b) {
    if (Less(a.label, b.label)) return true;
    if (Less(b.label, a.label)) return false;
    return ids_less(a.u, a.w, b.u, b.w);
  };
  auto ordered = [&](VertexId a, VertexId b) {
    return e.IdLess(a, b) ? std::make_pair(a, b) : std::make_pair(b, a);
  };
  std::map<VertexId, uint32_t> term_index;
  for (uint32_t i = 0; i < terms.size(); ++i) term_index[terms[i]] = i;
  auto passable = [&](VertexId v) { return term_index.count(v) || e.VertexOk(v); };

  // 1. Voronoi regions.
  std::vector<Label> dist(n);
  std::vector<uint32_t> base(n, kNone32);
  std::vector<VertexId> parent(n, kNoVertex);
  std::vector<uint8_t> done(n, 0);
  struct Entry {
    Label label;
    uint32_t base;
    VertexId v;
  };
  auto after = [](const Entry& a, const Entry& b) {
    if (Less(a.label, b.label)) return false;
    if (Less(b.label, a.label)) return true;
    if (a.base != b.base) return a.base > b.base;
    return a.v > b.v;
  };
  std::priority_queue<Entry, std::vector<Entry>, decltype(after)> queue(after);
  for (uint32_t i = 0; i < terms.size(); ++i) {
    dist[terms[i]] = {0, 0};
    base[terms[i]] = i;
    queue.push({{0, 0}, i, terms[i]});
  }
  std::vector<VertexId> order;
  while (!queue.empty()) {
    const Entry top = queue.top();
    queue.pop();
    const VertexId u = top.v;
    if (done[u] || top.base != base[u] || Less(dist[u], top.label) || Less(top.label, dist[u])) {
      continue;
    }
    done[u] = 1;
    order.push_back(u);
    e.ForSteps(u, false, [&](VertexId w, double c) {
      if (done[w] || !passable(w)) return;
      const Label l = detail::Step(dist[u], c);
      if (l.cost > e.opt.max_cost) return;
      const bool tie = base[w] != kNone32 && !Less(l, dist[w]) && !Less(dist[w], l);
      if (base[w] == kNone32 || Less(l, dist[w]) || (tie && base[u] < base[w])) {
        dist[w] = l;
        base[w] = base[u];
        parent[w] = u;
        queue.push({l, base[u], w});
      } else if (tie && base[u] == base[w] && e.IdLess(u, parent[w])) {
        parent[w] = u;  // every predecessor is settled before w: the smallest id wins
      }
    });
  }
  // 2. The cheapest step between each pair of regions, then Kruskal.
  std::map<std::pair<uint32_t, uint32_t>, Proposal> best;
  for (const VertexId u : order) {
    e.ForSteps(u, false, [&](VertexId w, double c) {
      if (!done[w] || base[w] == base[u]) return;
      const auto [a, b] = ordered(u, w);
      const Proposal p{detail::Add(detail::Step(dist[u], c), dist[w]), a, b};
      const auto key = std::minmax(base[u], base[w]);
      auto it = best.find(key);
      if (it == best.end() || proposal_less(p, it->second)) best[key] = p;
    });
  }
  std::vector<Proposal> props;
  for (const auto& [key, p] : best) props.push_back(p);
  std::sort(props.begin(), props.end(), proposal_less);
  detail::DisjointSets regions(static_cast<uint32_t>(terms.size()));
  // 3. Expand the chosen proposals into steps.
  std::vector<std::pair<VertexId, VertexId>> steps;
  auto climb = [&](VertexId v) {
    for (; parent[v] != kNoVertex; v = parent[v]) steps.push_back(ordered(v, parent[v]));
  };
  std::vector<Proposal> chosen;
  for (const Proposal& p : props) {
    if (regions.Union(base[p.u], base[p.w])) chosen.push_back(p);
  }
  for (const Proposal& p : chosen) {
    if (regions.Find(base[p.u]) != regions.Find(0)) continue;  // another component
    steps.emplace_back(p.u, p.w);
    climb(p.u);
    climb(p.w);
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  // Minimum spanning tree of the union, then prune leaves that are not terminals.
  struct Edge {
    double cost;
    VertexId a, b;
    LinkId link;
  };
  std::vector<Edge> edges;
  for (const auto& [a, b] : steps) {
    const auto [l, c] = e.BestLink(a, b);
    edges.push_back({c, a, b, l});
  }
  std::sort(edges.begin(), edges.end(), [&](const Edge& x, const Edge& y) {
    if (x.cost != y.cost) return x.cost < y.cost;
    return ids_less(x.a, x.b, y.a, y.b);
  });
  std::map<VertexId, uint32_t> local;
  for (const Edge& x : edges) {
    local.emplace(x.a, 0);
    local.emplace(x.b, 0);
  }
  uint32_t next = 0;
  for (auto& [v, i] : local) i = next++;
  detail::DisjointSets forest(static_cast<uint32_t>(local.size()));
  std::vector<Edge> tree;
  for (const Edge& x : edges) {
    if (forest.Union(local[x.a], local[x.b])) tree.push_back(x);
  }
  for (bool pruned = true; pruned;) {
    pruned = false;
    std::map<VertexId, uint32_t> degree;
    for (const Edge& x : tree) {
      ++degree[x.a];
      ++degree[x.b];
    }
    std::vector<Edge> kept;
    for (const Edge& x : tree) {
      const bool leaf_a = degree[x.a] == 1 && !term_index.count(x.a);
      const bool leaf_b = degree[x.b] == 1 && !term_index.count(x.b);
      if (leaf_a || leaf_b) {
        pruned = true;
      } else {
        kept.push_back(x);
      }
    }
    tree = std::move(kept);
  }
  // The terminals joined to the first one.
  std::vector<VertexId> vertices;
  for (uint32_t i = 0; i < terms.size(); ++i) {
    if (regions.Find(i) == regions.Find(0)) {
      vertices.push_back(terms[i]);
    } else {
      result.unreachable.push_back(terms[i]);
    }
  }
  std::sort(tree.begin(), tree.end(), [](const Edge& x, const Edge& y) {
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
  });
  for (const Edge& x : tree) {
    vertices.push_back(x.a);
    vertices.push_back(x.b);
    result.links.push_back(e.MakeEvidence(x.a, x.b, x.link));
    result.cost += x.cost;
  }
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  result.vertices = std::move(vertices);
  std::sort(result.unreachable.begin(), result.unreachable.end());
  return result;
}

}  // namespace linkscope
