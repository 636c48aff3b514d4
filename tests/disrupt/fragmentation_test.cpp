// MeasureFragmentation against the definitions (Floyd-Warshall distances on a matrix built from
// the model's links) on random small graphs with loops, parallel and directed links, random
// removals; and the edge cases: empty graph, isolates, everything removed, a bad mask.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "disrupt/disrupt_test_util.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/keyplayers.hpp"

namespace linkscope {
namespace {

using namespace linkscope::testing;

TEST(Fragmentation, MatchesDefinitionOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 120; ++seed) {
    Rng rng(seed * 7919);
    const auto n = static_cast<uint32_t>(1 + rng.Below(16));
    const auto m = static_cast<uint32_t>(rng.Below(2 * n + 1));
    const auto model = Load(MakeRandomCase(n, m, seed));
    for (const bool directed : {false, true}) {
      const Snapshot s = Snap(model, directed);
      const auto adj = Adjacency(s);
      std::vector<uint8_t> removed(n, 0);
      for (uint32_t v = 0; v < n; ++v) removed[v] = rng.Chance(0.25) ? 1 : 0;
      const Fragmentation f = MeasureFragmentation(s, removed, true);
      const uint32_t left = Remaining(removed);
      EXPECT_EQ(f.vertices, left);
      EXPECT_NEAR(f.fragmentation, FByDefinition(adj, removed), 1e-12) << "seed " << seed;
      EXPECT_NEAR(f.distance_fragmentation, DfByDefinition(adj, removed), 1e-12) << "seed " << seed;
      // Components and the largest one, by the distance matrix.
      const auto d = Distances(adj, removed);
      uint32_t components = 0;
      uint32_t largest = 0;
      std::vector<uint8_t> seen(n, 0);
      for (uint32_t v = 0; v < n; ++v) {
        if (removed[v] || seen[v]) continue;
        ++components;
        uint32_t size = 0;
        for (uint32_t u = 0; u < n; ++u) {
          if (d[v][u] != kUnreachable) {
            seen[u] = 1;
            ++size;
          }
        }
        largest = std::max(largest, size);
      }
      EXPECT_EQ(f.components, components);
      EXPECT_EQ(f.largest_component, largest);
      EXPECT_DOUBLE_EQ(f.largest_share, static_cast<double>(largest) / n);
      // Without distance weighting, DF is not computed.
      const Fragmentation g = MeasureFragmentation(s, removed);
      EXPECT_EQ(g.distance_fragmentation, 0);
      EXPECT_EQ(g.fragmentation, f.fragmentation);
    }
  }
}

TEST(Fragmentation, HandWorked) {
  // A path a-b-c-d and an isolated e: removing b leaves {a}, {c, d}, {e}.
  Graph g;
  g.Add(std::vector<EntityInput>{Ent("a"), Ent("b"), Ent("c"), Ent("d"), Ent("e")},
        std::vector<LinkInput>{Lnk("a", "b"), Lnk("b", "c"), Lnk("c", "d")});
  const Snapshot s = g.TakeSnapshot();
  const Fragmentation intact = MeasureFragmentation(s, {}, true);
  EXPECT_EQ(intact.vertices, 5u);
  EXPECT_EQ(intact.components, 2u);
  EXPECT_EQ(intact.largest_component, 4u);
  EXPECT_DOUBLE_EQ(intact.largest_share, 0.8);
  EXPECT_DOUBLE_EQ(intact.fragmentation, 1.0 - 12.0 / 20.0);
  // Path distances: 3 pairs at 1, 2 at 2, 1 at 3, both ways.
  EXPECT_DOUBLE_EQ(intact.distance_fragmentation, 1.0 - 2 * (3 + 2.0 / 2 + 1.0 / 3) / 20.0);
  std::vector<uint8_t> removed(5, 0);
  removed[s.VertexOfId("b")] = 1;
  const Fragmentation cut = MeasureFragmentation(s, removed, true);
  EXPECT_EQ(cut.vertices, 4u);
  EXPECT_EQ(cut.components, 3u);
  EXPECT_EQ(cut.largest_component, 2u);
  EXPECT_DOUBLE_EQ(cut.largest_share, 0.4);
  EXPECT_DOUBLE_EQ(cut.fragmentation, 1.0 - 2.0 / 12.0);
  EXPECT_DOUBLE_EQ(cut.distance_fragmentation, 1.0 - 2.0 / 12.0);
}

TEST(Fragmentation, EdgeCases) {
  Graph empty;
  const Snapshot e = empty.TakeSnapshot();
  const Fragmentation f = MeasureFragmentation(e, {}, true);
  EXPECT_EQ(f.vertices, 0u);
  EXPECT_EQ(f.components, 0u);
  EXPECT_EQ(f.largest_component, 0u);
  EXPECT_EQ(f.largest_share, 0);
  EXPECT_EQ(f.fragmentation, 0);
  EXPECT_EQ(f.distance_fragmentation, 0);

  // Isolates only: every pair is disconnected.
  Graph iso;
  iso.Add(std::vector<EntityInput>{Ent("a"), Ent("b"), Ent("c")}, {});
  const Snapshot si = iso.TakeSnapshot();
  const Fragmentation fi = MeasureFragmentation(si, {}, true);
  EXPECT_EQ(fi.components, 3u);
  EXPECT_EQ(fi.fragmentation, 1);
  EXPECT_EQ(fi.distance_fragmentation, 1);
  // One vertex left: no pair, F = DF = 0 by convention.
  const std::vector<uint8_t> two{1, 1, 0};
  const Fragmentation one = MeasureFragmentation(si, two, true);
  EXPECT_EQ(one.vertices, 1u);
  EXPECT_EQ(one.fragmentation, 0);
  EXPECT_EQ(one.distance_fragmentation, 0);
  const std::vector<uint8_t> all{1, 1, 1};
  const Fragmentation none = MeasureFragmentation(si, all, true);
  EXPECT_EQ(none.vertices, 0u);
  EXPECT_EQ(none.components, 0u);
  EXPECT_EQ(none.largest_share, 0);

  const std::vector<uint8_t> bad{0, 1};
  EXPECT_THROW(MeasureFragmentation(si, bad), UsageError);
}

TEST(Fragmentation, DirectedIsWeak) {
  // a -> b <- c: weakly one component, although no vertex reaches both others along arcs.
  Graph g;
  g.Add(std::vector<EntityInput>{Ent("a"), Ent("b"), Ent("c")},
        std::vector<LinkInput>{Lnk("a", "b", "link", true), Lnk("c", "b", "link", true)});
  SnapshotOptions o;
  o.directed = true;
  const Snapshot s = g.TakeSnapshot(o);
  const Fragmentation f = MeasureFragmentation(s, {}, true);
  EXPECT_EQ(f.components, 1u);
  EXPECT_EQ(f.fragmentation, 0);
  EXPECT_DOUBLE_EQ(f.distance_fragmentation, 1.0 - (4 + 2 * 0.5) / 6.0);
}

}  // namespace
}  // namespace linkscope
