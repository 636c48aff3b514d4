// Harmonic centrality (Marchiori & Latora 2000, "Harmony in the small-world"; Rochat 2009,
// "Closeness centrality extended to unconnected graphs: the harmonic centrality index"): the sum
// of 1 / d(u, v) over the vertices u != v that reach v, so unreachable vertices add 0 instead of
// making the mean infinite. networkx's harmonic_centrality (unnormalised; incoming distances on
// directed snapshots). See distance_sums.hpp for the search.
#include <utility>

#include "algo/community_graph.hpp"
#include "centrality/distance_sums.hpp"
#include "linkscope/centrality/centrality.hpp"

namespace linkscope {

std::vector<double> Harmonic(const Snapshot& s, const CentralityOptions& o) {
  detail::DistanceSums d =
      detail::IncomingDistanceSums(s, o.weighted, detail::ThreadCount(o.threads));
  return std::move(d.reciprocal);
}

}  // namespace linkscope
