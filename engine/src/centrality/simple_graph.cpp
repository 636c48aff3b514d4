#include "centrality/simple_graph.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "linkscope/core/error.hpp"

namespace linkscope::detail {
namespace {

// Below this many adjacency entries the build runs on one thread.
constexpr uint64_t kParallelEntries = 1u << 20;

struct List {
  const VertexId* adj;
  const double* w;  // nullptr: every weight is 1
  uint64_t size;
};

List OutList(const Snapshot& s, VertexId v) {
  const auto a = s.Out(v);
  const auto w = s.OutWeights(v);
  return {a.data(), w.empty() ? nullptr : w.data(), a.size()};
}

List InList(const Snapshot& s, VertexId v) {
  const auto a = s.In(v);
  const auto w = s.InWeights(v);
  return {a.data(), w.empty() ? nullptr : w.data(), a.size()};
}

// Visits the distinct neighbours u != v of one or two sorted lists, with the smallest and the
// summed weight of the entries for u: f(u, min_w, sum_w).
template <typename F>
void Merge(VertexId v, List a, List b, F&& f) {
  uint64_t i = 0;
  uint64_t j = 0;
  while (i < a.size || j < b.size) {
    VertexId u;
    if (j >= b.size || (i < a.size && a.adj[i] <= b.adj[j])) {
      u = a.adj[i];
    } else {
      u = b.adj[j];
    }
    double lo = HUGE_VAL;
    double sum = 0;
    for (; i < a.size && a.adj[i] == u; ++i) {
      const double w = a.w ? a.w[i] : 1.0;
      lo = std::min(lo, w);
      sum += w;
    }
    for (; j < b.size && b.adj[j] == u; ++j) {
      const double w = b.w ? b.w[j] : 1.0;
      lo = std::min(lo, w);
      sum += w;
    }
    if (u != v) f(u, lo, sum);
  }
}

}  // namespace

SimpleGraph BuildSimple(const Snapshot& s, const SimpleOptions& options, int threads) {
  SimpleGraph g;
  const uint32_t n = s.vertex_count();
  g.n = n;
  g.off.assign(static_cast<size_t>(n) + 1, 0);
  const bool both = s.directed() && options.side == Side::kBoth;
  const bool in = s.directed() && options.side == Side::kIn;
  const List empty{nullptr, nullptr, 0};
  auto lists = [&](VertexId v, List* a, List* b) {
    *a = in ? InList(s, v) : OutList(s, v);
    *b = both ? InList(s, v) : empty;
  };
  const uint64_t raw = both ? 2 * s.out_targets().size() : s.out_targets().size();
  const int t = raw < kParallelEntries ? 1 : threads;

#pragma omp parallel for num_threads(t) schedule(dynamic, 4096)
  for (uint32_t v = 0; v < n; ++v) {
    List a;
    List b;
    lists(v, &a, &b);
    uint64_t count = 0;
    Merge(v, a, b, [&](VertexId, double, double) { ++count; });
    g.off[v + 1] = count;
  }
  for (uint32_t v = 0; v < n; ++v) g.off[v + 1] += g.off[v];
  const uint64_t m = g.off[n];
  g.adj.resize(m);
  if (options.distance) g.distance.resize(m);
  if (options.strength) g.strength.resize(m);

#pragma omp parallel for num_threads(t) schedule(dynamic, 4096)
  for (uint32_t v = 0; v < n; ++v) {
    List a;
    List b;
    lists(v, &a, &b);
    uint64_t p = g.off[v];
    Merge(v, a, b, [&](VertexId u, double lo, double sum) {
      g.adj[p] = u;
      if (options.distance) g.distance[p] = lo;
      if (options.strength) g.strength[p] = sum;
      ++p;
    });
  }
  return g;
}

void CheckIterationOptions(const CentralityOptions& o, const char* measure) {
  const std::string m = measure;
  if (!(o.damping >= 0.0 && o.damping <= 1.0)) {
    throw UsageError(m + ": damping must be in [0, 1], got " + std::to_string(o.damping));
  }
  if (!(o.tolerance > 0.0) || !std::isfinite(o.tolerance)) {
    throw UsageError(m + ": tolerance must be a positive number, got " +
                     std::to_string(o.tolerance));
  }
  if (o.max_iterations == 0) throw UsageError(m + ": max_iterations must be at least 1");
}

}  // namespace linkscope::detail
