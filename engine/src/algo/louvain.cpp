// Louvain: local moving, then aggregation of each community into one vertex, level by level.
#include "linkscope/algo/louvain.hpp"

#include <numeric>

#include "algo/community_graph.hpp"
#include "algo/community_result.hpp"
#include "algo/local_moving.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope {

Communities Louvain(const Snapshot& s, const LouvainParams& params) {
  using detail::CommunityGraph;
  detail::CheckNonNegative(params.resolution, "resolution");
  const int threads = detail::ThreadCount(params.threads);
  std::vector<uint32_t> origin;
  const CommunityGraph g0 = detail::LevelZero(s, params.seed, threads, &origin);
  const uint32_t n0 = g0.n;
  const bool cpm = params.objective == Objective::kCpm;

  std::vector<detail::RawLevel> levels;
  std::vector<uint32_t> map(n0);  // level-0 vertex -> vertex of the current level
  std::iota(map.begin(), map.end(), 0);
  CommunityGraph owned;
  const CommunityGraph* g = &g0;
  for (uint32_t level = 0;; ++level) {
    std::vector<double> nw;
    if (!cpm) {
      nw = g->strength;
    } else {
      nw = g->size.empty() ? std::vector<double>(g->n, 1.0) : g->size;
    }
    std::vector<uint32_t> comm(g->n);
    std::iota(comm.begin(), comm.end(), 0);
    // Level 0 is visited in id order, a seeded random order there already (an empty order);
    // above, a seeded shuffle.
    std::vector<uint32_t> order;
    if (level > 0) {
      order.resize(g->n);
      std::iota(order.begin(), order.end(), 0);
      Rng rng(detail::MixSeed(params.seed, 0x6c6f7576ULL, level));  // "louv"
      rng.Shuffle(std::span<uint32_t>(order));
    }
    detail::MoveOptions mo;
    mo.node_weight = nw;
    mo.lambda = cpm ? params.resolution : (g->total > 0 ? params.resolution / g->total : 0.0);
    mo.order = order;
    mo.threads = threads;
    if (detail::MoveNodes(*g, mo, &comm) == 0) break;
    // A vertex that held a community together may have left it: keep each connected part as a
    // community of its own (which only raises the quality), so no community is disconnected.
    detail::SplitDisconnected(*g, &comm);
    std::vector<uint32_t> new_id;
    CommunityGraph next = detail::Aggregate(*g, comm, &new_id, threads);
    if (next.n == g->n) break;  // moves without a merge: nothing left to aggregate
    for (uint32_t v = 0; v < n0; ++v) map[v] = new_id[comm[map[v]]];
    detail::RawLevel lvl;
    lvl.membership = map;
    lvl.count = next.n;
    lvl.quality = detail::SingletonQuality(next, params.objective, params.resolution);
    levels.push_back(std::move(lvl));
    owned = std::move(next);
    g = &owned;
  }
  const double modularity = detail::SingletonQuality(*g, Objective::kModularity, 1.0);
  const auto depth = static_cast<uint32_t>(levels.size());
  if (levels.empty()) {
    levels = detail::SingletonLevels(
        n0, detail::SingletonQuality(g0, params.objective, params.resolution));
  }
  return detail::FinishCommunities(s, origin, std::move(levels), params.objective,
                                   params.resolution, modularity, depth);
}

}  // namespace linkscope
