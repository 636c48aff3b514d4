// Degree centrality: the number of distinct neighbours (networkx's degree_centrality,
// in_degree_centrality and out_degree_centrality: divided by n - 1 when normalized), or, when
// weighted, the strength: the sum of the weights of the vertex's links (no networkx counterpart
// when normalized; it is divided by n - 1 as well). Self-loops are ignored; on directed
// snapshots kAll is in + out, so a pair linked both ways counts twice, as in networkx's
// DiGraph.degree. O(n + m), parallel over vertices, no reductions.
#include <omp.h>

#include <span>

#include "algo/community_graph.hpp"
#include "linkscope/centrality/centrality.hpp"

namespace linkscope {
namespace {

// Distinct neighbours u != v of a sorted list, or the sum of the weights of its non-loop entries.
double ListDegree(VertexId v, std::span<const VertexId> list, std::span<const double> weights,
                  bool weighted) {
  double d = 0;
  VertexId prev = kNoVertex;
  for (size_t i = 0; i < list.size(); ++i) {
    const VertexId u = list[i];
    if (u != v) {
      if (weighted) {
        d += weights.empty() ? 1.0 : weights[i];
      } else if (u != prev) {
        d += 1.0;
      }
    }
    prev = u;
  }
  return d;
}

}  // namespace

std::vector<double> DegreeCentrality(const Snapshot& s, DegreeMode mode,
                                     const CentralityOptions& o) {
  const uint32_t n = s.vertex_count();
  std::vector<double> d(n);
  const bool out = !s.directed() || mode != DegreeMode::kIn;
  const bool in = s.directed() && mode != DegreeMode::kOut;
  const int t = s.out_targets().size() < (1u << 20) ? 1 : detail::ThreadCount(o.threads);
  const double scale = n <= 1 ? 1.0 : 1.0 / (n - 1.0);
#pragma omp parallel for num_threads(t) schedule(static, 4096)
  for (uint32_t v = 0; v < n; ++v) {
    double x = 0;
    if (out) x += ListDegree(v, s.Out(v), s.OutWeights(v), o.weighted);
    if (in) x += ListDegree(v, s.In(v), s.InWeights(v), o.weighted);
    // networkx gives the single vertex of a one-vertex graph 1.
    d[v] = !o.normalized ? x : n <= 1 ? 1.0 : x * scale;
  }
  return d;
}

}  // namespace linkscope
