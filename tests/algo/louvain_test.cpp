// Louvain: known answers, the hierarchy, the reported figures, local optimality of the levels.
#include "linkscope/algo/louvain.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "algo/community_test_util.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {
namespace {

using testing::ModelOf;
using testing::V;

void CheckResult(const Snapshot& s, const Communities& c, const LouvainParams& p) {
  testing::ExpectConsistent(s, c, p.objective, p.resolution);
  if (c.iterations > 0) {
    EXPECT_EQ(c.iterations, c.levels.size());  // one level per pass
  }
  for (size_t l = 0; l + 1 < c.levels.size(); ++l) {
    // Each level is coarser than the one before and no worse.
    EXPECT_GT(c.levels[l].count, c.levels[l + 1].count);
    EXPECT_LT(c.levels[l].quality, c.levels[l + 1].quality + 1e-12);
  }
}

Communities RunChecked(const Snapshot& s, const LouvainParams& p = {}) {
  Communities c = Louvain(s, p);
  CheckResult(s, c, p);
  return c;
}

TEST(Louvain, TrivialGraphs) {
  EXPECT_EQ(RunChecked(Snapshot::Build(ModelOf(0, {}))).count(), 0u);
  const Communities c = RunChecked(Snapshot::Build(ModelOf(3, {})));
  EXPECT_EQ(c.count(), 3u);
  EXPECT_EQ(c.levels.size(), 1u);
}

TEST(Louvain, TwoCliquesAndTheRing) {
  Communities c = RunChecked(Snapshot::Build(ModelOf(10, testing::TwoCliques(5))));
  ASSERT_EQ(c.count(), 2u);
  EXPECT_NE(c.membership[0], c.membership[9]);
  LouvainParams cpm;
  cpm.objective = Objective::kCpm;
  cpm.resolution = 0.5;
  c = RunChecked(Snapshot::Build(ModelOf(150, testing::RingOfCliques(30, 5))), cpm);
  EXPECT_EQ(c.count(), 30u);
}

TEST(Louvain, ConnectedCommunitiesOnRandomGraphs) {
  Rng rng(77);
  for (int round = 0; round < 80; ++round) {
    const auto n = static_cast<uint32_t>(rng.Below(70));
    const Snapshot s = Snapshot::Build(ModelOf(n, testing::RandomEdges(rng, n, rng.Chance(0.5))));
    LouvainParams p;
    p.seed = rng.Next();
    p.objective = rng.Chance(0.5) ? Objective::kModularity : Objective::kCpm;
    p.resolution = p.objective == Objective::kModularity ? 1.0 : 0.2;
    SCOPED_TRACE(::testing::Message() << "round " << round);
    const Communities c = RunChecked(s, p);
    for (const CommunityLevel& l : c.levels) {
      EXPECT_TRUE(DisconnectedCommunities(s, l.membership).empty());
    }
    // Never worse than every vertex on its own.
    std::vector<uint32_t> alone(n);
    std::iota(alone.begin(), alone.end(), 0);
    EXPECT_GE(c.quality, Quality(s, alone, p.objective, p.resolution) - 1e-9);
  }
}

TEST(Louvain, RejectsBadParameters) {
  const Snapshot s = Snapshot::Build(ModelOf(4, {{V(0), V(1)}}));
  LouvainParams p;
  p.resolution = -0.5;
  EXPECT_THROW(Louvain(s, p), UsageError);
  p.resolution = HUGE_VAL;
  EXPECT_THROW(Louvain(s, p), UsageError);
}

}  // namespace
}  // namespace linkscope
