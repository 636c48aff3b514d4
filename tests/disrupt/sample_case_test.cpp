// The embedded sample case (datasets/sample/case.jsonl: planted trafficking networks with
// brokers, guns, seizures and routes across countries), end to end: key players on the
// persons view, their removal and the flows it cuts, and a degree robustness curve. Slow tier:
// the k = 2 set against the exhaustive optimum over all pairs of the 1 350 persons.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "disrupt/disrupt_test_util.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/disrupt/removal.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using namespace linkscope::testing;

std::shared_ptr<const Model> SampleCase() {
  Graph g;
  g.Load({std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl"});
  return g.shared_model();
}

Snapshot Persons(const std::shared_ptr<const Model>& m) {
  ViewFilter f;
  f.kinds = {"person"};
  return MakeView(Snapshot::Build(m), f);
}

TEST(SampleCase, KeyPlayersRemovalAndRobustness) {
  const Snapshot s = Persons(SampleCase());
  ASSERT_GT(s.vertex_count(), 1000u);
  KeyPlayerOptions o;
  o.k = 5;
  const KeyPlayerResult r = FindKeyPlayers(s, o);
  ASSERT_EQ(r.set.size(), 5u);
  EXPECT_GT(r.score, r.before.fragmentation);
  EXPECT_GE(r.score, r.greedy_score);
  EXPECT_EQ(r.after.fragmentation, r.score);
  // k = 1 is the exhaustive optimum, checked through MeasureFragmentation.
  o.k = 1;
  const KeyPlayerResult one = FindKeyPlayers(s, o);
  double best = 0;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    best = std::max(best, MeasureFragmentation(s, MaskOf(s.vertex_count(), {v})).fragmentation);
  }
  EXPECT_EQ(one.score, best);

  // The sample's networks trade along routes across countries: there are flows, and removing
  // the key players leaves fewer (never more) of them.
  const RemovalResult cut = SimulateRemoval(s, r.set);
  EXPECT_FALSE(cut.flows_before.empty());
  EXPECT_LE(cut.flows_after.size(), cut.flows_before.size());
  EXPECT_EQ(cut.flows_before.size(), cut.flows_after.size() + cut.cut.size());
  EXPECT_EQ(cut.after.fragmentation, r.after.fragmentation);
  std::printf("sample: %zu flows between countries, %zu cut by the 5 key players\n",
              cut.flows_before.size(), cut.cut.size());

  // Removing by degree: the largest share never grows.
  const auto curve = RobustnessCurve(s, DegreeOrder(s), 50);
  ASSERT_GE(curve.size(), 2u);
  for (size_t i = 1; i < curve.size(); ++i) {
    EXPECT_LE(curve[i].largest_share, curve[i - 1].largest_share);
  }
  EXPECT_EQ(curve.back().components, 0u);
}

// Can fail: the search is a heuristic. It documents that on a realistic case file the default
// search finds the best pair.
TEST(SlowSampleCase, PairIsTheExhaustiveOptimum) {
  const Snapshot s = Persons(SampleCase());
  const uint32_t n = s.vertex_count();
  KeyPlayerOptions o;
  o.k = 2;
  const KeyPlayerResult r = FindKeyPlayers(s, o);
  double best = 0;
  std::vector<uint8_t> mask(n, 0);
  for (VertexId a = 0; a < n; ++a) {
    mask[a] = 1;
    for (VertexId b = a + 1; b < n; ++b) {
      mask[b] = 1;
      best = std::max(best, MeasureFragmentation(s, mask).fragmentation);
      mask[b] = 0;
    }
    mask[a] = 0;
  }
  EXPECT_EQ(r.score, best);
}

}  // namespace
}  // namespace linkscope
