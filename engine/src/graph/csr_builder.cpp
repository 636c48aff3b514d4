// Snapshot construction: O(n + m) with two stable counting-sort passes over packed 64-bit
// entries (neighbour or owner in the high half, item in the low half), so each scatter is one
// random write. Arrays are huge-page backed and not zeroed before they are filled.
#include "graph/csr_builder.hpp"

#include <algorithm>
#include <cassert>

#include "linkscope/core/error.hpp"

namespace linkscope::detail {
namespace {

using Combine = SnapshotOptions::Combine;

struct Accessors {
  const ModelData& data;
  const ItemSource& items;

  LinkId Link(size_t i) const {
    return items.links.empty() ? static_cast<LinkId>(i) : items.links[i];
  }
  double Weight(size_t i) const {
    if (!items.weights.empty()) return items.weights[i];
    return items.derived ? 1.0 : data.weight[Link(i)];
  }
  bool Directed(size_t i) const { return !items.derived && (data.flags[Link(i)] & kDirected) != 0; }
};

double CombineWeights(Combine how, double acc, double w, bool first) {
  if (first) return how == Combine::kCount ? 1.0 : w;
  switch (how) {
    case Combine::kSum:
      return acc + w;
    case Combine::kMax:
      return std::max(acc, w);
    case Combine::kMin:
      return std::min(acc, w);
    case Combine::kCount:
      return acc + 1.0;
  }
  return acc;
}

inline uint64_t Pack(uint32_t hi, uint32_t lo) { return (uint64_t{hi} << 32) | lo; }
inline uint32_t Hi(uint64_t x) { return static_cast<uint32_t>(x >> 32); }
inline uint32_t Lo(uint64_t x) { return static_cast<uint32_t>(x); }

// Stable scatter of records into buckets, in two cache-friendly stages. `generate(emit)` calls
// emit(key, value) for every record in order; the value lands in out[] inside bucket `key`,
// whose range is [off[key], off[key + 1]), after the values emitted before it.
// Stage 1 partitions by the high bits of the key into about a thousand contiguous ranges
// (sequential writes into a thousand streams); stage 2 sorts each range by the low bits while it
// sits in cache. A direct scatter into n buckets instead misses the cache on nearly every write.
template <typename Generate>
void TwoLevelScatter(uint32_t n, const HugeVector<uint64_t>& off, Generate generate,
                     HugeVector<uint64_t>& out, HugeVector<uint64_t>& stage_val,
                     HugeVector<uint32_t>& stage_key) {
  const uint64_t total = off[n];
  int shift = 0;
  while ((uint64_t{n} >> shift) > 1024) ++shift;
  const uint64_t width = uint64_t{1} << shift;
  const auto parts = static_cast<uint32_t>((uint64_t{n} >> shift) + 1);
  const uint32_t low_mask = static_cast<uint32_t>(width - 1);
  stage_val.resize(total);
  stage_key.resize(total);
  HugeVector<uint64_t> pcur(parts);
  for (uint32_t p = 0; p < parts; ++p) pcur[p] = off[std::min<uint64_t>(uint64_t{p} << shift, n)];
  generate([&](uint32_t key, uint64_t value) {
    const uint64_t q = pcur[key >> shift]++;
    stage_val[q] = value;
    stage_key[q] = key & low_mask;
  });
  HugeVector<uint64_t> cur(width);
  for (uint32_t p = 0; p < parts; ++p) {
    const uint64_t first = uint64_t{p} << shift;
    if (first >= n) break;
    const uint64_t last = std::min<uint64_t>(first + width, n);
    for (uint64_t k = first; k < last; ++k) cur[k - first] = off[k];
    for (uint64_t q = off[first]; q < off[last]; ++q) out[cur[stage_key[q]]++] = stage_val[q];
  }
}

void PrefixSum(HugeVector<uint64_t>& off) {
  uint64_t sum = 0;
  for (auto& x : off) {
    const uint64_t c = x;
    x = sum;
    sum += c;
  }
}

}  // namespace

void BuildTopology(const ModelData& data, const ItemSource& items, const SnapshotOptions& options,
                   Snapshot::Parts* parts) {
  const uint32_t n = items.n;
  const size_t count = items.src.size();
  const Accessors acc{data, items};
  const bool collapse = options.collapse_parallel;
  const bool keep_weights = options.weights;
  const bool directed = options.directed;
  parts->n = n;
  parts->options = options;
  parts->derived = items.derived;
  const VertexId* src = items.src.data();
  const VertexId* dst = items.dst.data();

  // Whether item i gives a second entry (b -> a). Undirected: always (a self-loop appears twice
  // in its vertex's list); directed: for undirected non-loop links.
  auto mirrored = [&](size_t i) { return !directed || (!acc.Directed(i) && src[i] != dst[i]); };
  // When every item is mirrored (all undirected) the test is skipped in the hot loops.
  const bool all_mirrored = !directed;

  // Degree counting increments at random; prefetching a few items ahead overlaps the misses.
  constexpr size_t kAhead = 16;

  // ---- 1. Degrees: entries per owner and per neighbour (equal when undirected).
  HugeVector<uint64_t> owner_off(static_cast<size_t>(n) + 1, 0);
  HugeVector<uint64_t> bucket_off;
  if (all_mirrored) {
    for (size_t i = 0; i < count; ++i) {
      if (i + kAhead < count) {
        __builtin_prefetch(&owner_off[src[i + kAhead]], 1);
        __builtin_prefetch(&owner_off[dst[i + kAhead]], 1);
      }
      ++owner_off[src[i]];
      ++owner_off[dst[i]];
    }
  } else {
    bucket_off.assign(static_cast<size_t>(n) + 1, 0);
    for (size_t i = 0; i < count; ++i) {
      ++owner_off[src[i]];
      ++bucket_off[dst[i]];
      if (mirrored(i)) {
        ++owner_off[dst[i]];
        ++bucket_off[src[i]];
      }
    }
    PrefixSum(bucket_off);
  }
  PrefixSum(owner_off);
  const HugeVector<uint64_t>& by_nbr = all_mirrored ? owner_off : bucket_off;
  const uint64_t total = owner_off[n];

  // ---- 2. Pass A: bucket entries by neighbour, in item order: (owner, item).
  HugeVector<uint64_t> tmp(total);
  HugeVector<uint64_t> stage_val;
  HugeVector<uint32_t> stage_key;
  TwoLevelScatter(
      n, by_nbr,
      [&](auto&& emit) {
        for (size_t i = 0; i < count; ++i) {
          const VertexId a = src[i];
          const VertexId b = dst[i];
          const auto item = static_cast<uint32_t>(i);
          emit(b, Pack(a, item));
          if (all_mirrored || mirrored(i)) emit(a, Pack(b, item));
        }
      },
      tmp, stage_val, stage_key);
  // ---- 3. Pass B: scatter into owner lists visiting neighbours in increasing order, so every
  // list ends sorted by (neighbour, item): (neighbour, item).
  HugeVector<uint64_t> sorted(total);
  TwoLevelScatter(
      n, owner_off,
      [&](auto&& emit) {
        VertexId nbr = 0;
        for (uint64_t p = 0; p < total; ++p) {
          while (p >= by_nbr[nbr + 1]) ++nbr;  // entries are grouped by neighbour, in order
          emit(Hi(tmp[p]), Pack(nbr, Lo(tmp[p])));
        }
      },
      sorted, stage_val, stage_key);
  if (!directed) {
    HugeVector<uint64_t>().swap(stage_val);
    HugeVector<uint32_t>().swap(stage_key);
  }
  HugeVector<uint64_t>().swap(tmp);
  HugeVector<uint64_t>().swap(bucket_off);

  // ---- 4. Optional collapse of parallel entries into groups of items.
  HugeVector<uint64_t> off;
  HugeVector<VertexId> adj;
  HugeVector<double> w;
  HugeVector<uint64_t> group_off;  // collapsed: items of position p are group_items[off[p]..]
  HugeVector<uint32_t> group_items;
  if (collapse) {
    off.assign(static_cast<size_t>(n) + 1, 0);
    adj.reserve(total);
    group_off.reserve(total + 1);
    group_off.push_back(0);
    group_items.reserve(total);
    if (keep_weights) w.reserve(total);
    for (VertexId u = 0; u < n; ++u) {
      uint64_t p = owner_off[u];
      const uint64_t end = owner_off[u + 1];
      while (p < end) {
        const VertexId v = Hi(sorted[p]);
        uint64_t q = p;
        while (q < end && Hi(sorted[q]) == v) ++q;
        // An undirected self-loop has two entries per item; keep two entries for the group.
        const bool undirected_loop = !directed && v == u;
        const uint64_t step = undirected_loop ? 2 : 1;
        double weight = 0;
        bool first = true;
        const size_t group_start = group_items.size();
        for (uint64_t r = p; r < q; r += step) {
          group_items.push_back(Lo(sorted[r]));
          weight = CombineWeights(options.combine, weight, acc.Weight(Lo(sorted[r])), first);
          first = false;
        }
        const size_t group_end = group_items.size();
        for (int c = 0; c < (undirected_loop ? 2 : 1); ++c) {
          adj.push_back(v);
          if (keep_weights) w.push_back(weight);
          if (c == 1) {
            // The second entry of a loop shares the group of the first.
            for (size_t g = group_start; g < group_end; ++g) group_items.push_back(group_items[g]);
          }
          group_off.push_back(group_items.size());
        }
        p = q;
      }
      off[u + 1] = adj.size();
    }
    HugeVector<uint64_t>().swap(sorted);
  } else {
    off = std::move(owner_off);
    adj.resize(total);
    for (uint64_t p = 0; p < total; ++p) adj[p] = Hi(sorted[p]);
    if (keep_weights) {
      w.resize(total);
      if (items.weights.empty() && !items.derived && data.weight.uniform()) {
        std::fill(w.begin(), w.end(), total > 0 ? data.weight[0] : 1.0);
      } else {
        for (uint64_t p = 0; p < total; ++p) w[p] = acc.Weight(Lo(sorted[p]));
      }
    }
  }
  const uint64_t positions = off[n];
  auto push_edge_links = [&](uint64_t p) {
    if (items.derived) return;
    if (collapse) {
      for (uint64_t g = group_off[p]; g < group_off[p + 1]; ++g) {
        parts->edge_link.push_back(acc.Link(group_items[g]));
      }
      parts->edge_link_off.push_back(parts->edge_link.size());
    } else {
      parts->edge_link.push_back(acc.Link(Lo(sorted[p])));
    }
  };
  if (collapse && !items.derived) parts->edge_link_off.push_back(0);

  // ---- 5. Edge numbering.
  if (directed) {
    // Edge id = position in the out-lists.
    parts->m = positions;
    if (!items.derived) {
      parts->edge_link.reserve(collapse ? group_items.size() : positions);
      for (uint64_t p = 0; p < positions; ++p) push_edge_links(p);
    }
    // Pass C: in-lists sorted by source, visiting sources in increasing order.
    HugeVector<uint64_t> in_off(static_cast<size_t>(n) + 1, 0);
    for (uint64_t p = 0; p < positions; ++p) ++in_off[adj[p]];
    PrefixSum(in_off);
    HugeVector<uint64_t> in_sorted(positions);  // (source, out position)
    TwoLevelScatter(
        n, in_off,
        [&](auto&& emit) {
          for (VertexId u = 0; u < n; ++u) {
            for (uint64_t p = off[u]; p < off[u + 1]; ++p) {
              emit(adj[p], Pack(u, static_cast<uint32_t>(p)));
            }
          }
        },
        in_sorted, stage_val, stage_key);
    HugeVector<VertexId> in_adj(positions);
    HugeVector<double> in_w(keep_weights ? positions : 0);
    for (uint64_t q = 0; q < positions; ++q) in_adj[q] = Hi(in_sorted[q]);
    if (keep_weights) {
      for (uint64_t q = 0; q < positions; ++q) in_w[q] = w[Lo(in_sorted[q])];
    }
    parts->in_off = std::move(in_off);
    parts->in_adj = std::move(in_adj);
    parts->in_w = std::move(in_w);
  } else {
    // Undirected: an edge is numbered at its canonical position, in the list of its smaller end
    // (self-loops: the first of their two entries), ordered by owner then position.
    parts->edge_base.resize(n);
    parts->upper_rel.resize(n);
    if (!items.derived) parts->edge_link.reserve(collapse ? group_items.size() / 2 : positions / 2);
    EdgeId next = 0;
    for (VertexId u = 0; u < n; ++u) {
      const VertexId* b = adj.data() + off[u];
      const VertexId* e = adj.data() + off[u + 1];
      const VertexId* lb = std::lower_bound(b, e, u);
      const VertexId* ub = lb;
      while (ub < e && *ub == u) ++ub;
      parts->edge_base[u] = next;
      parts->upper_rel[u] = static_cast<uint32_t>(ub - b);
      const auto loops = static_cast<uint32_t>((ub - lb) / 2);
      if (loops > 0) parts->loops.emplace_back(u, loops);
      const auto lbp = static_cast<uint64_t>(lb - adj.data());
      const auto ubp = static_cast<uint64_t>(ub - adj.data());
      for (uint64_t p = lbp; p < ubp; p += 2) {
        push_edge_links(p);
        ++next;
      }
      if (items.derived) {
        next += static_cast<EdgeId>(off[u + 1] - ubp);
      } else {
        for (uint64_t p = ubp; p < off[u + 1]; ++p) {
          push_edge_links(p);
          ++next;
        }
      }
    }
    parts->m = next;
    assert(2 * static_cast<uint64_t>(next) == positions);
  }
  if (parts->m >= kMaxRecords) {
    throw UsageError("a snapshot holds at most 4294967294 edges");
  }
  parts->out_off = std::move(off);
  parts->out_adj = std::move(adj);
  parts->out_w = std::move(w);
}

}  // namespace linkscope::detail
