#include "algo/sweeps.hpp"

namespace linkscope::detail {

Coloring ColorGraph(const CommunityGraph& g, std::span<const uint32_t> order) {
  const uint32_t n = g.n;
  std::vector<uint32_t> color(n, kNone32);
  std::vector<uint32_t> seen;  // seen[c] == v + 1: colour c is taken by a neighbour of v
  Coloring out;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t v = order.empty() ? i : order[i];
    g.ForEach(v, [&](uint32_t u, double) {
      const uint32_t c = color[u];
      if (c != kNone32) seen[c] = v + 1;
    });
    uint32_t c = 0;
    while (c < seen.size() && seen[c] == v + 1) ++c;
    if (c == seen.size()) seen.push_back(0);
    color[v] = c;
  }
  out.colors = static_cast<uint32_t>(seen.size());
  GroupByLabel(color, order, out.colors, &out.start, &out.members);
  return out;
}

CommunityGraph SweepLevelZero(const Snapshot& s, uint64_t seed, int requested_threads,
                              std::vector<uint32_t>* origin, Coloring* coloring) {
  CommunityGraph g0 = LevelZero(s, seed, requested_threads, origin);
  *coloring = Coloring{};
  if (!ColoredSweeps(g0)) return g0;
  const Coloring by_class = ColorGraph(g0, {});
  const uint32_t n = g0.n;
  const int threads = UsefulThreads(n, g0.adj.size(), requested_threads);
  const std::vector<uint32_t>& old_of = by_class.members;  // new id -> old id
  HugeVector<uint32_t> new_of(n);
#pragma omp parallel for num_threads(threads) schedule(static, 4096)
  for (uint32_t i = 0; i < n; ++i) new_of[old_of[i]] = i;
  CommunityGraph g;
  g.n = n;
  g.total = g0.total;  // summed in canonical order once: not again in another order
  g.self.resize(n);
  g.strength.resize(n);
  g.own_off.resize(static_cast<size_t>(n) + 1);
  g.own_off[0] = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t v = old_of[i];
    g.own_off[i + 1] = g.own_off[i] + (g0.off[v + 1] - g0.off[v]);
    g.self[i] = g0.self[v];
    g.strength[i] = g0.strength[v];
  }
  const bool weighted = !g0.w.empty();
  g.own_adj.resize(g0.adj.size());
  if (weighted) g.own_w.resize(g0.adj.size());
#pragma omp parallel for num_threads(threads) schedule(static, 4096)
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t v = old_of[i];
    uint64_t p = g.own_off[i];
    for (uint64_t q = g0.off[v]; q < g0.off[v + 1]; ++q, ++p) {
      g.own_adj[p] = new_of[g0.adj[q]];
      if (weighted) g.own_w[p] = g0.w[q];
    }
  }
  g.off = g.own_off;
  g.adj = g.own_adj;
  g.w = g.own_w;
  std::vector<uint32_t> new_origin(n);
  for (uint32_t i = 0; i < n; ++i) new_origin[i] = (*origin)[old_of[i]];
  origin->swap(new_origin);
  coloring->colors = by_class.colors;
  coloring->start = by_class.start;  // members stay empty: the classes are id ranges
  return g;
}

}  // namespace linkscope::detail
