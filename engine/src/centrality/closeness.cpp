// Closeness centrality (Freeman 1979, "Centrality in social networks: conceptual
// clarification"): how near a vertex is to the vertices that reach it, as the inverse of the
// mean incoming distance, with Wasserman & Faust's (1994) correction for disconnected graphs:
// networkx's closeness_centrality with wf_improved=True (normalized = false: wf_improved=False).
// Directed snapshots use incoming distances d(u, v), as networkx does. See distance_sums.hpp
// for the search and docs/algorithms/centrality.md.
#include "algo/community_graph.hpp"
#include "centrality/distance_sums.hpp"
#include "linkscope/centrality/centrality.hpp"

namespace linkscope {

std::vector<double> Closeness(const Snapshot& s, const CentralityOptions& o) {
  const uint32_t n = s.vertex_count();
  const detail::DistanceSums d =
      detail::IncomingDistanceSums(s, o.weighted, detail::ThreadCount(o.threads));
  std::vector<double> c(n, 0.0);
  for (uint32_t v = 0; v < n; ++v) {
    if (d.distance[v] > 0 && n > 1) {
      const double r = d.reached[v];
      c[v] = r / d.distance[v];
      if (o.normalized) c[v] *= r / (n - 1.0);
    }
  }
  return c;
}

}  // namespace linkscope
