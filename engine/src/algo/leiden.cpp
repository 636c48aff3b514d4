// Leiden: local moving, refinement, aggregation (Traag, Waltman & van Eck 2019, Algorithm A.1).
#include "linkscope/algo/leiden.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "algo/accumulator.hpp"
#include "algo/community_graph.hpp"
#include "algo/community_result.hpp"
#include "algo/local_moving.hpp"
#include "algo/sweeps.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope {
namespace {

using detail::CommunityGraph;

constexpr uint32_t kMaxIterations = 100;

struct Setup {
  Objective objective;
  double resolution;
  double theta;
  uint64_t seed;
  int threads;
  // Level 0 is the same graph in every iteration: its colouring is made once.
  detail::Coloring coloring0;
};

// Refinement (Algorithm A.2, MergeNodesSubset): inside every community of `comm`, start from
// singletons and merge well-connected singletons into well-connected sub-communities. Returns
// the refined labels (vertices of g, each sub-community inside one community).
std::vector<uint32_t> Refine(const CommunityGraph& g, std::span<const uint32_t> comm,
                             std::span<const double> nw, double lambda,
                             std::span<const uint32_t> order, const Setup& st, uint64_t stream) {
  const uint32_t n = g.n;
  std::vector<uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0);
  std::vector<uint32_t> start;
  std::vector<uint32_t> members;
  detail::GroupByLabel(comm, order, n, &start, &members);
  // Per refined label (a vertex): node weight, weight of edges to the rest of its community,
  // member count, side by side (one cache line per access: the labels of a community are
  // scattered over the graph). Communities own disjoint sets of labels, so they run in
  // parallel.
  struct Sub {
    double weight;
    double ext;
    uint32_t count;
  };
  // A HugeVector, returned to the system on return (before the aggregation, where Leiden's
  // memory peaks); uninitialised: pass 1 below writes every entry that is read.
  HugeVector<Sub> sub(n);

#pragma omp parallel num_threads(detail::UsefulThreads(n, g.adj.size(), st.threads))
  {
    detail::Accumulator acc(n);
    struct Candidate {
      uint32_t label;
      double k;     // weight from the vertex to it
      double gain;  // quality gain of the merge; later its sampling weight
    };
    std::vector<Candidate> cand;
    // The links of the community's members that stay inside it, member by member (pass 1
    // finds them; pass 2 walks them again without reading the labels of the rest). Kept up to
    // kMaxInner links, a few MiB a thread; a larger community (a giant one of a low
    // resolution) is walked again through its rows instead.
    constexpr size_t kMaxInner = size_t{1} << 18;
    std::vector<uint32_t> inner;
    std::vector<double> inner_w;
    std::vector<uint32_t> inner_end;
#pragma omp for schedule(dynamic, 64)
    for (uint32_t c = 0; c < n; ++c) {
      const uint32_t first = start[c];
      const uint32_t last = start[c + 1];
      if (last - first < 2) continue;
      double total = 0;
      inner.clear();
      inner_w.clear();
      inner_end.clear();
      bool listed = true;  // every inner link of the community is in `inner`
      for (uint32_t i = first; i < last; ++i) {
        const uint32_t v = members[i];
        g.PrefetchWalk(members, i, comm.data());
        double e = 0;
        g.ForEach(v, [&](uint32_t u, double w) {
          if (comm[u] != c) return;
          e += w;
          if (inner.size() < kMaxInner) {
            inner.push_back(u);
            inner_w.push_back(w);
          } else {
            listed = false;
          }
        });
        inner_end.push_back(static_cast<uint32_t>(inner.size()));
        sub[v] = {nw[v], e, 1};
        total += nw[v];
      }
      Rng rng = Rng::ForStream(stream, c);
      for (uint32_t i = first; i < last; ++i) {
        const uint32_t v = members[i];
        const uint32_t own = refined[v];
        if (sub[own].count != 1) continue;  // only singletons move (so own == v)
        const double wv = nw[v];
        const double ext = sub[own].ext;
        if (ext < lambda * wv * (total - wv)) continue;  // not well connected
        // Candidates: well-connected sub-communities the move does not make worse.
        cand.clear();
        double best = 0;
        const uint32_t from = i == first ? 0 : inner_end[i - first - 1];
        const uint32_t to = inner_end[i - first];
        acc.Visit(listed ? to - from : g.off[v + 1] - g.off[v], [&](auto& sums) {
          if (listed) {
            for (uint32_t k = from; k < to; ++k) sums.Add(refined[inner[k]], inner_w[k]);
          } else {
            g.ForEach(v, [&](uint32_t u, double w) {
              if (comm[u] == c) sums.Add(refined[u], w);
            });
          }
          for (uint32_t k = 0; k < sums.size(); ++k) {
            const uint32_t r = sums.Label(k);
            const Sub& x = sub[r];
            const double gain = sums.Sum(k) - lambda * wv * x.weight;
            const bool connected = x.ext >= lambda * x.weight * (total - x.weight);
            if (gain < 0 || !connected) continue;
            cand.push_back({r, sums.Sum(k), gain});
            best = std::max(best, gain);
          }
          return 0;
        });
        // Sampling must not see the order the neighbours were listed in.
        std::sort(cand.begin(), cand.end(),
                  [](const Candidate& a, const Candidate& b) { return a.label < b.label; });
        size_t pick = cand.size();  // staying
        if (!cand.empty() && st.theta > 0) {
          // P(r) ∝ exp(gain / θ), staying (gain 0) included, relative to the best gain so
          // nothing overflows.
          const double stay = std::exp(-best / st.theta);
          double sum = stay;
          for (Candidate& x : cand) sum += (x.gain = std::exp((x.gain - best) / st.theta));
          double x = rng.Uniform() * sum - stay;
          for (size_t k = 0; k < cand.size() && x >= 0; ++k) {
            pick = k;
            x -= cand[k].gain;
          }
        } else {
          // Greedy: the best gain, ties to the smallest label; a merge wins a tie with staying.
          for (size_t k = 0; k < cand.size(); ++k) {
            if (cand[k].gain == best) {
              pick = k;
              break;
            }
          }
        }
        if (pick < cand.size()) {
          const uint32_t chosen = cand[pick].label;
          Sub& into = sub[chosen];
          into.weight += wv;
          into.ext += ext - 2 * cand[pick].k;
          ++into.count;
          sub[own].count = 0;
          refined[v] = chosen;
        }
      }
    }
  }
  return refined;
}

uint32_t CountLabels(std::span<const uint32_t> label, uint32_t n) {
  std::vector<uint8_t> used(n, 0);
  uint32_t k = 0;
  for (const uint32_t l : label) {
    if (!used[l]) {
      used[l] = 1;
      ++k;
    }
  }
  return k;
}

struct IterationResult {
  detail::Hierarchy levels;  // the refined hierarchy, finest first
  double modularity = 0;
  bool changed = false;  // the partition of level 0 differs from the one the iteration began with
};

// One iteration of Algorithm A.1 from the partition `part` of level 0; on return `part` holds
// the new partition, each community labelled by its smallest vertex.
IterationResult Iterate(const CommunityGraph& g0, const Setup& st, uint32_t iteration,
                        std::vector<uint32_t>& part) {
  const uint32_t n0 = g0.n;
  IterationResult res;
  std::vector<uint32_t> comm = part;
  CommunityGraph owned;
  const CommunityGraph* g = &g0;
  for (uint32_t level = 0;; ++level) {
    std::vector<double> ones;
    const std::span<const double> nw = detail::NodeWeights(*g, st.objective, &ones);
    const double lambda = detail::Lambda(*g, st.objective, st.resolution);
    // Level 0 is visited in id order, a seeded random order there already (an empty order).
    const std::vector<uint32_t> order =
        level == 0 ? std::vector<uint32_t>()
                   : detail::ShuffledOrder(g->n, detail::MixSeed(st.seed, iteration, level));
    const std::span<const uint32_t> visit = order;  // empty at level 0: id order
    detail::MoveOptions mo;
    mo.node_weight = nw;
    mo.lambda = lambda;
    mo.order = visit;
    mo.coloring = level == 0 && detail::ColoredSweeps(*g) ? &st.coloring0 : nullptr;
    mo.threads = st.threads;
    detail::MoveNodes(*g, mo, &comm);  // polls the interrupt flag every sweep
    ThrowIfInterrupted();              // and here once a level, before refinement
    const uint32_t k = CountLabels(comm, g->n);
    if (k == g->n) {
      // Every community is one vertex of this level: the partition is the vertices.
      res.modularity = detail::SingletonQuality(*g, Objective::kModularity, 1.0);
      if (level == 0) {
        std::vector<uint32_t> identity(n0);
        std::iota(identity.begin(), identity.end(), 0);
        res.levels.Add(std::move(identity), n0,
                       detail::SingletonQuality(*g, st.objective, st.resolution));
      }
      break;
    }
    std::vector<uint32_t> refined =
        Refine(*g, comm, nw, lambda, visit, st,
               detail::MixSeed(st.seed, 0x7265666eULL + iteration, level));  // "refn"
    if (CountLabels(refined, g->n) == g->n) {
      // Nothing merged: aggregate the communities themselves, each connected part apart.
      refined = comm;
      detail::SplitDisconnected(*g, &refined);
    }
    std::vector<uint32_t> new_id;
    CommunityGraph next = detail::Aggregate(*g, refined, &new_id, st.threads);
    // The communities of the new vertices: each labelled by its smallest new vertex id.
    std::vector<uint32_t> label_of(g->n, kNone32);
    for (uint32_t v = 0; v < g->n; ++v) {
      const uint32_t t = new_id[refined[v]];
      label_of[comm[v]] = std::min(label_of[comm[v]], t);
    }
    std::vector<uint32_t> next_comm(next.n);
    for (uint32_t v = 0; v < g->n; ++v) next_comm[new_id[refined[v]]] = label_of[comm[v]];
    std::vector<uint32_t> step(g->n);
    for (uint32_t v = 0; v < g->n; ++v) step[v] = new_id[refined[v]];
    res.levels.Add(std::move(step), next.n,
                   detail::SingletonQuality(next, st.objective, st.resolution));
    owned = std::move(next);
    g = &owned;
    comm = std::move(next_comm);
  }
  // The new partition of level 0: each community labelled by its smallest vertex.
  const std::vector<uint32_t> final_map = res.levels.Last(n0);
  std::vector<uint32_t> smallest(res.levels.counts.back(), kNone32);
  for (uint32_t v = 0; v < n0; ++v) {
    smallest[final_map[v]] = std::min(smallest[final_map[v]], v);
  }
  for (uint32_t v = 0; v < n0; ++v) {
    const uint32_t label = smallest[final_map[v]];
    res.changed = res.changed || part[v] != label;
    part[v] = label;
  }
  return res;
}

}  // namespace

Communities Leiden(const Snapshot& s, const LeidenParams& params) {
  detail::CheckNonNegative(params.resolution, "resolution");
  detail::CheckNonNegative(params.randomness, "randomness");
  Setup st{params.objective,
           params.resolution,
           params.randomness,
           params.seed,
           detail::ThreadCount(params.threads),
           {}};
  std::vector<uint32_t> origin;
  const CommunityGraph g0 =
      detail::SweepLevelZero(s, params.seed, st.threads, &origin, &st.coloring0);
  const uint32_t max_iterations = params.iterations == 0 ? kMaxIterations : params.iterations;
  std::vector<uint32_t> part(g0.n);
  std::iota(part.begin(), part.end(), 0);
  IterationResult last;
  uint32_t it = 0;
  while (it < max_iterations) {
    last = IterationResult{};  // free the last iteration's hierarchy first
    last = Iterate(g0, st, it, part);
    ++it;
    if (!last.changed) break;  // labels are canonical: equal labels, equal partitions
  }
  std::vector<detail::RawLevel> levels =
      g0.n == 0 ? detail::SingletonLevels(0, 0.0) : last.levels.Levels(g0.n);
  return detail::FinishCommunities(s, origin, std::move(levels), params.objective,
                                   params.resolution, last.modularity, it);
}

}  // namespace linkscope
