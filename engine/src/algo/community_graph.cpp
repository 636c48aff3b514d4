#include "algo/community_graph.hpp"

#include <omp.h>

#include <algorithm>
#include <numeric>

#include "algo/accumulator.hpp"
#include "algo/disjoint_sets.hpp"
#include "core/hash.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope::detail {

int ThreadCount(uint32_t requested) {
  const int hardware = std::max(1, omp_get_num_procs());
  if (requested == 0) return hardware;
  return static_cast<int>(std::min<uint32_t>(requested, static_cast<uint32_t>(hardware)));
}

uint64_t MixSeed(uint64_t seed, uint64_t a, uint64_t b) {
  uint64_t x = seed ^ HashInt(a + 0x9E3779B97F4A7C15ULL) ^ HashInt(~b);
  return Rng::SplitMix64(x);
}

int UsefulThreads(uint32_t n, uint64_t entries, int threads) {
  return n < 100000 && entries < 1000000 ? 1 : threads;
}

std::vector<uint32_t> CanonicalKeys(const Snapshot& s, uint64_t seed, int threads) {
  const uint32_t n = s.vertex_count();
  const uint64_t salt = MixSeed(seed, 0x6b657973);  // "keys"
  std::vector<std::pair<uint64_t, uint32_t>> h(n);
#pragma omp parallel for num_threads(UsefulThreads(n, 0, threads)) schedule(static, 4096)
  for (uint32_t v = 0; v < n; ++v) h[v] = {HashInt(HashBytes(s.ExternalId(v)) ^ salt), v};
  // LSD radix sort on the hash, 16 bits a pass (a comparison sort of a million pairs costs five
  // times as much), then the rare runs of equal hashes by the ids themselves.
  std::vector<std::pair<uint64_t, uint32_t>> tmp(n);
  std::vector<uint32_t> count(1 << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (const auto& x : h) ++count[(x.first >> shift) & 0xFFFF];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      const uint32_t here = c;
      c = sum;
      sum += here;
    }
    for (const auto& x : h) tmp[count[(x.first >> shift) & 0xFFFF]++] = x;
    h.swap(tmp);
  }
  for (uint32_t i = 0; i < n;) {
    uint32_t j = i + 1;
    while (j < n && h[j].first == h[i].first) ++j;
    if (j - i > 1) {  // a 64-bit collision
      std::sort(h.begin() + i, h.begin() + j, [&](const auto& a, const auto& b) {
        return s.ExternalId(a.second) < s.ExternalId(b.second);
      });
    }
    i = j;
  }
  std::vector<uint32_t> key(n);
  for (uint32_t i = 0; i < n; ++i) key[h[i].second] = i;
  return key;
}

CommunityGraph LevelZero(const Snapshot& s, uint64_t seed, int requested_threads,
                         std::vector<uint32_t>* origin) {
  CommunityGraph g;
  const uint32_t n = s.vertex_count();
  const int threads = UsefulThreads(n, s.out_targets().size(), requested_threads);
  g.n = n;
  const std::vector<uint32_t> key = CanonicalKeys(s, seed, threads);
  origin->resize(n);
  for (uint32_t v = 0; v < n; ++v) (*origin)[key[v]] = v;
  // Unit weights (the usual case for an unweighted case file) are not copied.
  bool unit = true;
  const auto sw = s.out_weights();
#pragma omp parallel for num_threads(threads) schedule(static, 65536) reduction(&& : unit)
  for (uint64_t p = 0; p < sw.size(); ++p) unit = unit && sw[p] == 1.0;
  const bool weighted = !sw.empty() && !unit;
  // Each arc u -> v of a directed snapshot is the undirected edge {u, v}: v in u's row (from
  // Out(u)) and u in v's row (from In(v)).
  auto for_each = [&](uint32_t v, auto&& f) {
    const auto out = s.Out(v);
    const auto out_w = s.OutWeights(v);
    for (size_t i = 0; i < out.size(); ++i) f(out[i], weighted ? out_w[i] : 1.0);
    if (s.directed()) {
      const auto in = s.In(v);
      const auto in_w = s.InWeights(v);
      for (size_t i = 0; i < in.size(); ++i) f(in[i], weighted ? in_w[i] : 1.0);
    }
  };
  g.own_off.resize(static_cast<size_t>(n) + 1);
  g.own_off[0] = 0;
  g.self.assign(n, 0.0);
  g.strength.assign(n, 0.0);
#pragma omp parallel for num_threads(threads) schedule(static, 4096)
  for (uint32_t r = 0; r < n; ++r) {
    const uint32_t v = (*origin)[r];
    uint64_t entries = 0;
    for_each(v, [&](uint32_t u, double) { entries += u != v; });
    g.own_off[r + 1] = entries;
  }
  for (uint32_t r = 0; r < n; ++r) g.own_off[r + 1] += g.own_off[r];
  g.own_adj.resize(g.own_off[n]);
  if (weighted) g.own_w.resize(g.own_off[n]);
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1024)
  for (uint32_t r = 0; r < n; ++r) {
    const uint32_t v = (*origin)[r];
    uint64_t p = g.own_off[r];
    double self = 0;
    double strength = 0;
    for_each(v, [&](uint32_t u, double w) {
      strength += w;
      if (u == v) {
        self += w;  // a loop is two entries of its vertex's list: twice its weight
        return;
      }
      g.own_adj[p] = key[u];
      if (weighted) g.own_w[p] = w;
      ++p;
    });
    g.self[r] = self;
    g.strength[r] = strength;
  }
  // A fixed summation order: the total must not depend on the thread count.
  for (uint32_t r = 0; r < n; ++r) g.total += g.strength[r];
  g.off = g.own_off;
  g.adj = g.own_adj;
  g.w = g.own_w;
  return g;
}

void GroupByLabel(std::span<const uint32_t> label, std::span<const uint32_t> order, uint32_t labels,
                  std::vector<uint32_t>* start, std::vector<uint32_t>* members) {
  start->assign(static_cast<size_t>(labels) + 1, 0);
  for (const uint32_t l : label) ++(*start)[l + 1];
  for (uint32_t l = 0; l < labels; ++l) (*start)[l + 1] += (*start)[l];
  members->resize(label.size());
  std::vector<uint32_t> cursor(start->begin(), start->end() - 1);
  for (uint32_t i = 0; i < label.size(); ++i) {
    const uint32_t v = order.empty() ? i : order[i];
    (*members)[cursor[label[v]]++] = v;
  }
}

CommunityGraph Aggregate(const CommunityGraph& g, std::span<const uint32_t> label,
                         std::vector<uint32_t>* new_id, int requested_threads) {
  const uint32_t n = g.n;
  const int threads = UsefulThreads(n, g.adj.size(), requested_threads);
  new_id->assign(n, kNone32);
  for (uint32_t v = 0; v < n; ++v) (*new_id)[label[v]] = 0;
  uint32_t n2 = 0;
  for (uint32_t l = 0; l < n; ++l) {
    if ((*new_id)[l] == 0) (*new_id)[l] = n2++;
  }
  std::vector<uint32_t> vmap(n);  // vertex -> new vertex
#pragma omp parallel for num_threads(threads) schedule(static, 4096)
  for (uint32_t v = 0; v < n; ++v) vmap[v] = (*new_id)[label[v]];
  std::vector<uint32_t> start;
  std::vector<uint32_t> members;
  GroupByLabel(vmap, {}, n2, &start, &members);

  CommunityGraph a;
  a.n = n2;
  a.total = g.total;
  a.self.assign(n2, 0.0);
  a.strength.assign(n2, 0.0);
  a.size.assign(n2, 0.0);

  // Rows are built in fixed blocks of new vertices (independent of the thread count), a wave
  // of blocks at a time in parallel, each block into its own buffer; after each wave the
  // buffers are appended in order. The final arrays reserve the upper bound (every entry of g)
  // but only the pages written count, so the rows exist once, plus one wave in buffers.
  // Blocks of 256 rows, four per thread in a wave: the rows of an upper level are long (a few
  // hundred entries), and the buffers of a wave are extra memory at the peak.
  constexpr uint32_t kBlock = 256;
  const uint32_t blocks = (n2 + kBlock - 1) / kBlock;
  const uint32_t wave = 4 * static_cast<uint32_t>(threads);
  struct Block {
    std::vector<uint32_t> adj;
    std::vector<double> w;
    std::vector<uint32_t> len;
    uint64_t at = 0;  // where its rows go in the arrays
  };
  std::vector<Block> out(std::min(blocks, wave));
  a.own_off.resize(static_cast<size_t>(n2) + 1);
  a.own_off[0] = 0;
  // Room for every entry of g (an upper bound): growing never moves the arrays, and only the
  // pages written are ever backed by memory.
  a.own_adj.reserve(g.adj.size());
  a.own_w.reserve(g.adj.size());
  uint64_t used = 0;
#pragma omp parallel num_threads(threads)
  {
    Accumulator acc(n2);
    for (uint32_t first_block = 0; first_block < blocks; first_block += wave) {
      const uint32_t last_block = std::min(blocks, first_block + wave);
#pragma omp for schedule(dynamic, 1)
      for (uint32_t b = first_block; b < last_block; ++b) {
        Block& blk = out[b - first_block];
        blk.adj.clear();
        blk.w.clear();
        blk.len.clear();
        const uint32_t first = b * kBlock;
        const uint32_t last = std::min(n2, first + kBlock);
        for (uint32_t t = first; t < last; ++t) {
          uint64_t degree = 0;
          for (uint32_t i = start[t]; i < start[t + 1]; ++i) {
            degree += g.off[members[i] + 1] - g.off[members[i]];
          }
          acc.Visit(degree, [&](auto& sums) {
            double self = 0;
            double strength = 0;
            double size = 0;
            for (uint32_t i = start[t]; i < start[t + 1]; ++i) {
              const uint32_t v = members[i];
              g.PrefetchWalk(members, i, vmap.data());
              self += g.self[v];
              strength += g.strength[v];
              size += g.Size(v);
              g.ForEach(v, [&](uint32_t u, double w) {
                const uint32_t t2 = vmap[u];
                if (t2 == t) {
                  self += w;
                } else {
                  sums.Add(t2, w);
                }
              });
            }
            // Rows keep the order neighbours were met in: fixed, since members and rows come
            // in a fixed order, and no consumer depends on more.
            const uint32_t count = sums.size();
            for (uint32_t i = 0; i < count; ++i) {
              blk.adj.push_back(sums.Label(i));
              blk.w.push_back(sums.Sum(i));
            }
            blk.len.push_back(count);
            a.self[t] = self;
            a.strength[t] = strength;
            a.size[t] = size;
            return 0;
          });
        }
      }
      // The wave's rows go to the end of the arrays: a prefix sum over its blocks, then every
      // block copied in parallel (the copies fault in fresh pages, which the kernel zeroes at
      // about a gigabyte a second: one thread alone would spend a tenth of the level here).
#pragma omp single
      {
        for (uint32_t b = first_block; b < last_block; ++b) {
          Block& blk = out[b - first_block];
          blk.at = used;
          used += blk.adj.size();
        }
        a.own_adj.resize(used);
        a.own_w.resize(used);
      }
#pragma omp for schedule(dynamic, 1)
      for (uint32_t b = first_block; b < last_block; ++b) {
        const Block& blk = out[b - first_block];
        std::copy(blk.adj.begin(), blk.adj.end(),
                  a.own_adj.begin() + static_cast<ptrdiff_t>(blk.at));
        std::copy(blk.w.begin(), blk.w.end(), a.own_w.begin() + static_cast<ptrdiff_t>(blk.at));
        uint64_t at = blk.at;
        uint32_t t = b * kBlock;
        for (const uint32_t len : blk.len) {
          at += len;
          a.own_off[++t] = at;
        }
      }
    }
  }
  a.off = a.own_off;
  a.adj = a.own_adj;
  a.w = a.own_w;
  return a;
}

void SplitDisconnected(const CommunityGraph& g, std::vector<uint32_t>* label) {
  const uint32_t n = g.n;
  DisjointSets sets(n);
  const std::vector<uint32_t>& l = *label;
  for (uint32_t v = 0; v < n; ++v) {
    g.ForEach(v, [&](uint32_t u, double) {
      if (u > v && l[u] == l[v]) sets.Union(u, v);
    });
  }
  // Each set's root is its smallest member: the label of its group.
  *label = std::move(sets).Roots();
}

std::span<const double> NodeWeights(const CommunityGraph& g, Objective objective,
                                    std::vector<double>* ones) {
  if (objective == Objective::kModularity) return g.strength;
  if (!g.size.empty()) return g.size;
  ones->assign(g.n, 1.0);
  return *ones;
}

double Lambda(const CommunityGraph& g, Objective objective, double resolution) {
  if (objective == Objective::kCpm) return resolution;
  return g.total > 0 ? resolution / g.total : 0.0;
}

std::vector<uint32_t> ShuffledOrder(uint32_t n, uint64_t seed) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  Rng rng(seed);
  rng.Shuffle(std::span<uint32_t>(order));
  return order;
}

double SingletonQuality(const CommunityGraph& g, Objective objective, double resolution) {
  double q = 0;
  for (uint32_t v = 0; v < g.n; ++v) {
    if (objective == Objective::kModularity) {
      q += g.self[v] - resolution * g.strength[v] * g.strength[v] / g.total;
    } else {
      const double sz = g.Size(v);
      q += g.self[v] / 2 - resolution * (sz * sz - sz) / 2;
    }
  }
  if (objective == Objective::kModularity) return g.total > 0 ? q / g.total : 0.0;
  return q;
}

}  // namespace linkscope::detail
