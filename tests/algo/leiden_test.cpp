// Leiden: tiny graphs with a known answer, the guarantees (connected communities, nested
// levels, reported quality), edge cases and bad parameters, on random graphs too.
#include "linkscope/algo/leiden.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "algo/community_test_util.hpp"
#include "linkscope/algo/components.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using testing::Edge;
using testing::ModelOf;
using testing::V;

// Everything Leiden promises about any result.
void CheckResult(const Snapshot& s, const Communities& c, const LeidenParams& p) {
  EXPECT_EQ(c.objective, p.objective);
  EXPECT_EQ(c.resolution, p.resolution);
  testing::ExpectConsistent(s, c, p.objective, p.resolution);
}

Communities RunChecked(const Snapshot& s, const LeidenParams& p = {}) {
  Communities c = Leiden(s, p);
  CheckResult(s, c, p);
  return c;
}

TEST(Leiden, EmptyAndTrivialGraphs) {
  const Snapshot empty = Snapshot::Build(ModelOf(0, {}));
  Communities c = RunChecked(empty);
  EXPECT_EQ(c.count(), 0u);
  EXPECT_EQ(c.modularity, 0.0);

  const Snapshot isolates = Snapshot::Build(ModelOf(4, {}));
  c = RunChecked(isolates);
  EXPECT_EQ(c.count(), 4u);
  // Numbered by external id when sizes tie.
  EXPECT_EQ(c.membership, (std::vector<uint32_t>{0, 1, 2, 3}));

  const Snapshot loop = Snapshot::Build(ModelOf(2, {{V(0), V(0)}, {V(1), V(1), 3}}));
  c = RunChecked(loop);
  EXPECT_EQ(c.count(), 2u);

  const Snapshot pair = Snapshot::Build(ModelOf(2, {{V(0), V(1)}}));
  LeidenParams cpm;
  cpm.objective = Objective::kCpm;
  cpm.resolution = 0.5;
  EXPECT_EQ(RunChecked(pair, cpm).count(), 1u);
}

TEST(Leiden, TwoCliques) {
  const Snapshot s = Snapshot::Build(ModelOf(10, testing::TwoCliques(5)));
  const Communities c = RunChecked(s);
  ASSERT_EQ(c.count(), 2u);
  for (uint32_t v = 0; v < 5; ++v) EXPECT_EQ(c.membership[v], c.membership[0]);
  for (uint32_t v = 5; v < 10; ++v) EXPECT_EQ(c.membership[v], c.membership[5]);
  EXPECT_NE(c.membership[0], c.membership[5]);
  EXPECT_NEAR(c.modularity, testing::NaiveModularity(s, c.membership, 1.0), 1e-12);
}

TEST(Leiden, CpmFindsEveryCliqueWhereModularityMergesThem) {
  // 30 cliques of 5 in a ring: modularity's resolution limit merges neighbouring cliques, CPM
  // with any γ between the density of two joined cliques (21/45) and 1 does not.
  const Snapshot s = Snapshot::Build(ModelOf(150, testing::RingOfCliques(30, 5)));
  LeidenParams p;
  p.objective = Objective::kCpm;
  p.resolution = 0.5;
  const Communities c = RunChecked(s, p);
  ASSERT_EQ(c.count(), 30u);
  for (uint32_t v = 0; v < 150; ++v) EXPECT_EQ(c.membership[v], c.membership[v - v % 5]);
  EXPECT_NEAR(c.quality, 30 * (10 - 0.5 * 10), 1e-9);
  EXPECT_LT(RunChecked(s).count(), 30u);
}

TEST(Leiden, WeightsAreStrengths) {
  // A 4-cycle: the heavy edges decide the pairs.
  const std::vector<Edge> ab = {
      {V(0), V(1), 10}, {V(1), V(2), 1}, {V(2), V(3), 10}, {V(3), V(0), 1}};
  Communities c = RunChecked(Snapshot::Build(ModelOf(4, ab)));
  EXPECT_EQ(c.membership[0], c.membership[1]);
  EXPECT_EQ(c.membership[2], c.membership[3]);
  EXPECT_NE(c.membership[0], c.membership[2]);
  const std::vector<Edge> bc = {
      {V(0), V(1), 1}, {V(1), V(2), 10}, {V(2), V(3), 1}, {V(3), V(0), 10}};
  c = RunChecked(Snapshot::Build(ModelOf(4, bc)));
  EXPECT_EQ(c.membership[1], c.membership[2]);
  EXPECT_EQ(c.membership[3], c.membership[0]);
  // Without weights the snapshot sees a plain 4-cycle.
  SnapshotOptions unweighted;
  unweighted.weights = false;
  const Snapshot plain = Snapshot::Build(ModelOf(4, ab), unweighted);
  EXPECT_NEAR(RunChecked(plain).modularity, 0.0, 1e-12);  // the best a 4-cycle allows
}

TEST(Leiden, ResolutionZeroGivesTheComponents) {
  Rng rng(3);
  const auto model = ModelOf(60, testing::RandomEdges(rng, 60, true));
  const Snapshot s = Snapshot::Build(model);
  LeidenParams p;
  p.resolution = 0;
  const Communities c = RunChecked(s, p);
  const Components comp = WeakComponents(s);
  EXPECT_EQ(c.count(), comp.count());
  EXPECT_NEAR(NormalizedMutualInformation(c.membership, comp.component), 1.0, 1e-12);
}

// A clique of 600 is one community from level 0 on, with 359 400 adjacency entries inside it:
// more than refinement keeps in its lists (it walks the rows again for such a community).
TEST(Leiden, GiantCommunityIsRefinedToo) {
  constexpr uint32_t kN = 600;
  std::vector<Edge> edges;
  for (uint32_t i = 0; i < kN; ++i) {
    for (uint32_t j = i + 1; j < kN; ++j) edges.push_back({V(i), V(j), 1.0});
  }
  const Snapshot s = Snapshot::Build(ModelOf(kN, edges));
  for (const Objective objective : {Objective::kModularity, Objective::kCpm}) {
    LeidenParams p;
    p.objective = objective;
    p.resolution = objective == Objective::kCpm ? 0.5 : 1.0;
    p.threads = 2;
    EXPECT_EQ(RunChecked(s, p).count(), 1u);
  }
}

TEST(Leiden, DirectedSnapshotReadsArcsAsEdges) {
  Rng rng(4);
  const auto model = ModelOf(80, testing::RandomEdges(rng, 80, true), /*directed=*/true);
  SnapshotOptions d;
  d.directed = true;
  const Snapshot directed = Snapshot::Build(model, d);
  const Snapshot undirected = Snapshot::Build(model);
  EXPECT_EQ(RunChecked(directed).membership, RunChecked(undirected).membership);
}

TEST(Leiden, GuaranteesHoldOnRandomGraphs) {
  Rng rng(2024);
  for (int round = 0; round < 80; ++round) {
    const auto n = static_cast<uint32_t>(rng.Below(70));
    const Snapshot s = Snapshot::Build(ModelOf(n, testing::RandomEdges(rng, n, rng.Chance(0.5))));
    LeidenParams p;
    p.seed = rng.Next();
    p.objective = rng.Chance(0.5) ? Objective::kModularity : Objective::kCpm;
    p.resolution = p.objective == Objective::kModularity
                       ? 0.25 * static_cast<double>(rng.Below(9))
                       : 0.05 * static_cast<double>(rng.Below(12));
    p.randomness = rng.Chance(0.3) ? 0.0 : 0.01;
    p.iterations = static_cast<uint32_t>(rng.Below(3));
    SCOPED_TRACE(::testing::Message() << "round " << round << " n " << n);
    const Communities c = RunChecked(s, p);
    if (p.iterations == 0 && n <= 40) {
      // Run until nothing changes, no vertex can improve the partition by moving on its own.
      EXPECT_TRUE(testing::NoImprovingMove(s, c.membership, p.objective, p.resolution));
    }
  }
}

TEST(Leiden, RunsOnViewsAndProjections) {
  // Persons linked to seizures: persons only, and persons projected through the seizures.
  Graph g;
  std::vector<EntityInput> ents;
  std::vector<LinkInput> links;
  for (int i = 0; i < 12; ++i) ents.push_back(testing::Ent(fmt::format("P{}", i), "person"));
  for (int i = 0; i < 4; ++i) ents.push_back(testing::Ent(fmt::format("S{}", i), "seizure"));
  auto link = [&](std::string a, std::string b, std::string type) {
    LinkInput l;
    l.from = std::move(a);
    l.to = std::move(b);
    l.type = std::move(type);
    links.push_back(l);
  };
  for (int i = 0; i < 12; ++i) {
    link(fmt::format("P{}", i), fmt::format("S{}", i / 6 * 2 + i % 2), "arrested_in");
    if (i % 6 != 5) link(fmt::format("P{}", i), fmt::format("P{}", i + 1), "associate");
  }
  g.Add(ents, links);
  const Snapshot all = g.TakeSnapshot();
  ViewFilter persons;
  persons.kinds = {"person"};
  const Snapshot view = MakeView(all, persons);
  const Communities cv = RunChecked(view);
  EXPECT_EQ(cv.membership.size(), 12u);
  ProjectionOptions po;
  po.onto = {"person"};
  po.via = {"seizure"};
  const Snapshot projected = Project(all, po);
  const Communities cp = RunChecked(projected);
  ASSERT_EQ(cp.membership.size(), 12u);
  // Through the seizures, P0 P2 P4 share S0 and P1 P3 P5 share S1.
  EXPECT_EQ(cp.membership[projected.VertexOfId("P0")], cp.membership[projected.VertexOfId("P2")]);
  EXPECT_NE(cp.membership[projected.VertexOfId("P0")], cp.membership[projected.VertexOfId("P1")]);
}

TEST(Leiden, IterationsAreCounted) {
  const Snapshot s = Snapshot::Build(ModelOf(150, testing::RingOfCliques(30, 5)));
  LeidenParams p;
  p.iterations = 1;
  EXPECT_EQ(RunChecked(s, p).iterations, 1u);
  p.iterations = 0;
  const Communities until = RunChecked(s, p);
  EXPECT_GE(until.iterations, 1u);
  EXPECT_LE(until.iterations, 100u);
}

TEST(Leiden, RejectsBadParameters) {
  const Snapshot s = Snapshot::Build(ModelOf(10, testing::TwoCliques(5)));
  LeidenParams p;
  p.resolution = -1;
  EXPECT_THROW(Leiden(s, p), UsageError);
  p.resolution = std::nan("");
  EXPECT_THROW(Leiden(s, p), UsageError);
  p = {};
  p.randomness = -0.1;
  EXPECT_THROW(Leiden(s, p), UsageError);
  p.randomness = HUGE_VAL;
  EXPECT_THROW(Leiden(s, p), UsageError);
}

}  // namespace
}  // namespace linkscope
