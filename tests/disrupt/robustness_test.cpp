// RobustnessCurve against a fresh fragmentation measurement of every prefix (MeasureFragmentation
// is checked against the definition in fragmentation_test.cpp) on random graphs and orders;
// the spacing of `steps`; edge cases; OrderByScore and DegreeOrder.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "disrupt/disrupt_test_util.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/removal.hpp"

namespace linkscope {
namespace {

using namespace linkscope::testing;

TEST(Robustness, MatchesAMeasurementPerPrefix) {
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    Rng rng(seed * 65537);
    const auto n = static_cast<uint32_t>(rng.Below(30));
    const auto model = Load(MakeRandomCase(n, static_cast<uint32_t>(rng.Below(2 * n + 2)), seed));
    const Snapshot s = Snap(model, seed % 2 == 0);
    std::vector<VertexId> order(n);
    std::iota(order.begin(), order.end(), 0);
    rng.Shuffle(std::span<VertexId>(order));
    order.resize(rng.Below(n + 1));  // a partial ranking as often as not
    const auto curve = RobustnessCurve(s, order);
    ASSERT_EQ(curve.size(), order.size() + 1) << "seed " << seed;
    std::vector<uint8_t> removed(n, 0);
    for (size_t i = 0; i <= order.size(); ++i) {
      if (i > 0) removed[order[i - 1]] = 1;
      const Fragmentation f = MeasureFragmentation(s, removed);
      EXPECT_EQ(curve[i].removed, i);
      EXPECT_EQ(curve[i].components, f.components) << "seed " << seed << " prefix " << i;
      EXPECT_EQ(curve[i].largest_component, f.largest_component);
      EXPECT_DOUBLE_EQ(curve[i].largest_share, f.largest_share);
    }
    // Spaced prefixes: a subset of the full curve, ends included.
    for (const uint32_t steps : {1u, 3u, 7u, 100u}) {
      const auto spaced = RobustnessCurve(s, order, steps);
      ASSERT_FALSE(spaced.empty());
      EXPECT_LE(spaced.size(), size_t{steps} + 1);
      EXPECT_EQ(spaced.front().removed, 0u);
      EXPECT_EQ(spaced.back().removed, order.size());
      for (size_t i = 0; i < spaced.size(); ++i) {
        if (i > 0) {
          EXPECT_LT(spaced[i - 1].removed, spaced[i].removed);
        }
        const RobustnessPoint& full = curve[spaced[i].removed];
        EXPECT_EQ(spaced[i].components, full.components);
        EXPECT_EQ(spaced[i].largest_component, full.largest_component);
      }
    }
  }
}

TEST(Robustness, StepsAreEvenlySpaced) {
  Graph g;
  std::vector<EntityInput> ents;
  for (int i = 0; i < 10; ++i) ents.push_back(Ent(Id("v", i)));
  g.Add(ents, {});
  const Snapshot s = g.TakeSnapshot();
  std::vector<VertexId> order(10);
  std::iota(order.begin(), order.end(), 0);
  auto removed = [&](uint32_t steps) {
    std::vector<uint32_t> out;
    for (const auto& p : RobustnessCurve(s, order, steps)) out.push_back(p.removed);
    return out;
  };
  EXPECT_EQ(removed(4), (std::vector<uint32_t>{0, 3, 5, 8, 10}));  // round(2.5) = 3
  EXPECT_EQ(removed(5), (std::vector<uint32_t>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(removed(1), (std::vector<uint32_t>{0, 10}));
  EXPECT_EQ(removed(20).size(), 11u);  // more steps than prefixes: every prefix once
  // Isolates: n components, largest 1, until everything is gone.
  const auto c = RobustnessCurve(s, order);
  EXPECT_EQ(c[0].components, 10u);
  EXPECT_DOUBLE_EQ(c[0].largest_share, 0.1);
  EXPECT_EQ(c[10].components, 0u);
  EXPECT_EQ(c[10].largest_share, 0);
}

TEST(Robustness, HubFirstBreaksAStar) {
  Graph g;
  std::vector<EntityInput> ents{Ent("hub")};
  std::vector<LinkInput> links;
  for (int i = 0; i < 5; ++i) {
    ents.push_back(Ent(Id("leaf", i)));
    links.push_back(Lnk("hub", Id("leaf", i)));
  }
  g.Add(ents, links);
  const Snapshot s = g.TakeSnapshot();
  const std::vector<VertexId> order = DegreeOrder(s);
  EXPECT_EQ(s.ExternalId(order[0]), "hub");
  EXPECT_EQ(s.ExternalId(order[1]), "leaf0");  // ties by external id
  const auto c = RobustnessCurve(s, order);
  EXPECT_EQ(c[0].largest_component, 6u);
  EXPECT_EQ(c[1].largest_component, 1u);
  EXPECT_EQ(c[1].components, 5u);
}

TEST(Robustness, InvalidAndEmpty) {
  Graph empty;
  const Snapshot e = empty.TakeSnapshot();
  const auto c = RobustnessCurve(e, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].removed, 0u);
  EXPECT_EQ(c[0].components, 0u);
  EXPECT_TRUE(DegreeOrder(e).empty());

  Graph g;
  g.Add(std::vector<EntityInput>{Ent("a"), Ent("b")}, std::vector<LinkInput>{Lnk("a", "b")});
  const Snapshot s = g.TakeSnapshot();
  const std::vector<VertexId> repeat{0, 0};
  EXPECT_THROW(RobustnessCurve(s, repeat), UsageError);
  const std::vector<VertexId> outside{2};
  EXPECT_THROW(RobustnessCurve(s, outside), UsageError);
  const std::vector<double> short_scores{1.0};
  EXPECT_THROW(OrderByScore(s, short_scores), UsageError);
  const std::vector<double> nan{1.0, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_THROW(OrderByScore(s, nan), UsageError);
}

TEST(Robustness, OrderByScoreHighestFirstTiesById) {
  Graph g;
  g.Add(std::vector<EntityInput>{Ent("c"), Ent("a"), Ent("b"), Ent("d")}, {});
  const Snapshot s = g.TakeSnapshot();
  std::vector<double> scores(4, 0);
  scores[s.VertexOfId("d")] = 2;
  scores[s.VertexOfId("c")] = 1;
  scores[s.VertexOfId("a")] = 1;
  scores[s.VertexOfId("b")] = -1;
  const auto order = OrderByScore(s, scores);
  EXPECT_EQ(IdsOf(s, order), (std::vector<std::string>{"d", "a", "c", "b"}));
}

}  // namespace
}  // namespace linkscope
