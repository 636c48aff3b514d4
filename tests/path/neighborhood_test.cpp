// NeighborhoodOf against a reference expansion over the link records (and, forward in time,
// over every walk of at most `depth` steps), on every snapshot flavour.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/path/path.hpp"
#include "path_test_util.hpp"

namespace linkscope {
namespace {

using namespace path_testing;

// Entity -> depth.
std::map<EntityId, uint32_t> RefNeighborhood(const Model& m, const std::vector<EntityId>& seeds,
                                             uint32_t depth, const PathOptions& o, bool in_time) {
  std::map<EntityId, uint32_t> best;
  std::set<EntityId> seed_set(seeds.begin(), seeds.end());
  for (const EntityId s : seeds) best[s] = 0;
  std::function<void(EntityId, TimePoint, uint32_t)> walk = [&](EntityId u, TimePoint clock,
                                                                uint32_t h) {
    if (h == depth) return;
    for (EntityId w = 0; w < m.entity_count(); ++w) {
      if (w == u || seed_set.count(w) || !RefVertexOk(m, w, o)) continue;
      for (const LinkId l : RefLinks(m, u, w, o)) {
        TimePoint next = clock;
        if (in_time) {
          const DateRange d = m.LinkDates(l);
          if (!d.dated()) {
            if (!o.keep_undated) continue;
          } else {
            if (d.hi < clock) continue;
            next = std::max(clock, d.lo);
          }
        }
        auto it = best.find(w);
        if (it == best.end() || it->second > h + 1) best[w] = h + 1;
        walk(w, next, h + 1);
      }
    }
  };
  for (const EntityId s : seeds) walk(s, kOpenStart, 0);
  return best;
}

TEST(NeighborhoodTest, RandomCasesMatchReference) {
  Rng rng(31337);
  for (int round = 0; round < 120; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(1, 7));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Below(12)));
    const auto model = Build(c);
    PathOptions o = RandomOptions(rng, c, PathWeight::kHops);
    o.max_hops = 0;
    const bool in_time = rng.Chance(0.5);
    const auto depth = static_cast<uint32_t>(rng.Below(4));
    std::vector<EntityId> seeds = {static_cast<EntityId>(rng.Below(n))};
    if (rng.Chance(0.3)) seeds.push_back(static_cast<EntityId>(rng.Below(n)));
    const auto want = RefNeighborhood(*model, seeds, depth, o, in_time);
    for (const SnapshotOptions& so : Flavours()) {
      const Snapshot s = Snapshot::Build(model, so);
      std::vector<VertexId> vs;
      for (const EntityId e : seeds) vs.push_back(s.VertexOf(e));
      const Neighborhood nb = NeighborhoodOf(s, vs, depth, o, in_time);
      ASSERT_EQ(nb.depth.size(), nb.view.vertex_count());
      std::map<EntityId, uint32_t> got;
      for (VertexId v = 0; v < nb.view.vertex_count(); ++v) got[nb.view.Entity(v)] = nb.depth[v];
      EXPECT_EQ(got, want) << "round " << round;
      // The view keeps exactly the admissible links among its entities.
      std::multiset<LinkId> links, want_links;
      for (EdgeId e = 0; e < nb.view.edge_count(); ++e) {
        for (const LinkId l : nb.view.EdgeLinks(e)) links.insert(l);
      }
      for (LinkId l = 0; l < model->link_count(); ++l) {
        if (want.count(model->From(l)) && want.count(model->To(l)) && RefLinkOk(*model, l, o)) {
          want_links.insert(l);
          if (so.directed && !model->Directed(l) && model->From(l) != model->To(l)) {
            want_links.insert(l);  // two arcs
          }
        }
      }
      EXPECT_EQ(links, want_links) << "round " << round;
      EXPECT_EQ(nb.view.directed(), so.directed);
    }
  }
}

TEST(NeighborhoodTest, ErrorsAndGap) {
  Graph g;
  LinkInput l;
  l.from = "a";
  l.to = "b";
  const std::vector<LinkInput> links = {l};
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  const std::vector<VertexId> bad = {7};
  EXPECT_THROW(NeighborhoodOf(s, bad, 1, PathOptions{}), UsageError);
  PathOptions gap;
  gap.time_respecting = true;
  gap.max_gap_seconds = 5;
  const std::vector<VertexId> a = {s.VertexOfId("a")};
  EXPECT_THROW(NeighborhoodOf(s, a, 1, gap), UsageError);
  const Neighborhood nb = NeighborhoodOf(s, a, 0, PathOptions{});
  EXPECT_EQ(nb.view.vertex_count(), 1u);
  EXPECT_EQ(nb.view.edge_count(), 0u);
}

}  // namespace
}  // namespace linkscope
