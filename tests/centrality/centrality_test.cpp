// The centrality kernels against plain verifiers that follow the definitions (all-pairs
// distances and path counts by Floyd-Warshall; PageRank as a dense linear system; the
// eigenvector equation; cut vertices and bridges by deleting each one and counting components),
// on random small graphs with parallel links, self-loops, isolates, weights and directions;
// plus the karate club's published betweenness, thread-count invariance, seeded sampling, the
// edge cases and invalid options.
#include "linkscope/centrality/centrality.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Id;

struct Edge {
  uint32_t a, b;
  double w;
};

// A graph given by its link records, so the verifier sees exactly what the snapshot is built from.
struct Case {
  uint32_t n = 0;
  std::vector<Edge> links;
  bool directed = false;

  Snapshot Snap(bool weights = true) const {
    std::vector<EntityInput> ents;
    for (uint32_t i = 0; i < n; ++i) ents.push_back(Ent(Id(i)));
    std::vector<LinkInput> ls;
    for (const Edge& e : links) {
      LinkInput l;
      l.from = Id(e.a);
      l.to = Id(e.b);
      l.type = "link";
      l.directed = directed;
      l.weight = e.w;
      ls.push_back(l);
    }
    Graph g;
    g.Add(ents, ls);
    SnapshotOptions o;
    o.directed = directed;
    o.weights = weights;
    Snapshot s = g.TakeSnapshot(o);
    // The tests index by case vertex: entity i must be vertex i.
    for (uint32_t i = 0; i < n; ++i) EXPECT_EQ(s.ExternalId(i), Id(i));
    return s;
  }
};

Case Random(uint32_t n, uint32_t m, bool directed, uint64_t seed, bool integer_weights = true) {
  Rng rng(seed);
  Case c;
  c.n = n;
  c.directed = directed;
  for (uint32_t i = 0; i < m; ++i) {
    const auto a = static_cast<uint32_t>(rng.Below(n));
    auto b = static_cast<uint32_t>(rng.Below(n));
    if (rng.Below(20) == 0) b = a;  // a self-loop now and then
    const double w = integer_weights ? static_cast<double>(1 + rng.Below(3))
                                     : 0.5 + static_cast<double>(rng.Below(1000)) / 997.0;
    c.links.push_back({a, b, w});
    if (rng.Below(8) == 0) c.links.push_back({a, b, w + 1});  // a parallel link
  }
  return c;
}

// ---- Verifier: the simple graph by definition (pairs, min distance, summed strength). ----
struct Dense {
  uint32_t n;
  std::vector<std::vector<double>> dist1;  // edge distance u->v, inf when none
  std::vector<std::vector<double>> str;    // edge strength u->v, 0 when none
};

Dense MakeDense(const Case& c, bool weighted) {
  Dense d{c.n, std::vector<std::vector<double>>(c.n, std::vector<double>(c.n, HUGE_VAL)),
          std::vector<std::vector<double>>(c.n, std::vector<double>(c.n, 0.0))};
  auto add = [&](uint32_t a, uint32_t b, double w) {
    if (a == b) return;
    d.dist1[a][b] = std::min(d.dist1[a][b], weighted ? w : 1.0);
    d.str[a][b] += weighted ? w : 0.0;
    if (!weighted) d.str[a][b] = 1.0;
  };
  for (const Edge& e : c.links) {
    add(e.a, e.b, e.w);
    if (!c.directed) add(e.b, e.a, e.w);
  }
  return d;
}

struct AllPairs {
  std::vector<std::vector<double>> d;      // d[s][t]
  std::vector<std::vector<double>> sigma;  // shortest-path counts
};

AllPairs Floyd(const Dense& g) {
  const uint32_t n = g.n;
  AllPairs r{g.dist1, std::vector<std::vector<double>>(n, std::vector<double>(n, 0.0))};
  for (uint32_t v = 0; v < n; ++v) r.d[v][v] = 0;
  for (uint32_t k = 0; k < n; ++k)
    for (uint32_t i = 0; i < n; ++i)
      for (uint32_t j = 0; j < n; ++j) r.d[i][j] = std::min(r.d[i][j], r.d[i][k] + r.d[k][j]);
  // sigma(s, t) = sum over last hops u -> t on a shortest path, in order of distance from s.
  for (uint32_t s = 0; s < n; ++s) {
    std::vector<uint32_t> by(n);
    for (uint32_t i = 0; i < n; ++i) by[i] = i;
    std::sort(by.begin(), by.end(), [&](uint32_t a, uint32_t b) { return r.d[s][a] < r.d[s][b]; });
    r.sigma[s][s] = 1;
    for (uint32_t t : by) {
      if (t == s || r.d[s][t] == HUGE_VAL) continue;
      for (uint32_t u = 0; u < n; ++u) {
        if (g.dist1[u][t] != HUGE_VAL && r.d[s][u] + g.dist1[u][t] == r.d[s][t]) {
          r.sigma[s][t] += r.sigma[s][u];
        }
      }
    }
  }
  return r;
}

// Raw (unnormalised) betweenness as networkx defines it: over ordered pairs, halved when
// undirected.
std::vector<double> BruteBetweenness(const Dense& g, const AllPairs& ap, bool directed,
                                     bool endpoints) {
  const uint32_t n = g.n;
  std::vector<double> b(n, 0.0);
  for (uint32_t s = 0; s < n; ++s)
    for (uint32_t t = 0; t < n; ++t) {
      if (s == t || ap.d[s][t] == HUGE_VAL) continue;
      for (uint32_t v = 0; v < n; ++v) {
        if (v == s || v == t) {
          if (endpoints) b[v] += 1;
        } else if (ap.d[s][v] + ap.d[v][t] == ap.d[s][t]) {
          b[v] += ap.sigma[s][v] * ap.sigma[v][t] / ap.sigma[s][t];
        }
      }
    }
  if (!directed)
    for (double& x : b) x *= 0.5;
  return b;
}

// Raw edge betweenness of the pair (u, v) (both directions when undirected).
double BruteEdge(const Dense& g, const AllPairs& ap, bool directed, uint32_t u, uint32_t v) {
  const uint32_t n = g.n;
  double x = 0;
  auto flow = [&](uint32_t a, uint32_t b) {
    if (g.dist1[a][b] == HUGE_VAL) return;
    for (uint32_t s = 0; s < n; ++s)
      for (uint32_t t = 0; t < n; ++t) {
        if (s == t || ap.d[s][t] == HUGE_VAL) continue;
        if (ap.d[s][a] + g.dist1[a][b] + ap.d[b][t] == ap.d[s][t]) {
          x += ap.sigma[s][a] * ap.sigma[b][t] / ap.sigma[s][t];
        }
      }
  };
  flow(u, v);
  if (!directed) {
    flow(v, u);
    x *= 0.5;
  }
  return x;
}

void ExpectNear(const std::vector<double>& got, const std::vector<double>& want, double tol,
                const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::fabs(want[i])))
        << what << " vertex " << i;
  }
}

struct Shape {
  uint32_t n, m;
  bool directed;
};
constexpr Shape kShapes[] = {{1, 0, false},   {2, 1, false}, {7, 9, false},  {12, 30, false},
                             {15, 14, false}, {9, 14, true}, {14, 40, true}, {16, 12, true}};

TEST(Betweenness, MatchesAllPairsDefinitionOnRandomGraphs) {
  for (const Shape& sh : kShapes) {
    for (uint64_t seed = 0; seed < 6; ++seed) {
      for (bool weighted : {false, true}) {
        SCOPED_TRACE(::testing::Message() << "n=" << sh.n << " m=" << sh.m << " directed="
                                          << sh.directed << " seed=" << seed << " w=" << weighted);
        const Case c = Random(sh.n, sh.m, sh.directed, seed);
        const Snapshot s = c.Snap();
        const Dense g = MakeDense(c, weighted);
        const AllPairs ap = Floyd(g);
        for (bool endpoints : {false, true}) {
          CentralityOptions o;
          o.weighted = weighted;
          o.normalized = false;
          o.endpoints = endpoints;
          o.edge_scores = true;
          o.threads = 1;
          const BetweennessScores b = Betweenness(s, o);
          ExpectNear(b.vertex, BruteBetweenness(g, ap, c.directed, endpoints), 1e-9, "vertex");
          ASSERT_EQ(b.edge.size(), s.edge_count());
          for (EdgeId e = 0; e < s.edge_count(); ++e) {
            const auto [u, v] = s.Endpoints(e);
            const double want = u == v ? 0.0 : BruteEdge(g, ap, c.directed, u, v);
            EXPECT_NEAR(b.edge[e], want, 1e-9 * std::max(1.0, want)) << "edge " << e;
          }
        }
      }
    }
  }
}

TEST(Betweenness, NormalisationIsNetworkx) {
  const Case c = Random(11, 25, false, 3);
  const Snapshot s = c.Snap();
  CentralityOptions raw;
  raw.normalized = false;
  raw.edge_scores = true;
  const BetweennessScores r = Betweenness(s, raw);
  CentralityOptions norm;
  norm.edge_scores = true;
  const BetweennessScores x = Betweenness(s, norm);
  const double n = 11;
  for (uint32_t v = 0; v < 11; ++v) {
    EXPECT_NEAR(x.vertex[v], r.vertex[v] * 2 / ((n - 1) * (n - 2)), 1e-12);
  }
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    EXPECT_NEAR(x.edge[e], r.edge[e] * 2 / (n * (n - 1)), 1e-12);
  }
}

// Star: the centre lies on every path between leaves.
TEST(Betweenness, StarAndPath) {
  Case star;
  star.n = 6;
  for (uint32_t i = 1; i < 6; ++i) star.links.push_back({0, i, 1});
  const BetweennessScores b = Betweenness(star.Snap(), {});
  EXPECT_DOUBLE_EQ(b.vertex[0], 1.0);
  for (uint32_t i = 1; i < 6; ++i) EXPECT_DOUBLE_EQ(b.vertex[i], 0.0);
  Case path;
  path.n = 4;
  path.links = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  CentralityOptions raw;
  raw.normalized = false;
  raw.edge_scores = true;
  const BetweennessScores p = Betweenness(path.Snap(), raw);
  EXPECT_EQ(p.vertex, (std::vector<double>{0, 2, 2, 0}));
  EXPECT_EQ(p.edge, (std::vector<double>{3, 4, 3}));
}

TEST(Betweenness, EdgeCases) {
  Case empty;
  const Snapshot s0 = empty.Snap();
  const BetweennessScores b0 = Betweenness(s0, {});
  EXPECT_TRUE(b0.vertex.empty());
  EXPECT_TRUE(b0.edge.empty());
  EXPECT_TRUE(Closeness(s0, {}).empty());
  EXPECT_TRUE(Harmonic(s0, {}).empty());
  EXPECT_TRUE(PageRank(s0, {}).empty());
  EXPECT_TRUE(Eigenvector(s0, {}).empty());
  EXPECT_TRUE(DegreeCentrality(s0, DegreeMode::kAll, {}).empty());
  EXPECT_TRUE(ArticulationPoints(s0).empty());
  EXPECT_TRUE(Bridges(s0).empty());

  Case isolates;
  isolates.n = 5;
  isolates.links = {{2, 2, 1}};  // only a loop
  const Snapshot s1 = isolates.Snap();
  EXPECT_EQ(Betweenness(s1, {}).vertex, std::vector<double>(5, 0.0));
  CentralityOptions with_edges;
  with_edges.edge_scores = true;
  EXPECT_EQ(Betweenness(s1, with_edges).edge, std::vector<double>(1, 0.0));
  EXPECT_TRUE(Betweenness(s1, {}).edge.empty());
  EXPECT_EQ(Closeness(s1, {}), std::vector<double>(5, 0.0));
  EXPECT_EQ(Harmonic(s1, {}), std::vector<double>(5, 0.0));
  ExpectNear(PageRank(s1, {}), std::vector<double>(5, 0.2), 1e-12, "pagerank");
  ExpectNear(Eigenvector(s1, {}), std::vector<double>(5, 1 / std::sqrt(5.0)), 1e-12, "eig");
  EXPECT_EQ(DegreeCentrality(s1, DegreeMode::kAll, {}), std::vector<double>(5, 0.0));

  Case single;
  single.n = 1;
  EXPECT_EQ(DegreeCentrality(single.Snap(), DegreeMode::kAll, {}), std::vector<double>{1.0});
}

TEST(Betweenness, ThreadCountDoesNotChangeAnyBit) {
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      const Case c = Random(400, 1600, directed, 7 + directed, false);
      const Snapshot s = c.Snap();
      CentralityOptions o;
      o.weighted = weighted;
      o.edge_scores = true;
      o.threads = 1;
      const BetweennessScores one = Betweenness(s, o);
      o.threads = 2;
      const BetweennessScores two = Betweenness(s, o);
      EXPECT_EQ(one.vertex, two.vertex);
      EXPECT_EQ(one.edge, two.edge);
      o.threads = 1;
      EXPECT_EQ(Closeness(s, o), (o.threads = 2, Closeness(s, o)));
      o.threads = 1;
      EXPECT_EQ(Harmonic(s, o), (o.threads = 2, Harmonic(s, o)));
    }
  }
}

TEST(Betweenness, SampledIsSeededAndExactWithAllPivots) {
  const Case c = Random(60, 150, false, 11);
  const Snapshot s = c.Snap();
  const BetweennessScores exact = Betweenness(s, {});
  CentralityOptions o;
  o.pivots = 20;
  o.seed = 5;
  o.edge_scores = true;
  const BetweennessScores a = Betweenness(s, o);
  o.threads = 1;
  const BetweennessScores b = Betweenness(s, o);
  EXPECT_EQ(a.vertex, b.vertex);
  EXPECT_EQ(a.edge, b.edge);
  o.seed = 6;
  EXPECT_NE(Betweenness(s, o).vertex, a.vertex);
  o.pivots = 60;
  const BetweennessScores all = Betweenness(s, o);
  ExpectNear(all.vertex, exact.vertex, 1e-12, "all pivots");
  // The estimate is unbiased: the mean over many seeds approaches the exact values.
  o.pivots = 15;
  std::vector<double> mean(60, 0.0);
  constexpr int kRuns = 400;
  for (int r = 0; r < kRuns; ++r) {
    o.seed = static_cast<uint64_t>(100 + r);
    const BetweennessScores x = Betweenness(s, o);
    for (uint32_t v = 0; v < 60; ++v) mean[v] += x.vertex[v] / kRuns;
  }
  for (uint32_t v = 0; v < 60; ++v) EXPECT_NEAR(mean[v], exact.vertex[v], 0.02) << v;
}

TEST(Betweenness, RejectsTooManyPivots) {
  const Snapshot s = Random(5, 5, false, 1).Snap();
  CentralityOptions o;
  o.pivots = 6;
  try {
    Betweenness(s, o);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("pivots"), std::string::npos) << e.what();
  }
}

TEST(Betweenness, FromSourcesSumsOnlyTheirPaths) {
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      const Case c = Random(14, 35, directed, 21 + directed);
      const Snapshot s = c.Snap();
      const Dense g = MakeDense(c, weighted);
      const AllPairs ap = Floyd(g);
      const std::vector<VertexId> sources = {9, 2, 5, 2};  // unsorted, with a repeat
      std::vector<double> want(c.n, 0.0);
      for (const VertexId src : {2u, 5u, 9u}) {
        for (uint32_t t = 0; t < c.n; ++t) {
          if (t == src || ap.d[src][t] == HUGE_VAL) continue;
          for (uint32_t v = 0; v < c.n; ++v) {
            if (v != src && v != t && ap.d[src][v] + ap.d[v][t] == ap.d[src][t]) {
              want[v] += ap.sigma[src][v] * ap.sigma[v][t] / ap.sigma[src][t];
            }
          }
        }
      }
      if (!directed)
        for (double& x : want) x *= 0.5;
      CentralityOptions o;
      o.weighted = weighted;
      o.normalized = false;
      ExpectNear(BetweennessFromSources(s, sources, o).vertex, want, 1e-9, "from sources");
      const std::vector<VertexId> bad = {14};
      EXPECT_THROW(BetweennessFromSources(s, bad, o), UsageError);
    }
  }
}

TEST(Betweenness, KarateClubPublishedValues) {
  LINKSCOPE_REQUIRE_DATASETS();
  Graph g;
  g.Load({testing::Dataset("bench_karate/karate_edges.csv")});
  const Snapshot s = g.TakeSnapshot();
  const BetweennessScores b = Betweenness(s, {});
  EXPECT_NEAR(b.vertex[s.VertexOfId("1")], 0.4376, 5e-5);
  EXPECT_NEAR(b.vertex[s.VertexOfId("34")], 0.3041, 5e-5);
}

TEST(ClosenessHarmonic, MatchAllPairsDefinition) {
  for (const Shape& sh : kShapes) {
    for (uint64_t seed = 0; seed < 6; ++seed) {
      for (bool weighted : {false, true}) {
        SCOPED_TRACE(::testing::Message() << "n=" << sh.n << " directed=" << sh.directed
                                          << " seed=" << seed << " w=" << weighted);
        const Case c = Random(sh.n, sh.m, sh.directed, seed, false);
        const Snapshot s = c.Snap();
        const AllPairs ap = Floyd(MakeDense(c, weighted));
        std::vector<double> close(c.n, 0.0), close_raw(c.n, 0.0), harm(c.n, 0.0);
        for (uint32_t v = 0; v < c.n; ++v) {
          double total = 0;
          double reached = 0;
          for (uint32_t u = 0; u < c.n; ++u) {
            if (u == v || ap.d[u][v] == HUGE_VAL) continue;  // incoming distance u -> v
            total += ap.d[u][v];
            reached += 1;
            harm[v] += 1 / ap.d[u][v];
          }
          if (total > 0) {
            close_raw[v] = reached / total;
            close[v] = close_raw[v] * reached / (c.n - 1);
          }
        }
        CentralityOptions o;
        o.weighted = weighted;
        ExpectNear(Closeness(s, o), close, 1e-12, "closeness");
        ExpectNear(Harmonic(s, o), harm, 1e-12, "harmonic");
        o.normalized = false;
        ExpectNear(Closeness(s, o), close_raw, 1e-12, "closeness wf_improved=false");
      }
    }
  }
}

// PageRank as the solution of (I - d M) x = (1 - d) / n, M the column-stochastic walk matrix
// with dangling columns spread uniformly; dense Gaussian elimination.
std::vector<double> DensePageRank(const Dense& g, double d) {
  const uint32_t n = g.n;
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0.0));
  for (uint32_t u = 0; u < n; ++u) {
    double out = 0;
    for (uint32_t v = 0; v < n; ++v) out += g.str[u][v];
    for (uint32_t v = 0; v < n; ++v) {
      const double m = out == 0 ? 1.0 / n : g.str[u][v] / out;
      a[v][u] -= d * m;
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    a[v][v] += 1;
    a[v][n] = (1 - d) / n;
  }
  for (uint32_t c = 0; c < n; ++c) {
    uint32_t piv = c;
    for (uint32_t r = c + 1; r < n; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
    std::swap(a[c], a[piv]);
    for (uint32_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c] / a[c][c];
      for (uint32_t k = c; k <= n; ++k) a[r][k] -= f * a[c][k];
    }
  }
  std::vector<double> x(n);
  for (uint32_t v = 0; v < n; ++v) x[v] = a[v][n] / a[v][v];
  return x;
}

TEST(PageRank, SolvesTheLinearSystem) {
  for (const Shape& sh : kShapes) {
    for (uint64_t seed = 0; seed < 6; ++seed) {
      for (bool weighted : {false, true}) {
        SCOPED_TRACE(::testing::Message() << "n=" << sh.n << " directed=" << sh.directed
                                          << " seed=" << seed << " w=" << weighted);
        const Case c = Random(sh.n, sh.m, sh.directed, seed, false);
        CentralityOptions o;
        o.weighted = weighted;
        o.tolerance = 1e-15;
        o.damping = seed % 2 ? 0.85 : 0.6;
        const std::vector<double> x = PageRank(c.Snap(), o);
        ExpectNear(x, DensePageRank(MakeDense(c, weighted), o.damping), 1e-10, "pagerank");
        double sum = 0;
        for (double v : x) sum += v;
        EXPECT_NEAR(sum, 1.0, 1e-12);
      }
    }
  }
}

// On a connected undirected graph the Perron vector is unique: check x > 0, |x| = 1 and
// A x = lambda x.
TEST(Eigenvector, SatisfiesTheEigenEquation) {
  for (uint64_t seed = 0; seed < 10; ++seed) {
    for (bool weighted : {false, true}) {
      Case c = Random(20, 50, false, seed, false);
      for (uint32_t i = 0; i + 1 < c.n; ++i) c.links.push_back({i, i + 1, 1.5});  // connected
      c.links.push_back({0, 2, 1});                                               // odd cycle
      CentralityOptions o;
      o.weighted = weighted;
      o.tolerance = 1e-15;
      o.max_iterations = 100000;
      const std::vector<double> x = Eigenvector(c.Snap(), o);
      const Dense g = MakeDense(c, weighted);
      std::vector<double> ax(c.n, 0.0);
      double norm = 0;
      double lambda = 0;
      for (uint32_t v = 0; v < c.n; ++v) {
        for (uint32_t u = 0; u < c.n; ++u) ax[v] += g.str[u][v] * x[u];
        norm += x[v] * x[v];
        lambda += x[v] * ax[v];
        EXPECT_GT(x[v], 0);
      }
      EXPECT_NEAR(norm, 1.0, 1e-12);
      for (uint32_t v = 0; v < c.n; ++v) EXPECT_NEAR(ax[v], lambda * x[v], 1e-9) << v;
    }
  }
}

// Damping 1 on an undirected graph: no teleport, the conjugate-gradient system is singular, so
// the power iteration runs; on a connected non-bipartite graph it converges to the random
// walk's stationary distribution, degree / 2m (networkx gives the same).
TEST(IterativeMeasures, PageRankWithoutTeleportIsTheDegreeShare) {
  Case c;
  c.n = 4;  // triangle 0-1-2 and a pendant 3 on 2
  c.links = {{0, 1, 1.0}, {1, 2, 1.0}, {2, 0, 1.0}, {2, 3, 1.0}};
  CentralityOptions o;
  o.damping = 1.0;
  o.tolerance = 1e-13;
  o.max_iterations = 100000;
  const Snapshot s = c.Snap();
  const std::vector<double> x = PageRank(s, o);
  const double expected[] = {0.25, 0.25, 0.375, 0.125};
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(x[s.VertexOfId(Id(i))], expected[i], 1e-9) << i;
  }
}

TEST(IterativeMeasures, RejectInvalidOptions) {
  const Snapshot s = Random(5, 5, false, 1).Snap();
  auto expect_usage = [&](CentralityOptions o, const char* option) {
    for (int which = 0; which < 2; ++which) {
      try {
        if (which == 0) {
          PageRank(s, o);
        } else {
          Eigenvector(s, o);
        }
        ADD_FAILURE() << "no error for " << option;
      } catch (const UsageError& e) {
        if (which == 0 || std::string(option) != "damping") {
          EXPECT_NE(std::string(e.what()).find(option), std::string::npos) << e.what();
        }
      }
      if (std::string(option) == "damping") break;  // eigenvector has no damping
    }
  };
  CentralityOptions o;
  o.damping = -0.1;
  expect_usage(o, "damping");
  o.damping = 1.5;
  expect_usage(o, "damping");
  o = {};
  o.tolerance = 0;
  expect_usage(o, "tolerance");
  o.tolerance = -1;
  expect_usage(o, "tolerance");
  o = {};
  o.max_iterations = 0;
  expect_usage(o, "max_iterations");
  // Not converging is an error, like networkx's PowerIterationFailedConvergence (on a graph
  // where neither solver, conjugate gradients when undirected or the power iteration when
  // directed, can be done in one sweep).
  o = {};
  o.max_iterations = 1;
  for (bool directed : {false, true}) {
    EXPECT_THROW(PageRank(Random(200, 800, directed, 1).Snap(), o), Error) << directed;
  }
}

TEST(IterativeMeasures, ThreadCountDoesNotChangeAnyBit) {
  // Large enough for several blocks and the parallel path.
  for (bool directed : {false, true}) {
    const Case c = Random(30000, 200000, directed, 3, false);
    const Snapshot s = c.Snap();
    CentralityOptions o;
    o.weighted = true;
    o.threads = 1;
    const auto p1 = PageRank(s, o);
    const auto e1 = Eigenvector(s, o);
    const auto d1 = DegreeCentrality(s, DegreeMode::kAll, o);
    o.threads = 2;
    EXPECT_EQ(p1, PageRank(s, o));
    EXPECT_EQ(e1, Eigenvector(s, o));
    EXPECT_EQ(d1, DegreeCentrality(s, DegreeMode::kAll, o));
  }
}

TEST(Degree, CountsDistinctNeighboursOrStrength) {
  for (bool directed : {false, true}) {
    const Case c = Random(15, 40, directed, 9, false);
    const Snapshot s = c.Snap();
    const Dense g = MakeDense(c, true);
    for (DegreeMode mode : {DegreeMode::kIn, DegreeMode::kOut, DegreeMode::kAll}) {
      std::vector<double> count(c.n, 0.0), strength(c.n, 0.0);
      for (uint32_t v = 0; v < c.n; ++v) {
        for (uint32_t u = 0; u < c.n; ++u) {
          const bool out = !directed || mode != DegreeMode::kIn;
          const bool in = directed && mode != DegreeMode::kOut;
          if (out && g.str[v][u] > 0) {
            count[v] += 1;
            strength[v] += g.str[v][u];
          }
          if (in && g.str[u][v] > 0) {
            count[v] += 1;
            strength[v] += g.str[u][v];
          }
        }
      }
      CentralityOptions o;
      std::vector<double> norm = count;
      for (double& x : norm) x /= (c.n - 1);
      ExpectNear(DegreeCentrality(s, mode, o), norm, 1e-14, "normalised");
      o.normalized = false;
      ExpectNear(DegreeCentrality(s, mode, o), count, 1e-14, "count");
      o.weighted = true;
      ExpectNear(DegreeCentrality(s, mode, o), strength, 1e-12, "strength");
    }
  }
}

// Components of the undirected simple graph without vertex `skip` and without pair `cut`.
uint32_t Components(const Case& c, uint32_t skip, std::pair<uint32_t, uint32_t> cut) {
  std::vector<std::set<uint32_t>> adj(c.n);
  for (const Edge& e : c.links) {
    if (e.a == e.b || e.a == skip || e.b == skip) continue;
    if (std::minmax(e.a, e.b) == std::minmax(cut.first, cut.second)) continue;
    adj[e.a].insert(e.b);
    adj[e.b].insert(e.a);
  }
  std::vector<bool> seen(c.n, false);
  uint32_t count = 0;
  for (uint32_t r = 0; r < c.n; ++r) {
    if (seen[r] || r == skip) continue;
    ++count;
    std::vector<uint32_t> stack{r};
    seen[r] = true;
    while (!stack.empty()) {
      const uint32_t v = stack.back();
      stack.pop_back();
      for (uint32_t w : adj[v])
        if (!seen[w]) {
          seen[w] = true;
          stack.push_back(w);
        }
    }
  }
  return count;
}

TEST(CutStructure, ArticulationPointsAndBridgesByDeletion) {
  for (const Shape& sh : kShapes) {
    for (uint64_t seed = 0; seed < 8; ++seed) {
      SCOPED_TRACE(::testing::Message() << "n=" << sh.n << " seed=" << seed);
      const Case c = Random(sh.n, sh.m, sh.directed, seed);
      const Snapshot s = c.Snap();
      const uint32_t base = Components(c, kNoVertex, {kNoVertex, kNoVertex});
      std::vector<VertexId> points;
      for (uint32_t v = 0; v < c.n; ++v) {
        // Removing a vertex removes a component when it was isolated; it cuts when more remain.
        bool isolated = true;
        for (const Edge& e : c.links)
          if (e.a != e.b && (e.a == v || e.b == v)) isolated = false;
        if (!isolated && Components(c, v, {kNoVertex, kNoVertex}) > base) points.push_back(v);
      }
      EXPECT_EQ(ArticulationPoints(s), points);
      std::vector<EdgeId> bridges;
      for (EdgeId e = 0; e < s.edge_count(); ++e) {
        const auto [a, b] = s.Endpoints(e);
        if (a != b && Components(c, kNoVertex, {a, b}) > base) bridges.push_back(e);
      }
      EXPECT_EQ(Bridges(s), bridges);
    }
  }
}

TEST(CutStructure, ParallelLinksFormOneConnection) {
  Case c;
  c.n = 3;
  c.links = {{0, 1, 1}, {0, 1, 2}, {1, 2, 1}};
  const Snapshot s = c.Snap();
  EXPECT_EQ(ArticulationPoints(s), std::vector<VertexId>{1});
  EXPECT_EQ(Bridges(s).size(), 3u);  // both parallel edges of {0, 1}, and {1, 2}
}

// Reordering the records (entities and links) renumbers the vertices; every score, looked up
// by external id, must stay the same (to rounding: sums run in another order).
TEST(AllMeasures, DoNotDependOnRecordOrder) {
  for (bool directed : {false, true}) {
    const Case c = Random(40, 120, directed, 17 + directed, false);
    const Snapshot a = c.Snap();
    std::vector<uint32_t> perm(c.n);
    for (uint32_t i = 0; i < c.n; ++i) perm[i] = i;
    Rng rng(99);
    for (uint32_t i = c.n; i > 1; --i) std::swap(perm[i - 1], perm[rng.Below(i)]);
    std::vector<EntityInput> ents;
    for (uint32_t i = 0; i < c.n; ++i) ents.push_back(Ent(Id(perm[i])));
    std::vector<LinkInput> ls;
    for (size_t i = c.links.size(); i-- > 0;) {
      LinkInput l;
      l.from = Id(c.links[i].a);
      l.to = Id(c.links[i].b);
      l.type = "link";
      l.directed = directed;
      l.weight = c.links[i].w;
      ls.push_back(l);
    }
    Graph g;
    g.Add(ents, ls);
    SnapshotOptions so;
    so.directed = directed;
    const Snapshot b = g.TakeSnapshot(so);
    ASSERT_NE(b.ExternalId(0), a.ExternalId(0));
    for (bool weighted : {false, true}) {
      CentralityOptions o;
      o.weighted = weighted;
      o.tolerance = 1e-14;
      const auto same = [&](const std::vector<double>& x, const std::vector<double>& y,
                            const char* what) {
        for (VertexId v = 0; v < c.n; ++v) {
          const VertexId w = b.VertexOfId(a.ExternalId(v));
          EXPECT_NEAR(x[v], y[w], 1e-12 * std::max(1.0, std::fabs(x[v]))) << what << " " << v;
        }
      };
      same(Betweenness(a, o).vertex, Betweenness(b, o).vertex, "betweenness");
      same(Closeness(a, o), Closeness(b, o), "closeness");
      same(Harmonic(a, o), Harmonic(b, o), "harmonic");
      same(PageRank(a, o), PageRank(b, o), "pagerank");
      same(Eigenvector(a, o), Eigenvector(b, o), "eigenvector");
      same(DegreeCentrality(a, DegreeMode::kAll, o), DegreeCentrality(b, DegreeMode::kAll, o),
           "degree");
    }
    std::set<std::string> pa, pb;
    for (const VertexId v : ArticulationPoints(a)) pa.emplace(a.ExternalId(v));
    for (const VertexId v : ArticulationPoints(b)) pb.emplace(b.ExternalId(v));
    EXPECT_EQ(pa, pb);
    EXPECT_EQ(Bridges(a).size(), Bridges(b).size());
  }
}

}  // namespace
}  // namespace linkscope
