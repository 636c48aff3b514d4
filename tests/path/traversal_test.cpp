// BfsHops and DijkstraDistances against a plain reference over the link records, on every
// snapshot flavour and direction; a graph dense enough for the bottom-up BFS steps.
#include "linkscope/path/traversal.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <vector>

#include "linkscope/core/error.hpp"
#include "path_test_util.hpp"

namespace linkscope {
namespace {

using namespace path_testing;

constexpr Direction kDirections[] = {Direction::kForward, Direction::kBackward, Direction::kAny};

// Steps a -> b with their weights, by entity.
std::vector<std::vector<std::pair<EntityId, double>>> RefAdj(const Model& m, Direction d) {
  std::vector<std::vector<std::pair<EntityId, double>>> adj(m.entity_count());
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const EntityId a = m.From(l), b = m.To(l);
    if (a == b) continue;
    const bool any = !m.Directed(l) || d == Direction::kAny;
    if (any || d == Direction::kForward) adj[a].push_back({b, m.Weight(l)});
    if (any || d == Direction::kBackward) adj[b].push_back({a, m.Weight(l)});
  }
  return adj;
}

std::vector<uint32_t> RefBfs(const Model& m, Direction d, EntityId s) {
  const auto adj = RefAdj(m, d);
  std::vector<uint32_t> dist(m.entity_count(), kNone32);
  std::vector<EntityId> queue = {s};
  dist[s] = 0;
  for (size_t h = 0; h < queue.size(); ++h) {
    for (const auto& [w, c] : adj[queue[h]]) {
      if (dist[w] == kNone32) {
        dist[w] = dist[queue[h]] + 1;
        queue.push_back(w);
      }
    }
  }
  return dist;
}

std::vector<double> RefDijkstra(const Model& m, Direction d, EntityId s) {
  const auto adj = RefAdj(m, d);
  std::vector<double> dist(m.entity_count(), std::numeric_limits<double>::infinity());
  std::set<std::pair<double, EntityId>> queue = {{0.0, s}};
  dist[s] = 0;
  while (!queue.empty()) {
    const auto [du, u] = *queue.begin();
    queue.erase(queue.begin());
    for (const auto& [w, c] : adj[u]) {
      if (du + c < dist[w]) {
        queue.erase({dist[w], w});
        dist[w] = du + c;
        queue.insert({dist[w], w});
      }
    }
  }
  return dist;
}

void Compare(const Snapshot& s, Direction d, EntityId src) {
  const Model& m = s.model();
  const auto bfs = BfsHops(s, s.VertexOf(src), d);
  const auto dij = DijkstraDistances(s, s.VertexOf(src), d);
  const auto rb = RefBfs(m, d, src);
  const auto rd = RefDijkstra(m, d, src);
  ASSERT_EQ(bfs.size(), rb.size());
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    const VertexId v = s.VertexOf(e);
    EXPECT_EQ(bfs[v], rb[e]) << "entity " << m.ExternalId(e);
    EXPECT_EQ(dij[v], rd[e]) << "entity " << m.ExternalId(e);
  }
}

TEST(TraversalTest, RandomCasesEveryFlavourAndDirection) {
  Rng rng(99);
  for (int round = 0; round < 60; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(1, 30));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Below(60)), false);
    const auto model = Build(c);
    for (const SnapshotOptions& so : Flavours()) {
      const Snapshot s = Snapshot::Build(model, so);
      for (const Direction d : kDirections) {
        Compare(s, d, static_cast<EntityId>(rng.Below(n)));
        if (HasFatalFailure()) return;
      }
    }
  }
}

TEST(TraversalTest, DenseGraphUsesBottomUpSteps) {
  Rng rng(3);
  const Case c = RandomCase(rng, 3000, 40000, false);
  const auto model = Build(c);
  for (const SnapshotOptions& so : Flavours()) {
    const Snapshot s = Snapshot::Build(model, so);
    for (const Direction d : kDirections) {
      Compare(s, d, static_cast<EntityId>(rng.Below(3000)));
      if (HasFatalFailure()) return;
    }
  }
}

TEST(TraversalTest, SourceOutOfRangeIsAnError) {
  Graph g;
  const Snapshot s = g.TakeSnapshot();
  EXPECT_THROW(BfsHops(s, 0), UsageError);
  EXPECT_THROW(DijkstraDistances(s, 0), UsageError);
}

}  // namespace
}  // namespace linkscope
