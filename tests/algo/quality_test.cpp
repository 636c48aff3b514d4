// Modularity, CPM quality, NMI, ARI and the connectivity check, against values worked out by
// hand and against the plain definitions in community_test_util.hpp.
#include "linkscope/algo/quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "algo/community_test_util.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope {
namespace {

using testing::Edge;
using testing::ModelOf;
using testing::V;

TEST(Modularity, TwoTrianglesByHand) {
  // Two triangles joined by one edge: m = 7; each side has 3 internal edges and degree sum 7.
  const std::vector<Edge> e = {{V(0), V(1)}, {V(1), V(2)}, {V(0), V(2)}, {V(3), V(4)},
                               {V(4), V(5)}, {V(3), V(5)}, {V(2), V(3)}};
  const Snapshot s = Snapshot::Build(ModelOf(6, e));
  const std::vector<uint32_t> split = {0, 0, 0, 1, 1, 1};
  EXPECT_NEAR(Modularity(s, split), 2 * (3.0 / 7 - 0.25), 1e-12);  // 5/14
  EXPECT_NEAR(Modularity(s, std::vector<uint32_t>(6, 0)), 0.0, 1e-12);
  EXPECT_NEAR(Modularity(s, split, 0.5), 2 * (3.0 / 7 - 0.125), 1e-12);
  // CPM: 3 edges and 3 pairs per side.
  EXPECT_NEAR(CpmQuality(s, split, 0.5), 2 * (3 - 0.5 * 3), 1e-12);
  EXPECT_NEAR(CpmQuality(s, std::vector<uint32_t>(6, 0), 0.5), 7 - 0.5 * 15, 1e-12);
  // Labels need not be dense.
  EXPECT_NEAR(Modularity(s, std::vector<uint32_t>{9, 9, 9, 4000000000u, 4000000000u, 4000000000u}),
              5.0 / 14, 1e-12);
}

TEST(Modularity, EqualsTheDefinitionOnRandomGraphs) {
  Rng rng(11);
  for (int round = 0; round < 60; ++round) {
    const auto n = static_cast<uint32_t>(rng.Below(30));
    const bool weighted = rng.Chance(0.5);
    const bool directed = rng.Chance(0.3);
    const auto model = ModelOf(n, testing::RandomEdges(rng, n, weighted), directed);
    SnapshotOptions so;
    so.directed = directed && rng.Chance(0.5);
    so.collapse_parallel = rng.Chance(0.3);
    const Snapshot s = Snapshot::Build(model, so);
    std::vector<uint32_t> c(n);
    for (auto& x : c) x = static_cast<uint32_t>(rng.Below(4));
    for (const double gamma : {0.0, 0.5, 1.0, 2.5}) {
      EXPECT_NEAR(Modularity(s, c, gamma), testing::NaiveModularity(s, c, gamma), 1e-9);
      EXPECT_NEAR(CpmQuality(s, c, gamma), testing::NaiveCpm(s, c, gamma), 1e-9);
      EXPECT_EQ(Quality(s, c, Objective::kCpm, gamma), CpmQuality(s, c, gamma));
    }
  }
}

TEST(Modularity, EdgeCases) {
  const Snapshot empty = Snapshot::Build(ModelOf(0, {}));
  EXPECT_EQ(Modularity(empty, {}), 0.0);
  const Snapshot isolates = Snapshot::Build(ModelOf(3, {}));
  EXPECT_EQ(Modularity(isolates, std::vector<uint32_t>{0, 1, 2}), 0.0);
  // A single self-loop: all its weight is inside, and so is all the degree.
  const Snapshot loop = Snapshot::Build(ModelOf(1, {{V(0), V(0)}}));
  EXPECT_NEAR(Modularity(loop, std::vector<uint32_t>{0}), 0.0, 1e-12);
  EXPECT_THROW(Modularity(isolates, std::vector<uint32_t>{0, 1}), UsageError);
  EXPECT_THROW(CpmQuality(isolates, std::vector<uint32_t>{}, 1.0), UsageError);
}

TEST(Nmi, KnownValues) {
  const std::vector<uint32_t> a = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation(a, a), 1.0);
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation(a, std::vector<uint32_t>{7, 7, 3, 3}), 1.0);
  // B refines A: I = H(A) = ln 2, H(B) = 1.5 ln 2, NMI = 2 / 2.5 (as scikit-learn gives).
  EXPECT_NEAR(NormalizedMutualInformation(a, std::vector<uint32_t>{0, 0, 1, 2}), 0.8, 1e-12);
  // Independent halves.
  EXPECT_NEAR(NormalizedMutualInformation(a, std::vector<uint32_t>{0, 1, 0, 1}), 0.0, 1e-12);
  // Trivial partitions: one block each (no information to share, but identical).
  EXPECT_DOUBLE_EQ(
      NormalizedMutualInformation(std::vector<uint32_t>(5, 1), std::vector<uint32_t>(5, 2)), 1.0);
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation({}, {}), 1.0);
  EXPECT_THROW(NormalizedMutualInformation(a, std::vector<uint32_t>{0}), UsageError);
}

TEST(Ari, KnownValues) {
  const std::vector<uint32_t> a = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(AdjustedRandIndex(a, std::vector<uint32_t>{5, 5, 2, 2}), 1.0);
  // scikit-learn: adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714285714.
  EXPECT_NEAR(AdjustedRandIndex(a, std::vector<uint32_t>{0, 0, 1, 2}), 4.0 / 7, 1e-12);
  // adjusted_rand_score([0,0,1,1], [0,1,0,1]) = -0.5.
  EXPECT_NEAR(AdjustedRandIndex(a, std::vector<uint32_t>{0, 1, 0, 1}), -0.5, 1e-12);
  EXPECT_DOUBLE_EQ(
      AdjustedRandIndex(std::vector<uint32_t>{0, 1, 2}, std::vector<uint32_t>{2, 1, 0}), 1.0);
  EXPECT_NEAR(AdjustedRandIndex(std::vector<uint32_t>{0, 1, 2, 3}, std::vector<uint32_t>(4, 0)),
              0.0, 1e-12);
  EXPECT_THROW(AdjustedRandIndex(a, std::vector<uint32_t>{0, 1, 2}), UsageError);
}

// NMI and ARI against the formulas computed pair by pair on random partitions.
TEST(Ari, EqualsPairCountingOnRandomPartitions) {
  Rng rng(5);
  for (int round = 0; round < 50; ++round) {
    const size_t n = 2 + rng.Below(40);
    std::vector<uint32_t> a(n);
    std::vector<uint32_t> b(n);
    for (size_t i = 0; i < n; ++i) {
      a[i] = static_cast<uint32_t>(rng.Below(4));
      b[i] = rng.Chance(0.6) ? a[i] : static_cast<uint32_t>(rng.Below(5));
    }
    // Rand-index pair counts.
    double both = 0, in_a = 0, in_b = 0;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        both += a[i] == a[j] && b[i] == b[j];
        in_a += a[i] == a[j];
        in_b += b[i] == b[j];
      }
    }
    const double pairs = static_cast<double>(n * (n - 1) / 2);
    const double expected = in_a * in_b / pairs;
    const double max_index = (in_a + in_b) / 2;
    if (max_index != expected) {
      EXPECT_NEAR(AdjustedRandIndex(a, b), (both - expected) / (max_index - expected), 1e-12);
    }
    const double nmi = NormalizedMutualInformation(a, b);
    EXPECT_GE(nmi, 0.0);
    EXPECT_LE(nmi, 1.0);
    EXPECT_NEAR(nmi, NormalizedMutualInformation(b, a), 1e-12);
  }
}

TEST(Disconnected, FindsSplitLabels) {
  // 0-1-2 and 3-4, with labels {0,1,3} = 7 (disconnected), {2} = 8, {4} = 9.
  const Snapshot s = Snapshot::Build(ModelOf(5, {{V(0), V(1)}, {V(1), V(2)}, {V(3), V(4)}}));
  EXPECT_EQ(DisconnectedCommunities(s, std::vector<uint32_t>{7, 7, 8, 7, 9}),
            std::vector<uint32_t>{7});
  EXPECT_TRUE(DisconnectedCommunities(s, std::vector<uint32_t>{0, 0, 0, 1, 1}).empty());
  EXPECT_EQ(DisconnectedCommunities(s, std::vector<uint32_t>{0, 0, 0, 0, 0}),
            std::vector<uint32_t>{0});
  EXPECT_THROW(DisconnectedCommunities(s, std::vector<uint32_t>{0}), UsageError);
}

}  // namespace
}  // namespace linkscope
