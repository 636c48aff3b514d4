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
//
// Undirected graphs take a faster road to the same fixed point. There P = D^-1 A with A
// symmetric, so with x = D^(1/2) z the PageRank equation (I - damping A D^-1) x = b becomes the
// symmetric positive definite system (I - damping N) z = D^(-1/2) b, N = D^(-1/2) A D^(-1/2)
// (eigenvalues of N lie in [-1, 1], so those of the system in [1 - damping, 1 + damping]),
// which conjugate gradients (Hestenes & Stiefel 1952) solve in about half the sweeps of the
// power iteration (each sweep is the same gather over the neighbours). Isolated vertices are
// the only dangling ones there: they decouple, every one of them gets the teleport value kappa
// / n of the others' equation, and kappa follows from the ranks summing to 1. The stopping test
// is the power iteration's own quantity: networkx's |x' - x|_1 after a power step from x is
// exactly |b - (I - damping P^T) x|_1 - the L1 residual of the PageRank equation - so CG stops
// when that residual, computed in x space, is below n * tolerance: the same tolerance means the
// same test. Sums run in fixed blocks, so the result is identical for every thread count.
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
namespace {

// Conjugate gradients need the system to be positive definite: its smallest eigenvalue is
// 1 - damping. Above this damping (1 included, where the equation has no unique solution and
// networkx's iteration still converges on aperiodic graphs) the power iteration runs instead.
constexpr double kMaxSymmetricDamping = 0.999;

Error NotConverged(const CentralityOptions& o) {
  return Error(fmt::format(
      "pagerank: did not converge to tolerance {:g} in {} iterations (raise max_iterations)",
      o.tolerance, o.max_iterations));
}

// Conjugate gradients on (I - alpha N) z = D^(-1/2) 1 / n for an undirected simple graph (see
// the top of the file); returns x normalised to sum 1.
std::vector<double> PageRankSymmetric(const detail::SimpleGraph& g, const CentralityOptions& o,
                                      int threads) {
  const uint32_t n = g.n;
  const double nd = n;
  const double alpha = o.damping;
  const uint64_t* off = g.off.data();
  const VertexId* adj = g.adj.data();
  const double* w = o.weighted ? g.strength.data() : nullptr;
  // Strength d, d^(1/2) and d^(-1/2) (0 for isolated vertices, which drop out of the system).
  std::vector<double> root(n), inv_root(n);
  uint32_t isolated = 0;
  for (VertexId v = 0; v < n; ++v) {
    double d = 0;
    if (w) {
      for (uint64_t p = off[v]; p < off[v + 1]; ++p) d += w[p];
    } else {
      d = static_cast<double>(off[v + 1] - off[v]);
    }
    root[v] = std::sqrt(d);
    inv_root[v] = d > 0 ? 1.0 / root[v] : 0.0;
    isolated += d == 0;
  }
  std::vector<std::array<double, 3>> blocks;
  // Solve with the right-hand side for a unit teleport value (1 / n per vertex) and scale at
  // the end: x = kappa * x_hat, isolated vertices kappa / n, kappa from sum(x) = 1. Without
  // isolated vertices kappa = 1 - alpha (up to the residual).
  std::vector<double> z(n), r(n), p(n), q(n), s(n);
  // Start from networkx's x = 1/n: z = D^(-1/2) x / kappa with the expected kappa.
  const double kappa0 = 1.0 - alpha;
  for (VertexId v = 0; v < n; ++v) z[v] = inv_root[v] / (nd * kappa0);
  // ((I - alpha N) in)_v, given in_q = D^(-1/2) in.
  auto apply = [&](const std::vector<double>& in_q, const std::vector<double>& in, VertexId v) {
    return in[v] - alpha * inv_root[v] * detail::Gather(off, adj, w, in_q, v, 0.0);
  };
  // Each pass also yields, for the iterate z it leaves, r.r, sum_v d_v^(1/2) z_v (for kappa) and
  // sum_v d_v^(1/2) |r_v| (the residual in x space, x = kappa D^(1/2) z, before the factor
  // kappa).
  for (VertexId v = 0; v < n; ++v) q[v] = inv_root[v] * z[v];
  std::array<double, 3> sums = detail::BlockedSums<3>(n, threads, blocks, [&](VertexId v, auto& acc) {
    r[v] = inv_root[v] / nd - apply(q, z, v);  // r = c - (I - alpha N) z, c = D^(-1/2) 1 / n
    p[v] = r[v];
    acc[0] += r[v] * r[v];
    acc[1] += root[v] * z[v];
    acc[2] += root[v] * std::fabs(r[v]);
  });
  for (VertexId v = 0; v < n; ++v) q[v] = inv_root[v] * p[v];  // from here on q = D^(-1/2) p
  std::vector<std::array<double, 1>> blocks1;
  for (uint32_t it = 0;; ++it) {
    const double kappa = 1.0 / (sums[1] + isolated / nd);
    if (kappa * sums[2] < nd * o.tolerance) {  // the L1 residual of the PageRank equation
      std::vector<double> x(n);
      for (VertexId v = 0; v < n; ++v) x[v] = inv_root[v] > 0 ? kappa * root[v] * z[v] : kappa / nd;
      return x;
    }
    if (it == o.max_iterations) break;
    ThrowIfInterrupted();
    // r != 0 here (else the test above passed: tolerance > 0), so p != 0 and p.s > 0.
    const double rr = sums[0];
    const double ps = detail::BlockedSums<1>(n, threads, blocks1, [&](VertexId v, auto& acc) {
      s[v] = apply(q, p, v);
      acc[0] += p[v] * s[v];
    })[0];
    const double step = rr / ps;
    sums = detail::BlockedSums<3>(n, threads, blocks, [&](VertexId v, auto& acc) {
      z[v] += step * p[v];
      r[v] -= step * s[v];
      acc[0] += r[v] * r[v];
      acc[1] += root[v] * z[v];
      acc[2] += root[v] * std::fabs(r[v]);
    });
    const double beta = sums[0] / rr;
#pragma omp parallel for num_threads(threads) schedule(static, 65536)
    for (VertexId v = 0; v < n; ++v) {
      p[v] = r[v] + beta * p[v];
      q[v] = inv_root[v] * p[v];
    }
  }
  throw NotConverged(o);
}

}  // namespace

std::vector<double> PageRank(const Snapshot& s, const CentralityOptions& o) {
  detail::CheckIterationOptions(o, "pagerank");
  const uint32_t n = s.vertex_count();
  if (n == 0) return {};
  const int threads = detail::ThreadCount(o.threads);
  detail::SimpleOptions so;
  so.side = detail::Side::kIn;
  so.strength = o.weighted;
  const detail::SimpleGraph g = detail::BuildSimple(s, so, threads);
  if (!s.directed() && o.damping <= kMaxSymmetricDamping) {
    const int t = g.entries() + n < (1u << 18) ? 1 : threads;
    return PageRankSymmetric(g, o, t);
  }

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
  std::vector<std::array<double, 2>> blocks;
  const int t = g.entries() + n < (1u << 18) ? 1 : threads;
  const uint64_t* off = g.off.data();
  const VertexId* adj = g.adj.data();
  const double* w = o.weighted ? g.strength.data() : nullptr;

  for (uint32_t it = 0; it < o.max_iterations; ++it) {
    ThrowIfInterrupted();
    const double jump = dangling_sum / nd;
    const double teleport = (1.0 - alpha) / nd;
    // sums[0]: the L1 change; sums[1]: the new dangling mass.
    const std::array<double, 2> sums = detail::BlockedSums<2>(n, t, blocks, [&](VertexId v, auto& acc) {
      const double xv = alpha * (detail::Gather(off, adj, w, y, v, 0.0) + jump) + teleport;
      next[v] = xv;
      y_next[v] = xv * inverse[v];
      acc[0] += std::fabs(xv - x[v]);
      if (dangling[v]) acc[1] += xv;
    });
    x.swap(next);
    y.swap(y_next);
    dangling_sum = sums[1];
    if (sums[0] < nd * o.tolerance) return x;
  }
  throw NotConverged(o);
}

}  // namespace linkscope
