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

}  // namespace linkscope::detail
