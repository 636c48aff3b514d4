// Helpers for the community-detection tests: small graphs built inline, random graphs with the
// awkward cases (loops, parallel links, weights, isolates), the benchmark graphs, and plain
// O(n^2) verifiers that share no code with the engine.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/algo/community.hpp"
#include "linkscope/algo/quality.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope::testing {

struct Edge {
  std::string a, b;
  double w = 1.0;
};

// Entities "v0".."v{n-1}" (kind person) and undirected links.
inline std::shared_ptr<const Model> ModelOf(uint32_t n, const std::vector<Edge>& edges,
                                            bool directed = false) {
  Graph g;
  std::vector<EntityInput> ents;
  for (uint32_t i = 0; i < n; ++i) ents.push_back(Ent(Id(i), "person"));
  std::vector<LinkInput> links;
  for (const Edge& e : edges) {
    LinkInput l;
    l.from = e.a;
    l.to = e.b;
    l.type = "associate";
    l.directed = directed;
    l.weight = e.w;
    links.push_back(l);
  }
  g.Add(ents, links);
  return g.shared_model();
}

// The external id of test vertex i: testing::Id (test_util.hpp) under the short name these
// tests use.
inline std::string V(uint32_t i) { return Id(i); }

// Two cliques of `k` joined by one edge.
inline std::vector<Edge> TwoCliques(uint32_t k) {
  std::vector<Edge> e;
  for (uint32_t c = 0; c < 2; ++c) {
    for (uint32_t i = 0; i < k; ++i) {
      for (uint32_t j = i + 1; j < k; ++j) e.push_back({V(c * k + i), V(c * k + j)});
    }
  }
  e.push_back({V(0), V(k)});
  return e;
}

// A ring of `r` cliques of `k`, neighbouring cliques joined by one edge (the resolution-limit
// example of Fortunato & Barthélemy 2007).
inline std::vector<Edge> RingOfCliques(uint32_t r, uint32_t k) {
  std::vector<Edge> e;
  for (uint32_t c = 0; c < r; ++c) {
    for (uint32_t i = 0; i < k; ++i) {
      for (uint32_t j = i + 1; j < k; ++j) e.push_back({V(c * k + i), V(c * k + j)});
    }
    e.push_back({V(c * k), V(((c + 1) % r) * k + 1)});
  }
  return e;
}

// A random graph with clusters, isolates, self-loops, parallel links and (optionally) weights.
inline std::vector<Edge> RandomEdges(Rng& rng, uint32_t n, bool weighted) {
  std::vector<Edge> e;
  if (n == 0) return e;
  const uint32_t groups = 1 + static_cast<uint32_t>(rng.Below(6));
  const uint64_t m = rng.Below(4 * static_cast<uint64_t>(n) + 1);
  for (uint64_t i = 0; i < m; ++i) {
    const auto a = static_cast<uint32_t>(rng.Below(n));
    uint32_t b = static_cast<uint32_t>(rng.Below(n));
    if (rng.Chance(0.7)) b = static_cast<uint32_t>((a / groups) * groups + rng.Below(groups)) % n;
    if (rng.Chance(0.03)) b = a;  // a self-loop
    const double w = weighted ? static_cast<double>(1 + rng.Below(5)) * 0.5 : 1.0;
    for (int copies = rng.Chance(0.08) ? 2 : 1; copies > 0; --copies) e.push_back({V(a), V(b), w});
  }
  return e;
}

// The snapshot read as an undirected weighted adjacency matrix (loops on the diagonal counted
// twice, as every engine does): the verifiers below work on it.
inline std::vector<std::vector<double>> Matrix(const Snapshot& s) {
  const uint32_t n = s.vertex_count();
  std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
  for (VertexId v = 0; v < n; ++v) {
    const auto out = s.Out(v);
    const auto w = s.OutWeights(v);
    for (size_t i = 0; i < out.size(); ++i) {
      const double x = w.empty() ? 1.0 : w[i];
      if (s.directed()) {
        a[v][out[i]] += x;
        a[out[i]][v] += x;
      } else {
        a[v][out[i]] += x;
      }
    }
  }
  return a;
}

// Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), straight from the definition.
inline double NaiveModularity(const Snapshot& s, const std::vector<uint32_t>& c, double gamma) {
  const auto a = Matrix(s);
  const size_t n = a.size();
  std::vector<double> k(n, 0.0);
  double two_m = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) k[i] += a[i][j];
    two_m += k[i];
  }
  if (two_m == 0) return 0;
  double q = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (c[i] == c[j]) q += a[i][j] - gamma * k[i] * k[j] / two_m;
    }
  }
  return q / two_m;
}

// H = Σ_c [e_c − γ n_c (n_c − 1) / 2], from pairs: each pair of members costs γ.
inline double NaiveCpm(const Snapshot& s, const std::vector<uint32_t>& c, double gamma) {
  const auto a = Matrix(s);
  const size_t n = a.size();
  double h = 0;
  for (size_t i = 0; i < n; ++i) {
    h += a[i][i] / 2;  // loops (counted twice on the diagonal)
    for (size_t j = i + 1; j < n; ++j) {
      if (c[i] == c[j]) h += a[i][j] - gamma;
    }
  }
  return h;
}

// True when no single vertex can move to another community (or a new one) and raise the
// objective: the local optimum local moving promises.
inline bool NoImprovingMove(const Snapshot& s, const std::vector<uint32_t>& c, Objective o,
                            double gamma, double tol = 1e-9) {
  const auto a = Matrix(s);
  const size_t n = a.size();
  std::vector<uint32_t> trial = c;
  const double base =
      o == Objective::kModularity ? NaiveModularity(s, c, gamma) : NaiveCpm(s, c, gamma);
  uint32_t fresh = 0;
  for (const uint32_t x : c) fresh = std::max(fresh, x + 1);
  for (size_t v = 0; v < n; ++v) {
    std::vector<uint32_t> targets{fresh};
    for (size_t u = 0; u < n; ++u) {
      if (a[v][u] > 0 && c[u] != c[v]) targets.push_back(c[u]);
    }
    for (const uint32_t t : targets) {
      trial[v] = t;
      const double q = o == Objective::kModularity ? NaiveModularity(s, trial, gamma)
                                                   : NaiveCpm(s, trial, gamma);
      if (q > base + tol * (1 + std::abs(base))) return false;
    }
    trial[v] = c[v];
  }
  return true;
}

// What every community result promises: one label per vertex, sizes by decreasing size, the
// reported quality and modularity equal to a recomputation, and levels (finest first, the last
// the membership) that nest, each with its own quality and connected communities.
inline void ExpectConsistent(const Snapshot& s, const Communities& c, Objective objective,
                             double resolution) {
  const uint32_t n = s.vertex_count();
  ASSERT_EQ(c.membership.size(), n);
  ASSERT_FALSE(c.levels.empty());
  EXPECT_EQ(c.levels.back().membership, c.membership);
  std::vector<uint64_t> sizes(c.count(), 0);
  for (const uint32_t x : c.membership) {
    ASSERT_LT(x, c.count());
    ++sizes[x];
  }
  EXPECT_EQ(sizes, c.sizes);
  EXPECT_TRUE(std::is_sorted(c.sizes.rbegin(), c.sizes.rend()));
  EXPECT_NEAR(c.quality, Quality(s, c.membership, objective, resolution),
              1e-9 * (1 + std::abs(c.quality)));
  EXPECT_NEAR(c.modularity, Modularity(s, c.membership), 1e-9);
  for (size_t l = 0; l < c.levels.size(); ++l) {
    const CommunityLevel& level = c.levels[l];
    EXPECT_TRUE(DisconnectedCommunities(s, level.membership).empty()) << "level " << l;
    EXPECT_NEAR(level.quality, Quality(s, level.membership, objective, resolution),
                1e-9 * (1 + std::abs(level.quality)));
    if (l + 1 == c.levels.size()) break;
    std::vector<uint32_t> up(level.count, kNone32);
    for (uint32_t v = 0; v < n; ++v) {
      uint32_t& u = up[level.membership[v]];
      if (u == kNone32) u = c.levels[l + 1].membership[v];
      EXPECT_EQ(u, c.levels[l + 1].membership[v]) << "level " << l << " is not nested";
    }
  }
}

// Loads a benchmark graph from the shared datasets, unweighted (the published optima are).
inline Snapshot Benchmark(const std::string& relative) {
  Graph g;
  g.Load({Dataset(relative)});
  SnapshotOptions o;
  o.weights = false;
  return g.TakeSnapshot(o);
}

}  // namespace linkscope::testing
