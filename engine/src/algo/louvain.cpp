// Louvain: local moving, then aggregation of each community into one vertex, level by level.
#include "linkscope/algo/louvain.hpp"

#include <numeric>

#include "algo/community_graph.hpp"
#include "algo/community_result.hpp"
#include "algo/local_moving.hpp"
#include "algo/sweeps.hpp"
#include "linkscope/core/interrupt.hpp"

namespace linkscope {

Communities Louvain(const Snapshot& s, const LouvainParams& params) {
  using detail::CommunityGraph;
  detail::CheckNonNegative(params.resolution, "resolution");
  const int threads = detail::ThreadCount(params.threads);
  std::vector<uint32_t> origin;
  detail::Coloring coloring0;
  const CommunityGraph g0 = detail::SweepLevelZero(s, params.seed, threads, &origin, &coloring0);
  const uint32_t n0 = g0.n;

  detail::Hierarchy hierarchy;
  CommunityGraph owned;
  const CommunityGraph* g = &g0;
  for (uint32_t level = 0;; ++level) {
    std::vector<double> ones;
    const std::span<const double> nw = detail::NodeWeights(*g, params.objective, &ones);
    std::vector<uint32_t> comm(g->n);
    std::iota(comm.begin(), comm.end(), 0);
    // Level 0 is visited in id order, a seeded random order there already (an empty order);
    // above, a seeded shuffle.
    const std::vector<uint32_t> order =
        level == 0
            ? std::vector<uint32_t>()
            : detail::ShuffledOrder(g->n, detail::MixSeed(params.seed, 0x6c6f7576ULL,  // "louv"
                                                          level));
    detail::MoveOptions mo;
    mo.node_weight = nw;
    mo.lambda = detail::Lambda(*g, params.objective, params.resolution);
    mo.order = order;
    mo.coloring = level == 0 && detail::ColoredSweeps(*g) ? &coloring0 : nullptr;
    mo.threads = threads;
    if (detail::MoveNodes(*g, mo, &comm) == 0) break;  // polls interrupts every sweep
    ThrowIfInterrupted();                              // and here once a level
    // A vertex that held a community together may have left it: keep each connected part as a
    // community of its own (which only raises the quality), so no community is disconnected.
    detail::SplitDisconnected(*g, &comm);
    std::vector<uint32_t> new_id;
    CommunityGraph next = detail::Aggregate(*g, comm, &new_id, threads);
    if (next.n == g->n) break;  // moves without a merge: nothing left to aggregate
    std::vector<uint32_t> step(g->n);
    for (uint32_t v = 0; v < g->n; ++v) step[v] = new_id[comm[v]];
    hierarchy.Add(std::move(step), next.n,
                  detail::SingletonQuality(next, params.objective, params.resolution));
    owned = std::move(next);
    g = &owned;
  }
  const double modularity = detail::SingletonQuality(*g, Objective::kModularity, 1.0);
  const auto depth = static_cast<uint32_t>(hierarchy.steps.size());
  std::vector<detail::RawLevel> levels =
      hierarchy.empty() ? detail::SingletonLevels(
                              n0, detail::SingletonQuality(g0, params.objective, params.resolution))
                        : hierarchy.Levels(n0);
  return detail::FinishCommunities(s, origin, std::move(levels), params.objective,
                                   params.resolution, modularity, depth);
}

}  // namespace linkscope
