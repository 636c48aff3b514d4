#include "linkscope/algo/label_propagation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "algo/accumulator.hpp"
#include "algo/community_graph.hpp"
#include "algo/community_result.hpp"
#include "algo/sweeps.hpp"
#include "core/hash.hpp"
#include "linkscope/algo/quality.hpp"

namespace linkscope {
namespace {

using detail::CommunityGraph;

// A safety net: a vertex keeps its label while it is dominant and no two neighbours change at
// once, so sweeps end in practice long before this.
constexpr uint32_t kMaxSweeps = 1000;

}  // namespace

Communities LabelPropagation(const Snapshot& s, const LabelPropagationParams& params) {
  const int threads = detail::ThreadCount(params.threads);
  std::vector<uint32_t> origin;
  detail::Coloring coloring;
  const CommunityGraph g = detail::SweepLevelZero(s, params.seed, threads, &origin, &coloring);
  const uint32_t n = g.n;
  // Every vertex its own label; visited in id order (a seeded random order at level 0).
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0);
  const bool colored = detail::ColoredSweeps(g);
  uint64_t visits = 0;
  // The heaviest label around v; the current one while it is among the heaviest, otherwise one
  // of them at random (the smallest hash of label, vertex and seed: independent of the order
  // neighbours are listed in).
  auto choose = [&](uint32_t v, auto& sums) {
    g.ForEach(v, [&](uint32_t u, double w) { sums.Add(label[u], w); });
    uint32_t next = label[v];
    double best = 0;
    const uint32_t count = sums.size();
    for (uint32_t i = 0; i < count; ++i) best = std::max(best, sums.Sum(i));
    const double tol = 1e-12 * best;
    if (count > 0 && sums.Get(label[v]) < best - tol) {
      const uint64_t visit = detail::MixSeed(params.seed, v, label[v]);
      uint64_t pick = UINT64_MAX;
      for (uint32_t i = 0; i < count; ++i) {
        if (sums.Sum(i) < best - tol) continue;
        const uint32_t l = sums.Label(i);
        const uint64_t h = detail::HashInt(l ^ visit);
        if (h < pick || (h == pick && l < next)) {
          pick = h;
          next = l;
        }
      }
    }
    return next;
  };
  auto evaluate = [&](uint32_t v, detail::Accumulator& acc) {
    return acc.Visit(g.off[v + 1] - g.off[v], [&](auto& sums) { return choose(v, sums); });
  };
  auto apply = [&](uint32_t v, uint32_t next, detail::Accumulator&) {
    ++visits;
    if (next == label[v]) return false;
    label[v] = next;
    return true;
  };
  detail::RunSweeps<uint32_t>(
      g, {}, colored ? &coloring : nullptr, threads, kMaxSweeps, label, nullptr,
      [n] { return detail::Accumulator(n); }, evaluate, apply,
      [](uint32_t, uint32_t next) { return next; });

  // A label can hold two groups that never touch: each is a community of its own.
  detail::SplitDisconnected(g, &label);
  std::vector<detail::RawLevel> levels(1);
  std::vector<uint32_t> dense(n, kNone32);
  levels[0].membership.resize(n);
  for (uint32_t v = 0; v < n; ++v) {
    if (dense[label[v]] == kNone32) dense[label[v]] = levels[0].count++;
    levels[0].membership[v] = dense[label[v]];
  }
  const auto iterations = static_cast<uint32_t>(n == 0 ? 0 : (visits + n - 1) / n);
  Communities c = detail::FinishCommunities(s, origin, std::move(levels), Objective::kModularity,
                                            1.0, 0.0, iterations);
  c.modularity = c.quality = c.levels[0].quality = Modularity(s, c.membership, 1.0);
  return c;
}

}  // namespace linkscope
