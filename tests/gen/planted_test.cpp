// The planted-partition generator: the graph it promises (simple, sizes, mixing), determinism,
// and bad options.
#include "linkscope/gen/planted.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope {
namespace {

PlantedPartitionOptions Small() {
  PlantedPartitionOptions o;
  o.vertices = 20000;
  o.seed = 7;
  return o;
}

TEST(PlantedPartition, SimpleGraphWithTheRequestedShape) {
  const PlantedPartitionOptions o = Small();
  const PlantedPartition g = GeneratePlantedPartition(o);
  ASSERT_EQ(g.vertices, o.vertices);
  ASSERT_EQ(g.community.size(), o.vertices);
  // Sorted, u < v, no duplicates.
  for (size_t i = 0; i < g.edges.size(); ++i) {
    ASSERT_LT(g.edges[i].first, g.edges[i].second);
    ASSERT_LT(g.edges[i].second, g.vertices);
    if (i > 0) {
      ASSERT_LT(g.edges[i - 1], g.edges[i]);
    }
  }
  // Communities of 20-200 members (the last may absorb a remainder below 20).
  std::map<uint32_t, uint32_t> sizes;
  for (const uint32_t c : g.community) ++sizes[c];
  EXPECT_EQ(sizes.size(), g.communities);
  for (const auto& [c, size] : sizes) {
    EXPECT_GE(size, o.min_community);
    EXPECT_LE(size, o.max_community + o.min_community);
  }
  // About mean_degree * n / 2 edges and the requested share leaving communities.
  const double m = static_cast<double>(g.edges.size());
  EXPECT_NEAR(m, o.mean_degree * o.vertices / 2, 0.01 * m);
  uint64_t inter = 0;
  for (const auto& [u, v] : g.edges) inter += g.community[u] != g.community[v];
  EXPECT_NEAR(static_cast<double>(inter) / m, o.mixing, 0.01);
  // Members are not ranges of ids: the first community's members are spread out.
  std::vector<uint32_t> first;
  for (uint32_t v = 0; v < g.vertices; ++v) {
    if (g.community[v] == g.community[0]) first.push_back(v);
  }
  ASSERT_GE(first.size(), 2u);
  EXPECT_GT(first[first.size() - 1] - first[0], 10 * first.size());
}

TEST(PlantedPartition, SameOptionsSameGraph) {
  const PlantedPartition a = GeneratePlantedPartition(Small());
  const PlantedPartition b = GeneratePlantedPartition(Small());
  EXPECT_EQ(a.edges, b.edges);
  EXPECT_EQ(a.community, b.community);
  PlantedPartitionOptions other = Small();
  other.seed = 8;
  EXPECT_NE(GeneratePlantedPartition(other).edges, a.edges);
}

TEST(PlantedPartition, ModelHasEveryVertexInIdOrder) {
  PlantedPartitionOptions o = Small();
  o.vertices = 500;
  o.mean_degree = 0.5;  // some isolated vertices
  const PlantedPartition g = GeneratePlantedPartition(o);
  const auto model = PlantedPartitionModel(g);
  ASSERT_EQ(model->entity_count(), 500u);
  ASSERT_EQ(model->link_count(), g.edges.size());
  for (uint32_t v = 0; v < 500; ++v) EXPECT_EQ(model->ExternalId(v), std::to_string(v));
  const Snapshot s = Snapshot::Build(model);
  EXPECT_EQ(s.edge_count(), g.edges.size());
}

TEST(PlantedPartition, RejectsBadOptions) {
  PlantedPartitionOptions o = Small();
  o.vertices = 1;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
  o = Small();
  o.min_community = 1;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
  o = Small();
  o.max_community = 10;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
  o = Small();
  o.mixing = 1.0;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
  o = Small();
  o.mean_degree = 0;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
  // More edges between two communities of 25 than there are pairs across them: an error, not a
  // search that never ends.
  o = Small();
  o.vertices = 50;
  o.min_community = o.max_community = 25;
  o.mean_degree = 100;
  o.mixing = 0.5;
  EXPECT_THROW(GeneratePlantedPartition(o), UsageError);
}

}  // namespace
}  // namespace linkscope
