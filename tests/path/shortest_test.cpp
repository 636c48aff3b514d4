// Shortest, k shortest (Yen) and all shortest paths against the brute-force reference of
// path_test_util.hpp on random small cases (weights, directions, parallel links, every
// filter, hop and cost bounds), on every snapshot flavour; plus the edge cases, evidence,
// errors and load-order independence.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/view.hpp"
#include "linkscope/path/path.hpp"
#include "path_test_util.hpp"

namespace linkscope {
namespace {

using namespace path_testing;

constexpr PathWeight kWeights[] = {PathWeight::kHops, PathWeight::kDistance,
                                   PathWeight::kReliability};

LinkInput Lnk(std::string from, std::string to, bool directed = false, double weight = 1,
              std::string grade = "", std::string date = "") {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = "associate";
  l.directed = directed;
  l.weight = weight;
  l.grade = std::move(grade);
  l.date = std::move(date);
  return l;
}

std::shared_ptr<const Model> Chain() {
  // a - b - c - d, plus a cheap detour a - x - d by distance, and an isolated z.
  Graph g;
  const std::vector<EntityInput> entities = {
      testing::Ent("a", "person"), testing::Ent("b", "person"),  testing::Ent("c", "person"),
      testing::Ent("d", "person"), testing::Ent("x", "vehicle"), testing::Ent("z", "person")};
  const std::vector<LinkInput> links = {
      Lnk("a", "b", true, 1, "A1", "2019-01"), Lnk("b", "c", true, 1, "A1", "2019-02"),
      Lnk("c", "d", true, 1, "A1", "2019-03"), Lnk("a", "x", false, 0.5, "E5", "2019-05"),
      Lnk("x", "d", false, 0.5, "E5", "2018")};
  g.Add(entities, links);
  return g.shared_model();
}

TEST(PathFinderTest, HopsDistanceReliabilityOnAChain) {
  const Snapshot s = Snapshot::Build(Chain());
  PathOptions o;
  PathFinder hops(s, o);
  const VertexId a = hops.Resolve("a"), d = hops.Resolve("d");
  auto p = hops.Shortest(a, d);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"a", "x", "d"}));
  EXPECT_EQ(p[0].hops, 2u);
  EXPECT_EQ(p[0].cost, 2);
  o.weight = PathWeight::kReliability;
  PathFinder rel(s, o);
  p = rel.Shortest(a, d);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_DOUBLE_EQ(p[0].reliability, 1.0);
  EXPECT_EQ(p[0].links[1].type, "associate");
  EXPECT_EQ(p[0].links[1].grade.ToString(), "A1");
  EXPECT_EQ(p[0].links[1].date, testing::Range("2019-02", "2019-02"));
  CheckPath(s, o, p[0], a, d);
  // Against the links: none of the directed chain is walkable from a; the detour is.
  o.direction = Direction::kBackward;
  PathFinder back(s, o);
  p = back.Shortest(a, d);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"a", "x", "d"}));
  // Excluding x leaves no path against the links, but d -> a works backward.
  o.exclude = {"x"};
  PathFinder none(s, o);
  EXPECT_TRUE(none.Shortest(a, d).empty());
  p = none.Shortest(d, a);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"d", "c", "b", "a"}));
  EXPECT_EQ(p[0].links[0].from, d);
  EXPECT_EQ(p[0].links[0].to, s.VertexOfId("c"));
}

TEST(PathFinderTest, EdgeCases) {
  const Snapshot s = Snapshot::Build(Chain());
  PathFinder f(s, PathOptions{});
  const VertexId a = f.Resolve("a"), z = f.Resolve("z");
  auto same = f.Shortest(a, a, 3);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].vertices, std::vector<VertexId>{a});
  EXPECT_EQ(same[0].hops, 0u);
  EXPECT_TRUE(same[0].links.empty());
  EXPECT_TRUE(f.Shortest(a, z).empty());
  EXPECT_TRUE(f.Shortest(z, a, 4).empty());
  EXPECT_TRUE(f.AllShortest(a, z, 10).empty());
  EXPECT_TRUE(f.Shortest(a, a, 0).empty());
  try {
    f.Resolve("nobody");
    FAIL() << "no error";
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("nobody"), std::string::npos);
  }
  PathOptions bad;
  bad.exclude = {"ghost"};
  try {
    PathFinder g(s, bad);
    FAIL() << "no error";
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("ghost"), std::string::npos);
  }
  PathOptions kind;
  kind.kinds = {"no_such_kind"};
  EXPECT_THROW(PathFinder(s, kind), NotFoundError);
  PathOptions type;
  type.exclude_link_types = {"no_such_type"};
  EXPECT_THROW(PathFinder(s, type), NotFoundError);
  PathOptions gap;
  gap.max_gap_seconds = 10;
  EXPECT_THROW(PathFinder(s, gap), UsageError);
  PathOptions conf;
  conf.min_confidence = -1;
  EXPECT_THROW(PathFinder(s, conf), UsageError);
  // The empty graph.
  Graph empty;
  const Snapshot e = empty.TakeSnapshot();
  PathFinder fe(e, PathOptions{});
  EXPECT_THROW(fe.Resolve("a"), NotFoundError);
}

TEST(PathFinderTest, HopBoundTradesCostForHops) {
  // Cheap long way a-b-c-d (3 x 1) against a dear short way a-d (10).
  Graph g;
  const std::vector<LinkInput> links = {Lnk("a", "b"), Lnk("b", "c"), Lnk("c", "d"),
                                        Lnk("a", "d", false, 10)};
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.weight = PathWeight::kDistance;
  PathFinder f(s, o);
  EXPECT_EQ(f.Shortest(s.VertexOfId("a"), s.VertexOfId("d"))[0].hops, 3u);
  o.max_hops = 2;
  PathFinder bounded(s, o);
  auto p = bounded.Shortest(s.VertexOfId("a"), s.VertexOfId("d"), 3);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].cost, 10);
  {
    // The hops left matter at every step: from w the cheap way to t (w-x-t) is one hop too
    // many once a-w is taken.
    Graph h;
    const std::vector<LinkInput> ls = {Lnk("a", "w", false, 1), Lnk("w", "t", false, 10),
                                       Lnk("w", "x", false, 1), Lnk("x", "t", false, 1)};
    h.Add({}, ls);
    const Snapshot hs = h.TakeSnapshot();
    PathOptions ho;
    ho.weight = PathWeight::kDistance;
    ho.max_hops = 2;
    PathFinder hf(hs, ho);
    const auto hp = hf.Shortest(hs.VertexOfId("a"), hs.VertexOfId("t"), 2);
    ASSERT_EQ(hp.size(), 1u);
    EXPECT_EQ(Ids(hs, hp[0].vertices), (std::vector<std::string>{"a", "w", "t"}));
    EXPECT_EQ(hp[0].cost, 11);
    EXPECT_EQ(hf.AllShortest(hs.VertexOfId("a"), hs.VertexOfId("t"), 5).size(), 1u);
    ho.max_hops = 3;
    PathFinder hf3(hs, ho);
    EXPECT_EQ(hf3.Shortest(hs.VertexOfId("a"), hs.VertexOfId("t"), 2)[1].cost, 11);
  }
  o.max_hops = 0;
  o.max_cost = 9;
  PathFinder cheap(s, o);
  p = cheap.Shortest(s.VertexOfId("a"), s.VertexOfId("d"), 3);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].cost, 3);
}

// Shortest (k = 1), Yen (k = 4) and AllShortest against the reference.
void CompareWithReference(const Snapshot& s, const PathOptions& o, PathFinder& f, EntityId a,
                          EntityId b, const std::string& what) {
  const Model& m = s.model();
  std::vector<RefPath> all = AllSimplePaths(m, a, b, o);
  std::sort(all.begin(), all.end(),
            [&](const RefPath& x, const RefPath& y) { return RefBefore(m, x, y); });
  const VertexId va = s.VertexOf(a), vb = s.VertexOf(b);
  const auto one = f.Shortest(va, vb);
  ASSERT_EQ(one.size(), all.empty() ? 0u : 1u) << what;
  if (all.empty()) return;
  CheckPath(s, o, one[0], va, vb);
  EXPECT_EQ(Ids(s, one[0].vertices), RefIds(m, all[0].vertices)) << what;
  EXPECT_EQ(one[0].cost, all[0].cost) << what;

  const uint32_t k = 6;
  const auto yen = f.Shortest(va, vb, k);
  ASSERT_EQ(yen.size(), std::min<size_t>(k, all.size())) << what;
  std::set<std::vector<VertexId>> distinct;
  for (size_t i = 0; i < yen.size(); ++i) {
    CheckPath(s, o, yen[i], va, vb);
    distinct.insert(yen[i].vertices);
    EXPECT_EQ(yen[i].cost, all[i].cost) << what << " path " << i;
    EXPECT_EQ(yen[i].hops, all[i].hops) << what << " path " << i;
    // Yen with a lexicographically smallest spur oracle returns exactly the first k paths
    // in (cost, hops, external ids) order.
    EXPECT_EQ(Ids(s, yen[i].vertices), RefIds(m, all[i].vertices)) << what << " path " << i;
    std::set<VertexId> simple(yen[i].vertices.begin(), yen[i].vertices.end());
    EXPECT_EQ(simple.size(), yen[i].vertices.size()) << "loop in " << what;
  }
  EXPECT_EQ(distinct.size(), yen.size()) << what;
  EXPECT_EQ(Ids(s, yen[0].vertices), RefIds(m, all[0].vertices)) << what;

  const uint32_t cap = 3;
  const auto eq = f.AllShortest(va, vb, cap);
  std::vector<std::vector<std::string>> want;
  for (const RefPath& p : all) {
    if (p.cost == all[0].cost && p.hops == all[0].hops && want.size() < cap) {
      want.push_back(RefIds(m, p.vertices));
    }
  }
  std::vector<std::vector<std::string>> got;
  for (const Path& p : eq) {
    CheckPath(s, o, p, va, vb);
    got.push_back(Ids(s, p.vertices));
  }
  EXPECT_EQ(got, want) << what;
}

TEST(PathFinderTest, RandomCasesMatchBruteForce) {
  Rng rng(20261201);
  int with_path = 0;
  for (int round = 0; round < 400; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(2, 8));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Between(1, 16)));
    const auto model = Build(c);
    for (const PathWeight w : kWeights) {
      const PathOptions o = RandomOptions(rng, c, w);
      for (const SnapshotOptions& so : Flavours()) {
        const Snapshot s = Snapshot::Build(model, so);
        PathFinder f(s, o);
        for (int q = 0; q < 3; ++q) {
          const auto a = static_cast<EntityId>(rng.Below(n));
          const auto b = static_cast<EntityId>(rng.Below(n));
          const std::string what =
              "round " + std::to_string(round) + " weight " + std::to_string(static_cast<int>(w)) +
              " directed " + std::to_string(so.directed) + " collapse " +
              std::to_string(so.collapse_parallel) + " " + std::string(model->ExternalId(a)) +
              "->" + std::string(model->ExternalId(b));
          CompareWithReference(s, o, f, a, b, what);
          if (HasFatalFailure()) return;
          with_path += f.Shortest(s.VertexOf(a), s.VertexOf(b)).empty() ? 0 : 1;
        }
      }
    }
  }
  EXPECT_GT(with_path, 4000);  // the cases are not all disconnected
}

TEST(PathFinderTest, LoadOrderDoesNotMatter) {
  Rng rng(77);
  for (int round = 0; round < 40; ++round) {
    const Case c = RandomCase(rng, 9, 20);
    const Case shuffled = Shuffled(c, rng);
    const auto m1 = Build(c);
    const auto m2 = Build(shuffled);
    for (const PathWeight w : kWeights) {
      PathOptions o;
      o.weight = w;
      o.direction = static_cast<Direction>(rng.Below(3));
      const Snapshot s1 = Snapshot::Build(m1), s2 = Snapshot::Build(m2);
      PathFinder f1(s1, o), f2(s2, o);
      for (const EntityInput& from : c.entities) {
        for (const EntityInput& to : c.entities) {
          const auto p1 = f1.Shortest(s1.VertexOfId(from.id), s1.VertexOfId(to.id), 3);
          const auto p2 = f2.Shortest(s2.VertexOfId(from.id), s2.VertexOfId(to.id), 3);
          ASSERT_EQ(p1.size(), p2.size());
          if (p1.empty()) continue;
          for (size_t i = 0; i < p1.size(); ++i) {
            EXPECT_EQ(Ids(s1, p1[i].vertices), Ids(s2, p2[i].vertices));
            EXPECT_EQ(p1[i].cost, p2[i].cost);
          }
          const auto a1 = f1.AllShortest(s1.VertexOfId(from.id), s1.VertexOfId(to.id), 5);
          const auto a2 = f2.AllShortest(s2.VertexOfId(from.id), s2.VertexOfId(to.id), 5);
          ASSERT_EQ(a1.size(), a2.size());
          for (size_t i = 0; i < a1.size(); ++i) {
            EXPECT_EQ(Ids(s1, a1[i].vertices), Ids(s2, a2[i].vertices));
          }
          // Same answer twice from one finder (scratch reuse).
          const auto again = f1.Shortest(s1.VertexOfId(from.id), s1.VertexOfId(to.id), 3);
          ASSERT_EQ(again.size(), p1.size());
          for (size_t i = 0; i < p1.size(); ++i) EXPECT_EQ(again[i].vertices, p1[i].vertices);
        }
      }
    }
  }
}

TEST(PathFinderTest, LargerRandomGraphAgainstDijkstraFromBothEnds) {
  // No brute force at this size: the bidirectional answer must cost what a one-sided
  // reference Dijkstra over the reference steps says, on a graph large enough for the two
  // searches to meet in the middle.
  Rng rng(5);
  const Case c = RandomCase(rng, 300, 900, false);
  const auto model = Build(c);
  const Snapshot s = Snapshot::Build(model);
  for (const PathWeight w : kWeights) {
    PathOptions o;
    o.weight = w;
    o.direction = Direction::kForward;
    PathFinder f(s, o);
    const uint32_t n = model->entity_count();
    // Reference single-source costs by Bellman-Ford over the reference steps.
    std::vector<std::vector<std::pair<EntityId, double>>> adj(n);
    for (LinkId l = 0; l < model->link_count(); ++l) {
      const EntityId a = model->From(l), b = model->To(l);
      if (a == b) continue;
      adj[a].push_back({b, RefCost(*model, l, o)});
      if (!model->Directed(l)) adj[b].push_back({a, RefCost(*model, l, o)});
    }
    for (int q = 0; q < 10; ++q) {
      const auto src = static_cast<EntityId>(rng.Below(n));
      std::vector<double> dist(n, std::numeric_limits<double>::infinity());
      dist[src] = 0;
      for (uint32_t it = 0; it < n; ++it) {
        bool changed = false;
        for (EntityId u = 0; u < n; ++u) {
          for (const auto& [v, c2] : adj[u]) {
            if (dist[u] + c2 < dist[v]) {
              dist[v] = dist[u] + c2;
              changed = true;
            }
          }
        }
        if (!changed) break;
      }
      for (int t = 0; t < 20; ++t) {
        const auto dst = static_cast<EntityId>(rng.Below(n));
        const auto p = f.Shortest(s.VertexOf(src), s.VertexOf(dst));
        if (dist[dst] == std::numeric_limits<double>::infinity()) {
          EXPECT_TRUE(p.empty());
          continue;
        }
        ASSERT_EQ(p.size(), 1u);
        EXPECT_NEAR(p[0].cost, dist[dst], 1e-9);
        CheckPath(s, o, p[0], s.VertexOf(src), s.VertexOf(dst));
      }
    }
  }
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

TEST(PathFinderTest, ProjectedSnapshotHasEdgesNotLinks) {
  Graph g;
  const std::vector<EntityInput> entities = {
      testing::Ent("p1", "person"),  testing::Ent("p2", "person"),  testing::Ent("p3", "person"),
      testing::Ent("s1", "seizure"), testing::Ent("s2", "seizure"), testing::Ent("s3", "seizure")};
  std::vector<LinkInput> links;
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"p1", "s1"}, {"p2", "s1"}, {"p2", "s2"}, {"p3", "s2"}, {"p2", "s3"}, {"p3", "s3"}}) {
    LinkInput l;
    l.from = a;
    l.to = b;
    links.push_back(l);
  }
  g.Add(entities, links);
  const Snapshot base = g.TakeSnapshot();
  ProjectionOptions po;
  po.onto = {"person"};
  const Snapshot s = Project(base, po);
  PathOptions o;
  o.weight = PathWeight::kDistance;
  PathFinder f(s, o);
  const auto p = f.Shortest(f.Resolve("p1"), f.Resolve("p3"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"p1", "p2", "p3"}));
  ASSERT_EQ(p[0].links.size(), 2u);
  EXPECT_EQ(p[0].links[0].link, kNoLink);
  EXPECT_EQ(p[0].links[0].weight, 1);
  EXPECT_EQ(p[0].links[1].weight, 2);  // p2 and p3 share two seizures
  EXPECT_EQ(p[0].cost, 3);
  o.min_confidence = 0.5;
  EXPECT_THROW(PathFinder(s, o), UsageError);
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

using namespace path_testing;

// The tie rule at a size where enumeration is out of reach and ties abound: exact (cost, hops)
// labels to the target by Bellman-Ford over the reference steps, then the walk that always
// takes the smallest external id among the neighbours on a shortest path.
TEST(PathFinderTest, TieRuleOnLargerGraphs) {
  Rng rng(606);
  int compared = 0;
  for (int round = 0; round < 6; ++round) {
    const Case c = RandomCase(rng, 150, 450);
    const auto model = Build(c);
    const Model& m = *model;
    const uint32_t n = m.entity_count();
    for (const PathWeight w :
         {PathWeight::kHops, PathWeight::kDistance, PathWeight::kReliability}) {
      PathOptions o = RandomOptions(rng, c, w);
      o.max_hops = 0;
      o.max_cost = std::numeric_limits<double>::infinity();
      std::map<std::pair<EntityId, EntityId>, double> step;
      for (LinkId l = 0; l < m.link_count(); ++l) {
        const EntityId a = m.From(l), b = m.To(l);
        if (a == b || !RefLinkOk(m, l, o)) continue;
        const double cost = RefCost(m, l, o);
        auto add = [&](EntityId x, EntityId y) {
          auto it = step.find({x, y});
          if (it == step.end() || cost < it->second) step[{x, y}] = cost;
        };
        const bool any = !m.Directed(l) || o.direction == Direction::kAny;
        if (any || o.direction == Direction::kForward) add(a, b);
        if (any || o.direction == Direction::kBackward) add(b, a);
      }
      const Snapshot s = Snapshot::Build(model, Flavours()[rng.Below(5)]);
      PathFinder f(s, o);
      for (int q = 0; q < 8; ++q) {
        const auto src = static_cast<EntityId>(rng.Below(n));
        const auto dst = static_cast<EntityId>(rng.Below(n));
        if (src == dst) continue;
        auto pass = [&](EntityId v) { return v == src || v == dst || RefVertexOk(m, v, o); };
        // Labels to dst.
        std::vector<std::pair<double, uint32_t>> d(
            n, {std::numeric_limits<double>::infinity(), kNone32});
        d[dst] = {0, 0};
        for (bool changed = true; changed;) {
          changed = false;
          for (const auto& [key, cost] : step) {
            const auto [x, y] = key;
            if (!pass(x) || !pass(y) || d[y].second == kNone32 || y == src || x == dst) continue;
            const std::pair<double, uint32_t> l{d[y].first + cost, d[y].second + 1};
            if (l < d[x]) {
              d[x] = l;
              changed = true;
            }
          }
        }
        const auto got = f.Shortest(s.VertexOf(src), s.VertexOf(dst));
        if (d[src].second == kNone32) {
          EXPECT_TRUE(got.empty());
          continue;
        }
        std::vector<EntityId> want = {src};
        for (EntityId u = src; u != dst;) {
          EntityId next = kNoEntity;
          for (EntityId x = 0; x < n; ++x) {
            auto it = step.find({u, x});
            if (it == step.end() || !pass(x) || x == src || d[x].second == kNone32) continue;
            if (d[x].first + it->second != d[u].first || d[x].second + 1 != d[u].second) continue;
            if (next == kNoEntity || m.ExternalId(x) < m.ExternalId(next)) next = x;
          }
          ASSERT_NE(next, kNoEntity);
          want.push_back(next);
          u = next;
        }
        ASSERT_EQ(got.size(), 1u);
        EXPECT_EQ(Ids(s, got[0].vertices), RefIds(m, want)) << "round " << round;
        EXPECT_EQ(got[0].cost, d[src].first);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 60);
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

using namespace path_testing;

// A PathFinder on a filtered view answers as one with the same filters on the whole snapshot
// (for endpoints that are in the view): vertex numbers differ, entities do not.
TEST(PathFinderTest, ViewsAnswerLikeFilters) {
  Rng rng(4711);
  int compared = 0;
  for (int round = 0; round < 60; ++round) {
    const Case c = RandomCase(rng, 10, 25);
    const auto model = Build(c);
    PathOptions o = RandomOptions(rng, c, static_cast<PathWeight>(rng.Below(3)));
    o.exclude_kinds.clear();
    o.exclude_link_types.clear();
    ViewFilter vf;
    vf.kinds = o.kinds;
    vf.link_types = o.link_types;
    vf.window = o.window;
    vf.keep_undated = o.keep_undated;
    vf.min_confidence = o.min_confidence;
    vf.exclude = o.exclude;
    const Snapshot s = Snapshot::Build(model, Flavours()[rng.Below(5)]);
    const Snapshot view = MakeView(s, vf);
    PathOptions plain;
    plain.weight = o.weight;
    plain.direction = o.direction;
    plain.max_hops = o.max_hops;
    plain.max_cost = o.max_cost;
    PathFinder whole(s, o), part(view, plain);
    for (VertexId a = 0; a < view.vertex_count(); ++a) {
      for (VertexId b = 0; b < view.vertex_count(); ++b) {
        const auto p1 = part.Shortest(a, b, 2);
        const auto p2 = whole.Shortest(s.VertexOf(view.Entity(a)), s.VertexOf(view.Entity(b)), 2);
        ASSERT_EQ(p1.size(), p2.size());
        for (size_t i = 0; i < p1.size(); ++i) EXPECT_EQ(p1[i].cost, p2[i].cost);
        if (!p1.empty()) {
          EXPECT_EQ(Ids(view, p1[0].vertices), Ids(s, p2[0].vertices));
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

using namespace path_testing;

// Denser cases with a hop bound below the cheapest path's hops: the hop layers at work.
TEST(PathFinderTest, HopBoundedRandomCases) {
  Rng rng(1212);
  for (int round = 0; round < 80; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(5, 9));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Between(12, 26)), false);
    const auto model = Build(c);
    PathOptions o;
    o.weight = rng.Chance(0.5) ? PathWeight::kDistance : PathWeight::kReliability;
    o.direction = static_cast<Direction>(rng.Below(3));
    o.max_hops = static_cast<uint32_t>(rng.Between(1, 3));
    const Snapshot s = Snapshot::Build(model, Flavours()[rng.Below(5)]);
    PathFinder f(s, o);
    for (int q = 0; q < 6; ++q) {
      CompareWithReference(s, o, f, static_cast<EntityId>(rng.Below(n)),
                           static_cast<EntityId>(rng.Below(n)), "round " + std::to_string(round));
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace linkscope
