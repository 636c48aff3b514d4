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
#include <cmath>
#include <string>

#include "algo/community_graph.hpp"
#include "centrality/block_sum.hpp"
#include "centrality/simple_graph.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"

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
  const uint32_t blocks = detail::BlockCount(n);
  std::vector<double> block(blocks);
  const int t = g.entries() + n < (1u << 18) ? 1 : threads;
  const uint64_t* off = g.off.data();
  const VertexId* adj = g.adj.data();
  const double* w = o.weighted ? g.strength.data() : nullptr;

  for (uint32_t it = 0; it < o.max_iterations; ++it) {
#pragma omp parallel for num_threads(t) schedule(dynamic, 1)
    for (uint32_t b = 0; b < blocks; ++b) {
      const uint32_t begin = b * detail::kSumBlock;
      const uint32_t end = std::min(n, begin + detail::kSumBlock);
      double squares = 0;
      for (uint32_t v = begin; v < end; ++v) {
        double sum = x[v];
        if (w) {
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) sum += x[adj[p]] * w[p];
        } else {
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) sum += x[adj[p]];
        }
        next[v] = sum;
        squares += sum * sum;
      }
      block[b] = squares;
    }
    double norm = std::sqrt(detail::SumInOrder(block));
    if (norm == 0.0) norm = 1.0;
#pragma omp parallel for num_threads(t) schedule(static, 1)
    for (uint32_t b = 0; b < blocks; ++b) {
      const uint32_t begin = b * detail::kSumBlock;
      const uint32_t end = std::min(n, begin + detail::kSumBlock);
      double err = 0;
      for (uint32_t v = begin; v < end; ++v) {
        next[v] /= norm;
        err += std::fabs(next[v] - x[v]);
      }
      block[b] = err;
    }
    x.swap(next);
    if (detail::SumInOrder(block) < nd * o.tolerance) return x;
  }
  throw Error(fmt::format(
      "eigenvector: did not converge to tolerance {:g} in {} iterations (raise max_iterations)",
      o.tolerance, o.max_iterations));
}

}  // namespace linkscope
