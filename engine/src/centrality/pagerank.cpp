// PageRank (Page, Brin, Motwani & Winograd 1999, "The PageRank citation ranking: bringing order
// to the web"): the stationary distribution of a walk that follows a random link (chosen in
// proportion to its strength when weighted) with probability `damping` and otherwise jumps to a
// uniformly random vertex; vertices without outgoing links jump uniformly.
//
// The iteration is networkx's pagerank (2.8, the scipy power iteration) step for step:
//   x' = damping * (x P + (sum of x over dangling vertices) / n) + (1 - damping) / n,
// from x = 1/n, stopping when |x' - x|_1 < n * tolerance (networkx's tol), so with the same
// tolerance both stop at the same iteration and agree to rounding.
//
// Pull-based: each vertex sums x(u) / strength(u) * w(u, v) over its predecessors, so every
// vertex is written by one thread, no atomics. The next iteration's x / strength, the change and
// the dangling mass are computed in the same pass; the sums use fixed blocks (block_sum.hpp), so
// the result is identical for every thread count. O(iterations * (n + m)); memory 4 vectors of
// n doubles plus the simple in-graph.
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

std::vector<double> PageRank(const Snapshot& s, const CentralityOptions& o) {
  detail::CheckIterationOptions(o, "pagerank");
  const uint32_t n = s.vertex_count();
  if (n == 0) return {};
  const int threads = detail::ThreadCount(o.threads);
  detail::SimpleOptions so;
  so.side = detail::Side::kIn;
  so.strength = o.weighted;
  const detail::SimpleGraph g = detail::BuildSimple(s, so, threads);

  // Out-strength of every vertex, from the in-lists (a fixed sequential order).
  std::vector<double> inverse(n, 0.0);
  for (VertexId v = 0; v < n; ++v) {
    for (uint64_t p = g.off[v]; p < g.off[v + 1]; ++p) {
      inverse[g.adj[p]] += o.weighted ? g.strength[p] : 1.0;
    }
  }
  std::vector<uint8_t> dangling(n);
  for (VertexId v = 0; v < n; ++v) {
    dangling[v] = inverse[v] == 0.0;
    inverse[v] = dangling[v] ? 0.0 : 1.0 / inverse[v];
  }

  const double nd = n;
  const double alpha = o.damping;
  std::vector<double> x(n, 1.0 / nd);
  std::vector<double> next(n);
  std::vector<double> y(n);  // x / out-strength
  std::vector<double> y_next(n);
  double dangling_sum = 0;
  for (VertexId v = 0; v < n; ++v) {
    y[v] = x[v] * inverse[v];
    if (dangling[v]) dangling_sum += x[v];
  }
  const uint32_t blocks = detail::BlockCount(n);
  std::vector<double> err_block(blocks);
  std::vector<double> dangling_block(blocks);
  const int t = g.entries() + n < (1u << 18) ? 1 : threads;
  const uint64_t* off = g.off.data();
  const VertexId* adj = g.adj.data();
  const double* w = o.weighted ? g.strength.data() : nullptr;

  for (uint32_t it = 0; it < o.max_iterations; ++it) {
    const double jump = dangling_sum / nd;
    const double teleport = (1.0 - alpha) / nd;
#pragma omp parallel for num_threads(t) schedule(dynamic, 1)
    for (uint32_t b = 0; b < blocks; ++b) {
      const uint32_t begin = b * detail::kSumBlock;
      const uint32_t end = std::min(n, begin + detail::kSumBlock);
      double err = 0;
      double dang = 0;
      for (uint32_t v = begin; v < end; ++v) {
        double sum = 0;
        if (w) {
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) sum += y[adj[p]] * w[p];
        } else {
          for (uint64_t p = off[v]; p < off[v + 1]; ++p) sum += y[adj[p]];
        }
        const double xv = alpha * (sum + jump) + teleport;
        next[v] = xv;
        y_next[v] = xv * inverse[v];
        err += std::fabs(xv - x[v]);
        if (dangling[v]) dang += xv;
      }
      err_block[b] = err;
      dangling_block[b] = dang;
    }
    x.swap(next);
    y.swap(y_next);
    dangling_sum = detail::SumInOrder(dangling_block);
    if (detail::SumInOrder(err_block) < nd * o.tolerance) return x;
  }
  throw Error("pagerank: did not converge to tolerance " + std::to_string(o.tolerance) + " in " +
              std::to_string(o.max_iterations) + " iterations (raise max_iterations)");
}

}  // namespace linkscope
