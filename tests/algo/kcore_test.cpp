// CoreNumbers against a verifier that follows the definition (remove a vertex of the smallest
// degree, over and over) on sets of distinct neighbours built from the model's links, and
// against Boost.Graph's core_numbers on simple graphs; plus the edge cases (empty, isolates,
// loops, parallel links, directed modes), the karate club, and thread-count invariance on
// graphs large enough for the parallel degree count and the high-degree side array.
#include "linkscope/algo/kcore.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/core_numbers.hpp>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/view.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using Mode = CoreOptions::Mode;
using testing::Ent;

constexpr Mode kModes[] = {Mode::kAll, Mode::kIn, Mode::kOut};

const char* ModeName(Mode m) {
  switch (m) {
    case Mode::kAll:
      return "all";
    case Mode::kIn:
      return "in";
    case Mode::kOut:
      return "out";
  }
  return "?";
}

// prefix + i (written out: GCC 12 warns falsely about "literal" + std::to_string).
std::string Id(const char* prefix, uint64_t i) {
  std::string id = prefix;
  id += std::to_string(i);
  return id;
}

LinkInput Lnk(std::string from, std::string to, bool directed = false) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = "link";
  l.directed = directed;
  return l;
}

std::shared_ptr<const Model> Load(const std::vector<EntityInput>& entities,
                                  const std::vector<LinkInput>& links) {
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

Snapshot Snap(const std::shared_ptr<const Model>& model, bool directed, bool collapse = false) {
  SnapshotOptions o;
  o.directed = directed;
  o.collapse_parallel = collapse;
  o.weights = false;
  return Snapshot::Build(model, o);
}

Cores Decompose(const Snapshot& s, Mode mode = Mode::kAll, uint32_t threads = 1) {
  CoreOptions o;
  o.mode = mode;
  o.threads = threads;
  return CoreNumbers(s, o);
}

uint32_t CoreOf(const Snapshot& s, const Cores& c, const std::string& id) {
  return c.core[s.VertexOfId(id)];
}

// For every vertex, the vertices whose presence counts toward its degree, from the model's
// links (not the snapshot's adjacency): distinct, loops dropped.
std::vector<std::set<VertexId>> CountedNeighbours(const Snapshot& s, Mode mode) {
  const Model& m = s.model();
  std::vector<std::set<VertexId>> counted(s.vertex_count());
  auto arc = [&](VertexId x, VertexId y) {  // x -> y
    if (!s.directed() || mode == Mode::kAll) {
      counted[x].insert(y);
      counted[y].insert(x);
    } else if (mode == Mode::kIn) {
      counted[y].insert(x);
    } else {
      counted[x].insert(y);
    }
  };
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = s.VertexOf(m.From(l));
    const VertexId b = s.VertexOf(m.To(l));
    if (a == kNoVertex || b == kNoVertex || a == b) continue;
    arc(a, b);
    if (s.directed() && !m.Directed(l)) arc(b, a);
  }
  return counted;
}

// The definition, O(n^2 + m log m): remove a vertex of the smallest degree; its core number
// is the largest of the smallest degrees seen so far.
std::vector<uint32_t> NaiveCores(const Snapshot& s, Mode mode) {
  const uint32_t n = s.vertex_count();
  const auto counted = CountedNeighbours(s, mode);
  // Removing v lowers the degree of every u that counts v.
  std::vector<std::vector<VertexId>> affected(n);
  for (VertexId u = 0; u < n; ++u) {
    for (const VertexId v : counted[u]) affected[v].push_back(u);
  }
  std::vector<uint32_t> deg(n);
  for (VertexId v = 0; v < n; ++v) deg[v] = static_cast<uint32_t>(counted[v].size());
  std::vector<bool> alive(n, true);
  std::vector<uint32_t> core(n, 0);
  uint32_t k = 0;
  for (uint32_t round = 0; round < n; ++round) {
    VertexId best = kNoVertex;
    for (VertexId v = 0; v < n; ++v) {
      if (alive[v] && (best == kNoVertex || deg[v] < deg[best])) best = v;
    }
    k = std::max(k, deg[best]);
    core[best] = k;
    alive[best] = false;
    for (const VertexId u : affected[best]) {
      if (alive[u]) --deg[u];
    }
  }
  return core;
}

// Boost.Graph's core numbers: on an undirected graph the usual ones; on a directed graph the
// in-cores (degrees are in-degrees; removing v lowers its successors). Built from the distinct
// pairs without loops, where Boost's degrees (which count every edge) agree with ours; for
// out-cores, with every arc turned around.
std::vector<int> BoostCores(const Snapshot& s, Mode mode) {
  const auto counted = CountedNeighbours(s, mode);
  std::vector<int> core(s.vertex_count(), 0);
  if (core.empty()) return core;
  if (!s.directed() || mode == Mode::kAll) {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> g(s.vertex_count());
    for (VertexId v = 0; v < s.vertex_count(); ++v) {
      for (const VertexId u : counted[v]) {
        if (u < v) boost::add_edge(u, v, g);
      }
    }
    boost::core_numbers(g, core.data());
  } else {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(s.vertex_count());
    for (VertexId v = 0; v < s.vertex_count(); ++v) {
      // u counts toward v's degree: an arc u -> v for Boost's in-degrees (for out-cores, the
      // graph's arc v -> u turned around).
      for (const VertexId u : counted[v]) boost::add_edge(u, v, g);
    }
    boost::core_numbers(g, core.data());
  }
  return core;
}

// Degeneracy and shell sizes follow from the core numbers.
void ExpectConsistent(const Cores& c) {
  if (c.core.empty()) {
    EXPECT_EQ(c.degeneracy, 0u);
    EXPECT_TRUE(c.shell_sizes.empty());
    return;
  }
  EXPECT_EQ(c.degeneracy, *std::max_element(c.core.begin(), c.core.end()));
  std::vector<uint64_t> sizes(c.degeneracy + 1, 0);
  for (const uint32_t k : c.core) ++sizes[k];
  EXPECT_EQ(c.shell_sizes, sizes);
}

// A random case: ids whose text order differs from their load order, mixed directed and
// undirected links, loops, parallels, some entities isolated, and (when `dense`) a dense
// group so that cores run deep.
struct Case {
  std::vector<EntityInput> entities;
  std::vector<LinkInput> links;
};

Case RandomCase(Rng& rng, bool dense) {
  const auto n = static_cast<uint32_t>(1 + rng.Below(60));
  auto id = [](uint64_t i) { return Id("v", (i * 7919) % 1000); };
  Case c;
  for (uint32_t i = 0; i < n; ++i) c.entities.push_back(Ent(id(i), "person"));
  const uint64_t m = rng.Below(4 * uint64_t{n} + 1);
  for (uint64_t k = 0; k < m; ++k) {
    const uint64_t a = rng.Below(n);
    const uint64_t b = rng.Chance(0.05) ? a : rng.Below(n);
    const int copies = rng.Chance(0.15) ? 3 : 1;
    const bool directed = rng.Chance(0.6);
    for (int i = 0; i < copies; ++i) c.links.push_back(Lnk(id(a), id(b), directed));
  }
  if (dense) {
    const auto size = static_cast<uint32_t>(std::min<uint64_t>(n, 5 + rng.Below(20)));
    for (uint32_t a = 0; a < size; ++a) {
      for (uint32_t b = a + 1; b < size; ++b) {
        if (rng.Chance(0.8)) c.links.push_back(Lnk(id(a), id(b), rng.Chance(0.5)));
      }
    }
  }
  return c;
}

TEST(KCore, EmptyGraph) {
  Graph g;
  for (bool directed : {false, true}) {
    const Snapshot s = g.TakeSnapshot(SnapshotOptions{.directed = directed});
    for (const Mode mode : kModes) {
      const Cores c = Decompose(s, mode);
      EXPECT_TRUE(c.core.empty());
      EXPECT_EQ(c.degeneracy, 0u);
      EXPECT_TRUE(c.shell_sizes.empty());
    }
  }
}

TEST(KCore, IsolatesAreZero) {
  const auto model = Load({Ent("a"), Ent("b"), Ent("c")}, {});
  const Cores c = Decompose(Snap(model, false));
  EXPECT_EQ(c.core, (std::vector<uint32_t>{0, 0, 0}));
  EXPECT_EQ(c.degeneracy, 0u);
  EXPECT_EQ(c.shell_sizes, (std::vector<uint64_t>{3}));
}

TEST(KCore, SelfLoopsDoNotCount) {
  // A vertex with only loops stays at 0; a triangle with loops on every corner is a 2-core.
  const auto model =
      Load({}, {Lnk("x", "x"), Lnk("x", "x"), Lnk("a", "b"), Lnk("b", "c"), Lnk("c", "a"),
                Lnk("a", "a"), Lnk("b", "b", true), Lnk("c", "c", true)});
  for (bool directed : {false, true}) {
    const Snapshot s = Snap(model, directed);
    const Cores c = Decompose(s);
    EXPECT_EQ(CoreOf(s, c, "x"), 0u);
    for (const char* v : {"a", "b", "c"}) EXPECT_EQ(CoreOf(s, c, v), 2u) << v;
    EXPECT_EQ(c.degeneracy, 2u);
    EXPECT_EQ(c.shell_sizes, (std::vector<uint64_t>{1, 0, 3}));
  }
}

TEST(KCore, ParallelLinksCountOnce) {
  // Ten calls between a and b, and a path b - c - d with doubled links: all 1-cores, with or
  // without collapsing the parallels.
  std::vector<LinkInput> links(10, Lnk("a", "b"));
  for (int i = 0; i < 2; ++i) {
    links.push_back(Lnk("b", "c"));
    links.push_back(Lnk("d", "c"));
  }
  const auto model = Load({}, links);
  for (bool directed : {false, true}) {
    for (bool collapse : {false, true}) {
      const Snapshot s = Snap(model, directed, collapse);
      const Cores c = Decompose(s);
      EXPECT_EQ(c.core, (std::vector<uint32_t>(4, 1)));
      EXPECT_EQ(c.degeneracy, 1u);
    }
  }
  // Reciprocal arcs are one neighbour in kAll, and one in- and one out-neighbour.
  const auto recip = Load({}, {Lnk("a", "b", true), Lnk("b", "a", true), Lnk("b", "a", true)});
  const Snapshot s = Snap(recip, true);
  for (const Mode mode : kModes) EXPECT_EQ(Decompose(s, mode).core, (std::vector<uint32_t>{1, 1}));
}

TEST(KCore, Cliques) {
  // Sizes around the 255 boundary of the byte-sized degrees.
  for (const uint32_t size : {2u, 5u, 254u, 255u, 256u, 257u, 300u}) {
    std::vector<LinkInput> links;
    for (uint32_t a = 0; a < size; ++a) {
      for (uint32_t b = a + 1; b < size; ++b) {
        links.push_back(Lnk(Id("k", a), Id("k", b)));
      }
    }
    const auto model = Load({Ent("lone")}, links);
    const Snapshot s = Snap(model, false);
    const Cores c = Decompose(s);
    SCOPED_TRACE("clique of " + std::to_string(size));
    EXPECT_EQ(c.degeneracy, size - 1);
    EXPECT_EQ(CoreOf(s, c, "lone"), 0u);
    EXPECT_EQ(CoreOf(s, c, "k0"), size - 1);
    EXPECT_EQ(c.shell_sizes.size(), size);
    EXPECT_EQ(c.shell_sizes.front(), 1u);
    EXPECT_EQ(c.shell_sizes.back(), size);
  }
}

TEST(KCore, PathAndStar) {
  std::vector<LinkInput> path;
  for (int i = 0; i + 1 < 50; ++i) {
    path.push_back(Lnk(Id("p", i), Id("p", i + 1)));
  }
  Cores c = Decompose(Snap(Load({}, path), false));
  EXPECT_EQ(c.core, std::vector<uint32_t>(50, 1));
  EXPECT_EQ(c.shell_sizes, (std::vector<uint64_t>{0, 50}));

  std::vector<LinkInput> star;
  for (int i = 0; i < 400; ++i) star.push_back(Lnk("hub", Id("leaf", i)));
  const Snapshot s = Snap(Load({}, star), false);
  c = Decompose(s);
  EXPECT_EQ(c.core, std::vector<uint32_t>(401, 1));  // the hub's degree (400) is no core
  EXPECT_EQ(c.degeneracy, 1u);
}

TEST(KCore, DirectedModes) {
  // A cycle a -> b -> c -> a, and d pointing at all three.
  const auto model = Load({}, {Lnk("a", "b", true), Lnk("b", "c", true), Lnk("c", "a", true),
                               Lnk("d", "a", true), Lnk("d", "b", true), Lnk("d", "c", true)});
  const Snapshot s = Snap(model, true);
  const Cores all = Decompose(s, Mode::kAll);  // K4 without direction
  for (const char* v : {"a", "b", "c", "d"}) EXPECT_EQ(CoreOf(s, all, v), 3u) << v;
  // In: d has no predecessor; removing it leaves the cycle, one predecessor each.
  const Cores in = Decompose(s, Mode::kIn);
  EXPECT_EQ(CoreOf(s, in, "d"), 0u);
  for (const char* v : {"a", "b", "c"}) EXPECT_EQ(CoreOf(s, in, v), 1u) << v;
  EXPECT_EQ(in.shell_sizes, (std::vector<uint64_t>{1, 3}));
  // Out: every vertex keeps a successor until the end (d's three lead into the cycle).
  const Cores out = Decompose(s, Mode::kOut);
  for (const char* v : {"a", "b", "c", "d"}) EXPECT_EQ(CoreOf(s, out, v), 1u) << v;
  // On an undirected snapshot the mode makes no difference.
  const Snapshot u = Snap(model, false);
  for (const Mode mode : kModes) EXPECT_EQ(Decompose(u, mode).core, std::vector<uint32_t>(4, 3));
  // An undirected link in a directed snapshot is an arc each way.
  const auto mixed = Load({}, {Lnk("a", "b"), Lnk("b", "c", true)});
  const Snapshot m = Snap(mixed, true);
  const Cores mi = Decompose(m, Mode::kIn);
  EXPECT_EQ(CoreOf(m, mi, "a"), 1u);
  EXPECT_EQ(CoreOf(m, mi, "b"), 1u);
  EXPECT_EQ(CoreOf(m, mi, "c"), 1u);
  const Cores mo = Decompose(m, Mode::kOut);
  EXPECT_EQ(CoreOf(m, mo, "c"), 0u);  // no successor
  EXPECT_EQ(CoreOf(m, mo, "a"), 1u);
  EXPECT_EQ(CoreOf(m, mo, "b"), 1u);
}

TEST(KCore, KarateClub) {
  LINKSCOPE_REQUIRE_DATASETS();
  Graph g;
  g.Load({testing::Dataset("bench_karate/karate_edges.csv")});
  const Snapshot s = g.TakeSnapshot();
  ASSERT_EQ(s.vertex_count(), 34u);
  const Cores c = Decompose(s);
  EXPECT_EQ(c.degeneracy, 4u);
  EXPECT_EQ(c.shell_sizes, (std::vector<uint64_t>{0, 1, 11, 12, 10}));
  std::vector<std::string> inner;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    if (c.core[v] == 4) inner.emplace_back(s.ExternalId(v));
  }
  std::sort(inner.begin(), inner.end());
  EXPECT_EQ(inner,
            (std::vector<std::string>{"1", "14", "2", "3", "31", "33", "34", "4", "8", "9"}));
  EXPECT_EQ(CoreOf(s, c, "12"), 1u);  // the member with a single tie
  EXPECT_EQ(c.core, NaiveCores(s, Mode::kAll));
}

TEST(KCore, MatchesTheDefinitionOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    Rng rng(seed);
    const Case c = RandomCase(rng, seed % 3 == 0);
    const auto model = Load(c.entities, c.links);
    SCOPED_TRACE("seed " + std::to_string(seed));
    for (bool directed : {false, true}) {
      for (bool collapse : {false, true}) {
        const Snapshot s = Snap(model, directed, collapse);
        for (const Mode mode : kModes) {
          if (!directed && mode != Mode::kAll) continue;
          SCOPED_TRACE(std::string(directed ? "directed " : "undirected ") + ModeName(mode));
          const Cores got = Decompose(s, mode);
          ASSERT_EQ(got.core, NaiveCores(s, mode));
          ExpectConsistent(got);
        }
      }
    }
  }
}

TEST(KCore, MatchesBoostOnRandomGraphs) {
  for (uint64_t seed = 500; seed < 560; ++seed) {
    Rng rng(seed);
    const Case c = RandomCase(rng, true);
    const auto model = Load(c.entities, c.links);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Snapshot u = Snap(model, false);
    const std::vector<uint32_t> undirected = Decompose(u).core;
    EXPECT_EQ(std::vector<int>(undirected.begin(), undirected.end()), BoostCores(u, Mode::kAll));
    const Snapshot d = Snap(model, true);
    const std::vector<uint32_t> all = Decompose(d, Mode::kAll).core;
    const std::vector<uint32_t> in = Decompose(d, Mode::kIn).core;
    const std::vector<uint32_t> out = Decompose(d, Mode::kOut).core;
    EXPECT_EQ(std::vector<int>(all.begin(), all.end()), BoostCores(d, Mode::kAll));
    EXPECT_EQ(std::vector<int>(in.begin(), in.end()), BoostCores(d, Mode::kIn));
    EXPECT_EQ(std::vector<int>(out.begin(), out.end()), BoostCores(d, Mode::kOut));
  }
}

TEST(KCore, MatchesTheDefinitionOnViews) {
  // Only people: the links to vehicles stop counting.
  for (uint64_t seed = 900; seed < 930; ++seed) {
    Rng rng(seed);
    Case c = RandomCase(rng, true);
    for (auto& e : c.entities) {
      if (rng.Chance(0.3)) e.kind = "vehicle";
    }
    const auto model = Load(c.entities, c.links);
    ViewFilter f;
    f.kinds = {"person"};
    for (bool directed : {false, true}) {
      const Snapshot v = MakeView(Snap(model, directed), f);
      SCOPED_TRACE("seed " + std::to_string(seed));
      for (const Mode mode : kModes) ASSERT_EQ(Decompose(v, mode).core, NaiveCores(v, mode));
    }
  }
}

// A graph of `n` vertices: sparse random links, a planted group of `group` vertices linked
// with probability 0.9 (cores above 255 when the group is large), and hubs linked to a tenth
// of the graph. Mixed directions.
std::shared_ptr<const Model> LargeGraph(uint64_t seed, uint32_t n, uint32_t group) {
  Rng rng(seed);
  auto id = [](uint64_t i) { return Id("n", i); };
  std::vector<EntityInput> entities;
  for (uint32_t i = 0; i < n; ++i) entities.push_back(Ent(id(i)));
  std::vector<LinkInput> links;
  for (uint64_t k = 0; k < 4 * uint64_t{n}; ++k) {
    links.push_back(Lnk(id(rng.Below(n)), id(rng.Below(n)), rng.Chance(0.5)));
  }
  std::vector<uint64_t> members(group);
  for (auto& m : members) m = rng.Below(n);
  for (uint32_t a = 0; a < group; ++a) {
    for (uint32_t b = a + 1; b < group; ++b) {
      if (rng.Chance(0.9)) links.push_back(Lnk(id(members[a]), id(members[b]), rng.Chance(0.1)));
    }
  }
  for (int hub = 0; hub < 3; ++hub) {
    const uint64_t h = rng.Below(n);
    for (uint32_t k = 0; k < n / 10; ++k) links.push_back(Lnk(id(h), id(rng.Below(n))));
  }
  return Load(entities, links);
}

TEST(KCore, SameForAnyThreadCount) {
  // 40 000 vertices: above the size where the degrees are counted in parallel.
  const auto model = LargeGraph(7, 40000, 400);
  for (bool directed : {false, true}) {
    const Snapshot s = Snap(model, directed);
    for (const Mode mode : kModes) {
      if (!directed && mode != Mode::kAll) continue;
      SCOPED_TRACE(std::string(directed ? "directed " : "undirected ") + ModeName(mode));
      const Cores one = Decompose(s, mode, 1);
      EXPECT_GT(one.degeneracy, 255u);  // the planted group
      ExpectConsistent(one);
      for (const uint32_t threads : {2u, 3u, 0u}) {
        const Cores many = Decompose(s, mode, threads);
        EXPECT_EQ(many.core, one.core) << threads << " threads";
        EXPECT_EQ(many.shell_sizes, one.shell_sizes);
      }
      EXPECT_EQ(std::vector<int>(one.core.begin(), one.core.end()), BoostCores(s, mode));
    }
  }
}

TEST(KCore, LargeGraphMatchesBoost) {
  // Few vertices left in the deep levels (the list scans) and long cascades (sorted rounds).
  for (const uint32_t group : {0u, 40u, 600u}) {
    const auto model = LargeGraph(11 + group, 5000, group);
    const Snapshot s = Snap(model, false);
    const Cores c = Decompose(s);
    SCOPED_TRACE("group " + std::to_string(group));
    ExpectConsistent(c);
    EXPECT_EQ(std::vector<int>(c.core.begin(), c.core.end()), BoostCores(s, Mode::kAll));
  }
}

}  // namespace
}  // namespace linkscope
