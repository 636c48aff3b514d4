// Label propagation: known answers and the property it ends with — every vertex weighs at
// least as much towards its own community as towards any other — with connected communities.
#include "linkscope/algo/label_propagation.hpp"

#include <gtest/gtest.h>

#include <map>

#include "algo/community_test_util.hpp"

namespace linkscope {
namespace {

using testing::ModelOf;
using testing::V;

// Dominance: no neighbouring community outweighs a vertex's own.
bool Dominant(const Snapshot& s, const std::vector<uint32_t>& c) {
  const auto a = testing::Matrix(s);
  for (size_t v = 0; v < a.size(); ++v) {
    std::map<uint32_t, double> w;
    for (size_t u = 0; u < a.size(); ++u) {
      if (u != v && a[v][u] > 0) w[c[u]] += a[v][u];
    }
    double best = 0;
    for (const auto& [label, weight] : w) best = std::max(best, weight);
    const double own = w.count(c[v]) ? w[c[v]] : 0.0;
    if (own < best - 1e-9) return false;
  }
  return true;
}

TEST(LabelPropagation, TrivialGraphs) {
  EXPECT_EQ(LabelPropagation(Snapshot::Build(ModelOf(0, {}))).count(), 0u);
  const Communities c = LabelPropagation(Snapshot::Build(ModelOf(3, {{V(1), V(1)}})));
  EXPECT_EQ(c.count(), 3u);
  EXPECT_EQ(c.levels.size(), 1u);
}

TEST(LabelPropagation, TwoCliques) {
  const Snapshot s = Snapshot::Build(ModelOf(12, testing::TwoCliques(6)));
  const Communities c = LabelPropagation(s);
  ASSERT_EQ(c.count(), 2u);
  for (uint32_t v = 0; v < 6; ++v) EXPECT_EQ(c.membership[v], c.membership[0]);
  for (uint32_t v = 6; v < 12; ++v) EXPECT_EQ(c.membership[v], c.membership[6]);
  EXPECT_NEAR(c.modularity, Modularity(s, c.membership), 1e-12);
  EXPECT_EQ(c.quality, c.modularity);
}

TEST(LabelPropagation, EndsDominantAndConnectedOnRandomGraphs) {
  Rng rng(99);
  for (int round = 0; round < 80; ++round) {
    const auto n = static_cast<uint32_t>(rng.Below(60));
    const Snapshot s = Snapshot::Build(ModelOf(n, testing::RandomEdges(rng, n, rng.Chance(0.5))));
    LabelPropagationParams p;
    p.seed = rng.Next();
    const Communities c = LabelPropagation(s, p);
    SCOPED_TRACE(::testing::Message() << "round " << round);
    ASSERT_EQ(c.membership.size(), n);
    EXPECT_TRUE(Dominant(s, c.membership));
    EXPECT_TRUE(DisconnectedCommunities(s, c.membership).empty());
    EXPECT_GE(c.iterations, n == 0 ? 0u : 1u);
  }
}

}  // namespace
}  // namespace linkscope
