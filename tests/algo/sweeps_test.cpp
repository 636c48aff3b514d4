// The schedule of the community sweeps (algo/sweeps.hpp): the greedy colouring, and level 0
// renumbered so that its colour classes are contiguous (SweepLevelZero).
#include "algo/sweeps.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

#include "algo/community_graph.hpp"
#include "algo/community_test_util.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/gen/planted.hpp"

namespace linkscope::detail {
namespace {

Snapshot Planted(uint32_t vertices, double mean_degree) {
  PlantedPartitionOptions o;
  o.vertices = vertices;
  o.mean_degree = mean_degree;
  o.seed = 5;
  return Snapshot::Build(PlantedPartitionModel(GeneratePlantedPartition(o)));
}

// Weighted, with self-loops and parallel links.
Snapshot RandomWeighted(uint32_t vertices) {
  Rng rng(17);
  return Snapshot::Build(
      testing::ModelOf(vertices, testing::RandomEdges(rng, vertices, /*weighted=*/true)));
}

// Every row of g in snapshot ids (through origin), sorted, with its weights: comparable
// between two numberings of the same graph.
std::vector<std::vector<std::pair<uint32_t, double>>> RowsBySnapshotId(
    const CommunityGraph& g, const std::vector<uint32_t>& origin) {
  std::vector<std::vector<std::pair<uint32_t, double>>> rows(g.n);
  for (uint32_t v = 0; v < g.n; ++v) {
    auto& row = rows[origin[v]];
    g.ForEach(v, [&](uint32_t u, double w) { row.emplace_back(origin[u], w); });
    std::sort(row.begin(), row.end());
  }
  return rows;
}

void ExpectProperColoring(const CommunityGraph& g, const Coloring& c) {
  ASSERT_EQ(c.start.size(), static_cast<size_t>(c.colors) + 1);
  ASSERT_EQ(c.start.back(), g.n);
  std::vector<uint32_t> color(g.n, kNone32);
  for (uint32_t k = 0; k < c.colors; ++k) {
    ASSERT_LT(c.start[k], c.start[k + 1]) << "empty class " << k;
    for (uint32_t i = c.start[k]; i < c.start[k + 1]; ++i) {
      color[c.members.empty() ? i : c.members[i]] = k;
    }
  }
  for (uint32_t v = 0; v < g.n; ++v) {
    ASSERT_NE(color[v], kNone32) << "vertex " << v << " has no class";
    g.ForEach(v, [&](uint32_t u, double) {
      EXPECT_NE(color[u], color[v]) << "neighbours " << u << " and " << v << " share a class";
    });
  }
}

TEST(ColorGraph, ProperGreedyAndDeterministic) {
  const Snapshot s = Planted(3000, 12);
  std::vector<uint32_t> origin;
  const CommunityGraph g = LevelZero(s, 1, 1, &origin);
  const Coloring c = ColorGraph(g, {});
  ExpectProperColoring(g, c);
  // Greedy in id order: a vertex of class k > 0 has an earlier neighbour in every class < k.
  std::vector<uint32_t> color(g.n);
  for (uint32_t k = 0; k < c.colors; ++k) {
    for (uint32_t i = c.start[k]; i < c.start[k + 1]; ++i) color[c.members[i]] = k;
  }
  for (uint32_t v = 0; v < g.n; ++v) {
    std::vector<bool> below(color[v], false);
    g.ForEach(v, [&](uint32_t u, double) {
      if (u < v && color[u] < color[v]) below[color[u]] = true;
    });
    EXPECT_TRUE(std::all_of(below.begin(), below.end(), [](bool b) { return b; }))
        << "vertex " << v << " could have taken a smaller colour";
  }
  const Coloring again = ColorGraph(g, {});
  EXPECT_EQ(again.members, c.members);
  EXPECT_EQ(again.start, c.start);
}

TEST(SweepLevelZero, SmallGraphIsLevelZeroUnchanged) {
  const Snapshot s = Planted(2000, 8);
  std::vector<uint32_t> origin0;
  std::vector<uint32_t> origin;
  const CommunityGraph g0 = LevelZero(s, 3, 2, &origin0);
  Coloring coloring;
  coloring.colors = 7;  // must be reset
  const CommunityGraph g = SweepLevelZero(s, 3, 2, &origin, &coloring);
  ASSERT_FALSE(ColoredSweeps(g));
  EXPECT_EQ(coloring.colors, 0u);
  EXPECT_TRUE(coloring.members.empty());
  EXPECT_EQ(origin, origin0);
  EXPECT_TRUE(std::equal(g.adj.begin(), g.adj.end(), g0.adj.begin(), g0.adj.end()));
}

class SweepLevelZeroLarge : public ::testing::TestWithParam<bool> {};

// On a graph that is swept by classes: the same graph in other ids, classes contiguous and
// in the visiting order of the canonical numbering, and the same for any thread count.
TEST_P(SweepLevelZeroLarge, RenumbersByClass) {
  const bool weighted = GetParam();
  const Snapshot s =
      weighted ? RandomWeighted(kColoredSweepMin + 5000) : Planted(kColoredSweepMin + 5000, 6);
  std::vector<uint32_t> origin0;
  const CommunityGraph g0 = LevelZero(s, 9, 2, &origin0);
  ASSERT_TRUE(ColoredSweeps(g0));
  const Coloring c0 = ColorGraph(g0, {});

  std::vector<uint32_t> origin;
  Coloring c;
  const CommunityGraph g = SweepLevelZero(s, 9, 2, &origin, &c);
  ASSERT_EQ(g.n, g0.n);
  EXPECT_EQ(g.total, g0.total);
  EXPECT_EQ(g.w.empty(), !weighted);
  // Classes are the ranges of ids, in the same visiting order as before.
  EXPECT_EQ(c.colors, c0.colors);
  EXPECT_EQ(c.start, c0.start);
  EXPECT_TRUE(c.members.empty());  // class k is the ids start[k] .. start[k + 1]
  for (uint32_t i = 0; i < g.n; ++i) {
    ASSERT_EQ(origin[i], origin0[c0.members[i]]) << "new vertex " << i;
  }
  ExpectProperColoring(g, c);
  // The same rows, weights, self-loops and strengths, vertex by vertex.
  EXPECT_EQ(RowsBySnapshotId(g, origin), RowsBySnapshotId(g0, origin0));
  for (uint32_t i = 0; i < g.n; ++i) {
    const uint32_t v = c0.members[i];
    ASSERT_EQ(g.self[i], g0.self[v]);
    ASSERT_EQ(g.strength[i], g0.strength[v]);
  }
  // One thread gives the same.
  std::vector<uint32_t> origin1;
  Coloring c1;
  const CommunityGraph g1 = SweepLevelZero(s, 9, 1, &origin1, &c1);
  EXPECT_EQ(origin1, origin);
  EXPECT_TRUE(std::equal(g1.adj.begin(), g1.adj.end(), g.adj.begin(), g.adj.end()));
}

INSTANTIATE_TEST_SUITE_P(Weights, SweepLevelZeroLarge, ::testing::Values(false, true));

}  // namespace
}  // namespace linkscope::detail
