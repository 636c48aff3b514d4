// Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to status scores
// and clique identification"): a vertex is central when its neighbours are, x proportional to
// A^T x — the principal eigenvector of the adjacency matrix (left eigenvector when directed: a
// vertex scores by its predecessors).
//
// networkx's eigenvector_centrality (2.8) step for step: power iteration on (A + I) from the
// uniform vector, x' = (x + A^T x) / |x + A^T x|_2, until |x' - x|_1 < n * tolerance. Shifting
// by I keeps the iteration from oscillating on bipartite graphs. A plain power iteration rather
// than an Eigen solver: it is what networkx does, so disconnected graphs (whose leading
// eigenvector is not unique) get networkx's answer too.
//
// Pull-based over the simple in-graph, parallel over fixed vertex blocks with block sums added
// in order: identical for every thread count. O(iterations * (n + m)).
#include <fmt/format.h>

#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "algo/community_graph.hpp"
#include "centrality/block_sum.hpp"
#include "centrality/simple_graph.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"

namespace linkscope {

std::vector<double> Eigenvector(const Snapshot& s, const CentralityOptions& o) {
  detail::CheckIterationOptions(o, "eigenvector");
  const uint32_t n = s.vertex_count();
  if (n == 0) return {};
  const int threads = detail::ThreadCount(o.threads);
  detail::SimpleOptions so;
  so.side = detail::Side::kIn;
  so.strength = o.weighted;
  const detail::SimpleGraph g = detail::BuildSimple(s, so, threads);

  const double nd = n;
  std::vector<double> x(n, 1.0 / nd);
  std::vector<double> next(n);
  std::vector<std::array<double, 1>> blocks;
  const int t = g.entries() + n < (1u << 18) ? 1 : threads;
  const uint64_t* off = g.off.data();
  const VertexId* adj = g.adj.data();
  const double* w = o.weighted ? g.strength.data() : nullptr;

  for (uint32_t it = 0; it < o.max_iterations; ++it) {
    ThrowIfInterrupted();
    double norm = std::sqrt(detail::BlockedSums<1>(n, t, blocks, [&](VertexId v, auto& acc) {
      next[v] = detail::Gather(off, adj, w, x, v, x[v]);  // (A + I) x
      acc[0] += next[v] * next[v];
    })[0]);
    if (norm == 0.0) norm = 1.0;
    const double change = detail::BlockedSums<1>(n, t, blocks, [&](VertexId v, auto& acc) {
      next[v] /= norm;
      acc[0] += std::fabs(next[v] - x[v]);
    })[0];
    x.swap(next);
    if (change < nd * o.tolerance) return x;
  }
  throw Error(fmt::format(
      "eigenvector: did not converge to tolerance {:g} in {} iterations (raise max_iterations)",
      o.tolerance, o.max_iterations));
}

}  // namespace linkscope
