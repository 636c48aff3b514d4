// The schedule of the community sweeps (algo/sweeps.hpp): the greedy colouring, level 0
// renumbered so that its colour classes are contiguous (SweepLevelZero), and the coloured
// sweeps against a plain one-thread simulation of the same schedule.
#include "algo/sweeps.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <span>
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

// Greedy in visiting order (empty: id order): a vertex of class k > 0 has an earlier neighbour
// in every class < k; and the same colouring again.
void ExpectGreedyColoring(const CommunityGraph& g, std::span<const uint32_t> order) {
  const Coloring c = ColorGraph(g, order);
  ExpectProperColoring(g, c);
  std::vector<uint32_t> color(g.n);
  std::vector<uint32_t> position(g.n);
  for (uint32_t i = 0; i < g.n; ++i) position[order.empty() ? i : order[i]] = i;
  for (uint32_t k = 0; k < c.colors; ++k) {
    for (uint32_t i = c.start[k]; i < c.start[k + 1]; ++i) color[c.members[i]] = k;
  }
  for (uint32_t v = 0; v < g.n; ++v) {
    std::vector<bool> below(color[v], false);
    g.ForEach(v, [&](uint32_t u, double) {
      if (position[u] < position[v] && color[u] < color[v]) below[color[u]] = true;
    });
    ASSERT_TRUE(std::all_of(below.begin(), below.end(), [](bool b) { return b; }))
        << "vertex " << v << " could have taken a smaller colour";
  }
  const Coloring again = ColorGraph(g, order);
  EXPECT_EQ(again.members, c.members);
  EXPECT_EQ(again.start, c.start);
}

TEST(ColorGraph, ProperGreedyAndDeterministic) {
  const Snapshot s = Planted(3000, 12);
  std::vector<uint32_t> origin;
  const CommunityGraph g = LevelZero(s, 1, 1, &origin);
  ExpectGreedyColoring(g, {});
  ExpectGreedyColoring(g, ShuffledOrder(g.n, 7));
}

// The colours are kept in one, two or four bytes by the maximum degree: a clique of 300 needs
// 300 colours (two bytes), a star of 70 000 leaves a degree that only four bytes hold.
TEST(ColorGraph, WideColours) {
  std::vector<testing::Edge> clique;
  for (uint32_t i = 0; i < 300; ++i) {
    for (uint32_t j = i + 1; j < 300; ++j) clique.push_back({testing::V(i), testing::V(j)});
  }
  std::vector<uint32_t> origin;
  const Snapshot s1 = Snapshot::Build(testing::ModelOf(300, clique));
  const CommunityGraph g1 = LevelZero(s1, 1, 1, &origin);
  EXPECT_EQ(ColorGraph(g1, {}).colors, 300u);
  ExpectGreedyColoring(g1, ShuffledOrder(g1.n, 3));

  constexpr uint32_t kLeaves = 70000;
  std::vector<testing::Edge> star;
  for (uint32_t i = 1; i <= kLeaves; ++i) star.push_back({testing::V(0), testing::V(i)});
  star.push_back({testing::V(1), testing::V(2)});  // one triangle: three colours
  const Snapshot s2 = Snapshot::Build(testing::ModelOf(kLeaves + 1, star));
  const CommunityGraph g2 = LevelZero(s2, 1, 1, &origin);
  EXPECT_EQ(ColorGraph(g2, {}).colors, 3u);
  ExpectGreedyColoring(g2, {});
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

// A toy rule to sweep with: a vertex takes the heaviest label around it (ties: the smallest),
// and every 29th vertex, while it still has a label of the graph, asks for a fresh one that no
// vertex has (numbered from n up), so the flags of a change to a new label are exercised too.
struct ToyRule {
  const CommunityGraph& g;
  std::vector<uint32_t>& label;
  uint32_t fresh;

  static constexpr uint32_t kFresh = kNone32;
  uint32_t Evaluate(uint32_t v) const {
    if (v % 29 == 0 && label[v] < g.n) return kFresh;
    std::vector<std::pair<uint32_t, double>> sums;
    g.ForEach(v, [&](uint32_t u, double w) { sums.emplace_back(label[u], w); });
    std::sort(sums.begin(), sums.end());
    uint32_t best = label[v];
    double best_w = 0;
    for (size_t i = 0; i < sums.size();) {
      double w = 0;
      size_t j = i;
      for (; j < sums.size() && sums[j].first == sums[i].first; ++j) w += sums[j].second;
      if (w > best_w) {
        best_w = w;
        best = sums[i].first;
      }
      i = j;
    }
    return best;
  }
  bool Apply(uint32_t v, uint32_t next) {
    if (next == label[v]) return false;
    label[v] = next == kFresh ? fresh++ : next;
    return true;
  }
};

// The coloured schedule as sweeps.hpp states it, one step at a time: the active vertices of a
// sweep, class by class; a class evaluated against the labels as the classes before it left
// them, its changes applied in order; a change activates, for the next sweep, the neighbours
// with another label that this sweep does not evaluate later.
uint64_t SimulateColoredSweeps(const CommunityGraph& g, const Coloring& c, uint32_t max_sweeps,
                               ToyRule& rule) {
  std::vector<uint8_t> active(g.n, 1);
  std::vector<uint32_t> class_in_work(g.n);
  uint64_t changes = 0;
  for (uint32_t sweep = 0; sweep < max_sweeps; ++sweep) {
    std::vector<std::vector<uint32_t>> work(c.colors);
    std::fill(class_in_work.begin(), class_in_work.end(), kNone32);
    bool any = false;
    for (uint32_t k = 0; k < c.colors; ++k) {
      for (uint32_t i = c.start[k]; i < c.start[k + 1]; ++i) {
        const uint32_t v = c.members.empty() ? i : c.members[i];
        if (!active[v]) continue;
        work[k].push_back(v);
        class_in_work[v] = k;
        any = true;
      }
    }
    if (!any) break;
    uint64_t sweep_changes = 0;
    for (uint32_t k = 0; k < c.colors; ++k) {
      std::vector<uint32_t> proposal;
      for (const uint32_t v : work[k]) proposal.push_back(rule.Evaluate(v));
      for (size_t i = 0; i < work[k].size(); ++i) {
        const uint32_t v = work[k][i];
        active[v] = 0;
        if (!rule.Apply(v, proposal[i])) continue;
        ++sweep_changes;
        g.ForEach(v, [&](uint32_t u, double) {
          if (rule.label[u] != rule.label[v] &&
              (class_in_work[u] == kNone32 || class_in_work[u] < k)) {
            active[u] = 1;
          }
        });
      }
    }
    changes += sweep_changes;
    if (sweep_changes == 0) break;
  }
  return changes;
}

class ColoredSweepsSchedule : public ::testing::TestWithParam<bool> {};

// RunSweeps (flag lists made at evaluation, per-thread buffers, relaxed state words) gives what
// the plain simulation gives: the same labels and change count, on one thread and on two.
TEST_P(ColoredSweepsSchedule, MatchesPlainSimulation) {
  const bool weighted = GetParam();
  const Snapshot s = weighted ? RandomWeighted(3000) : Planted(3000, 9);
  std::vector<uint32_t> origin;
  const CommunityGraph g = LevelZero(s, 4, 1, &origin);
  const Coloring coloring = ColorGraph(g, {});
  ASSERT_GT(coloring.colors, 2u);
  constexpr uint32_t kMaxSweeps = 40;

  std::vector<uint32_t> expected(g.n);
  std::iota(expected.begin(), expected.end(), 0);
  ToyRule reference{g, expected, g.n};
  const uint64_t expected_changes = SimulateColoredSweeps(g, coloring, kMaxSweeps, reference);
  ASSERT_GT(expected_changes, g.n / 2);  // a real workout, not a sweep that changes nothing

  for (const int threads : {1, 2}) {
    std::vector<uint32_t> label(g.n);
    std::iota(label.begin(), label.end(), 0);
    ToyRule rule{g, label, g.n};
    const uint64_t changes = RunSweeps<uint32_t>(
        g, {}, &coloring, threads, kMaxSweeps, label, nullptr, [] { return 0; },
        [&](uint32_t v, int) { return rule.Evaluate(v); },
        [&](uint32_t v, uint32_t next, int) { return rule.Apply(v, next); },
        [](uint32_t, uint32_t next) { return next; });
    EXPECT_EQ(changes, expected_changes) << threads << " threads";
    EXPECT_EQ(label, expected) << threads << " threads";
  }
}

INSTANTIATE_TEST_SUITE_P(Weights, ColoredSweepsSchedule, ::testing::Values(false, true));

}  // namespace
}  // namespace linkscope::detail
