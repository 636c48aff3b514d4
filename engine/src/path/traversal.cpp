// Single-source kernels: direction-optimising BFS (Beamer, Asanovic & Patterson 2012, after
// GAP's bfs.cc) and Dijkstra (1959): Dinitz's buckets when the weights span at most 4096x,
// else a 4-ary heap with lazy deletion.
//
// Both read the CSR arrays directly when no link record has to be consulted: for hops always
// except on an undirected snapshot with kForward / kBackward (then each link's direction is
// checked); for distances when the snapshot keeps uncollapsed link weights (then an edge's
// weight is its link's). Otherwise the steps come from the path engine (same semantics as
// PathFinder with no filters).
#include "linkscope/path/traversal.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "linkscope/core/error.hpp"
#include "path/engine.hpp"

namespace linkscope {
namespace {

struct Lists {
  const uint64_t* off_a = nullptr;  // first list
  const VertexId* adj_a = nullptr;
  const uint64_t* off_b = nullptr;  // second list (nullptr: none)
  const VertexId* adj_b = nullptr;

  uint64_t Degree(VertexId v) const {
    uint64_t d = off_a[v + 1] - off_a[v];
    if (off_b) d += off_b[v + 1] - off_b[v];
    return d;
  }
  template <typename F>
  void ForEach(VertexId v, F&& f) const {
    for (uint64_t p = off_a[v]; p < off_a[v + 1]; ++p) f(adj_a[p]);
    if (off_b) {
      for (uint64_t p = off_b[v]; p < off_b[v + 1]; ++p) f(adj_b[p]);
    }
  }
  // Stops at the first u with f(u) true.
  template <typename F>
  bool Any(VertexId v, F&& f) const {
    for (uint64_t p = off_a[v]; p < off_a[v + 1]; ++p) {
      if (f(adj_a[p])) return true;
    }
    if (off_b) {
      for (uint64_t p = off_b[v]; p < off_b[v + 1]; ++p) {
        if (f(adj_b[p])) return true;
      }
    }
    return false;
  }
};

// The lists walked along (top-down) and against (bottom-up) direction d; false when the
// snapshot cannot answer d from its lists alone.
bool PlainLists(const Snapshot& s, Direction d, Lists* along, Lists* against) {
  const Lists out{s.out_offsets().data(), s.out_targets().data(), nullptr, nullptr};
  if (!s.directed()) {
    if (d != Direction::kAny && !s.derived()) return false;
    *along = *against = out;
    return true;
  }
  const Lists in{s.in_offsets().data(), s.in_sources().data(), nullptr, nullptr};
  switch (d) {
    case Direction::kForward:
      *along = out;
      *against = in;
      break;
    case Direction::kBackward:
      *along = in;
      *against = out;
      break;
    case Direction::kAny:
      *along = *against = Lists{out.off_a, out.adj_a, in.off_a, in.adj_a};
      break;
  }
  return true;
}

// GAP's switching parameters.
constexpr uint64_t kAlpha = 15;
constexpr uint64_t kBeta = 18;

std::vector<uint32_t> DirectionOptimizingBfs(const Snapshot& s, VertexId source, const Lists& along,
                                             const Lists& against) {
  const uint32_t n = s.vertex_count();
  std::vector<uint32_t> dist(n, kNone32);
  dist[source] = 0;
  std::vector<VertexId> frontier = {source};
  std::vector<VertexId> next;
  frontier.reserve(n);
  next.reserve(n);
  uint64_t edges_to_check = 0;
  for (VertexId v = 0; v < n; ++v) edges_to_check += along.Degree(v);
  uint64_t scout = along.Degree(source);
  std::vector<uint64_t> front_bits;
  std::vector<uint64_t> next_bits;
  uint32_t level = 0;
  while (!frontier.empty()) {
    if (scout > edges_to_check / kAlpha) {
      // Bottom-up: every unvisited vertex looks for a parent in the frontier.
      front_bits.assign((size_t{n} + 63) / 64, 0);
      next_bits.assign(front_bits.size(), 0);
      for (const VertexId v : frontier) front_bits[v >> 6] |= uint64_t{1} << (v & 63);
      uint64_t awake = frontier.size();
      uint64_t old_awake;
      do {
        old_awake = awake;
        awake = 0;
        const uint32_t depth = level + 1;
        for (VertexId v = 0; v < n; ++v) {
          if (dist[v] != kNone32) continue;
          const bool found =
              against.Any(v, [&](VertexId u) { return (front_bits[u >> 6] >> (u & 63)) & 1; });
          if (found) {
            dist[v] = depth;
            next_bits[v >> 6] |= uint64_t{1} << (v & 63);
            ++awake;
          }
        }
        front_bits.swap(next_bits);
        std::fill(next_bits.begin(), next_bits.end(), 0);
        ++level;
      } while (awake > 0 && (awake >= old_awake || awake > n / kBeta));
      frontier.clear();
      for (size_t w = 0; w < front_bits.size(); ++w) {
        for (uint64_t word = front_bits[w]; word != 0; word &= word - 1) {
          frontier.push_back(
              static_cast<VertexId>(w * 64 + static_cast<size_t>(__builtin_ctzll(word))));
        }
      }
      scout = 1;
      for (const VertexId v : frontier) scout += along.Degree(v);
    } else {
      edges_to_check -= std::min(edges_to_check, scout);
      scout = 0;
      next.clear();
      const uint32_t depth = level + 1;
      for (const VertexId u : frontier) {
        along.ForEach(u, [&](VertexId w) {
          if (dist[w] == kNone32) {
            dist[w] = depth;
            next.push_back(w);
            scout += along.Degree(w);
          }
        });
      }
      frontier.swap(next);
      ++level;
    }
  }
  return dist;
}

// A 4-ary min-heap of (key, vertex) entries with lazy deletion: keys live in the entries,
// so sifting never reads another vertex's record, and a relaxation touches one random
// cache line (its vertex's distance). Stale entries are skipped when popped.
class QuadHeap {
 public:
  struct Entry {
    double key;
    VertexId v;
  };
  QuadHeap() { heap_.reserve(1 << 12); }
  bool empty() const { return heap_.empty(); }
  void Push(double key, VertexId v) {
    size_t i = heap_.size();
    heap_.push_back({key, v});
    while (i > 0) {
      const size_t parent = (i - 1) / 4;
      if (!(key < heap_[parent].key)) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = {key, v};
  }
  Entry PopMin() {
    const Entry top = heap_[0];
    const Entry last = heap_.back();
    heap_.pop_back();
    const size_t size = heap_.size();
    if (size == 0) return top;
    size_t i = 0;
    for (;;) {
      const size_t first = 4 * i + 1;
      if (first >= size) break;
      size_t best = first;
      const size_t end = std::min(first + 4, size);
      for (size_t c = first + 1; c < end; ++c) {
        if (heap_[c].key < heap_[best].key) best = c;
      }
      if (!(heap_[best].key < last.key)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = last;
    return top;
  }

 private:
  std::vector<Entry> heap_;
};

// Distances are final when popped with their own key; a settled vertex is never improved
// again (its distance is at most the popped key), so no settled flags are needed.
template <typename Steps>
std::vector<double> RunDijkstra(uint32_t n, VertexId source, Steps&& steps) {
  std::vector<double> dist(n, detail::kInf);
  QuadHeap heap;
  dist[source] = 0;
  heap.Push(0, source);
  while (!heap.empty()) {
    const auto [du, u] = heap.PopMin();
    if (du > dist[u]) continue;  // stale
    steps(u, [&](VertexId w, double c) {
      const double dw = du + c;
      if (dw < dist[w]) {
        dist[w] = dw;
        heap.Push(dw, w);
      }
    });
  }
  return dist;
}

// One weighted CSR list per vertex (offsets, targets, weights).
struct WeightedList {
  const uint64_t* off = nullptr;
  const VertexId* adj = nullptr;
  const double* w = nullptr;
};

// Dinitz (1978): with buckets as wide as the smallest weight, every vertex in the lowest
// non-empty bucket is final (a step from one of them lands at least a bucket further), so the
// buckets replace the heap. A circular array of max/min + 2 buckets. Rounding can put a
// vertex in the current bucket; it is then processed in it, and a later improvement
// re-processes it (stale entries are skipped), so the result is the exact fixpoint, the same
// as Dijkstra's. Plain pointers, no callbacks: the arrays stay in registers while the bucket
// vectors grow. Bucket order is random, so the lists are prefetched a few entries ahead.
// GCC 12 reports a null dereference inside std::vector::push_back here that cannot happen.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
std::vector<double> RunBuckets(uint32_t n, VertexId source, double min_w, double max_w,
                               WeightedList a, WeightedList b) {
  struct Entry {
    double key;
    VertexId v;
  };
  constexpr size_t kAhead = 6;
  std::vector<double> dist(n, detail::kInf);
  double* d = dist.data();
  const size_t count = static_cast<size_t>(max_w / min_w) + 2;
  std::vector<std::vector<Entry>> buckets(count);
  const double inv = 1.0 / min_w;
  d[source] = 0;
  buckets[0].push_back({0, source});
  uint64_t pending = 1;
  const bool two = b.off != nullptr;
  for (uint64_t i = 0; pending > 0; ++i) {
    std::vector<Entry>& bucket = buckets[i % count];
    for (size_t k = 0; k < bucket.size(); ++k) {
      if (k + kAhead < bucket.size()) {
        const VertexId v = bucket[k + kAhead].v;
        __builtin_prefetch(a.adj + a.off[v]);
        __builtin_prefetch(a.w + a.off[v]);
        if (two) {
          __builtin_prefetch(b.adj + b.off[v]);
          __builtin_prefetch(b.w + b.off[v]);
        }
        if (k + 2 * kAhead < bucket.size()) {
          __builtin_prefetch(a.off + bucket[k + 2 * kAhead].v);
          if (two) __builtin_prefetch(b.off + bucket[k + 2 * kAhead].v);
        }
      }
      const Entry e = bucket[k];
      --pending;
      if (e.key > d[e.v]) continue;  // stale
      for (int list = 0; list < (two ? 2 : 1); ++list) {
        const WeightedList& l = list == 0 ? a : b;
        const uint64_t end = l.off[e.v + 1];
        for (uint64_t p = l.off[e.v]; p < end; ++p) {
          const VertexId x = l.adj[p];
          const double dx = e.key + l.w[p];
          if (!(dx < d[x])) continue;
          d[x] = dx;
          const auto j = std::max<uint64_t>(static_cast<uint64_t>(dx * inv), i);
          buckets[j % count].push_back({dx, x});
          ++pending;
        }
      }
    }
    bucket.clear();
  }
  return dist;
}
#pragma GCC diagnostic pop

PathOptions Unfiltered(Direction d, PathWeight w) {
  PathOptions o;
  o.direction = d;
  o.weight = w;
  return o;
}

}  // namespace

std::vector<uint32_t> BfsHops(const Snapshot& s, VertexId source, Direction d) {
  if (source >= s.vertex_count()) throw UsageError("BfsHops: source out of range");
  Lists along, against;
  if (PlainLists(s, d, &along, &against)) return DirectionOptimizingBfs(s, source, along, against);
  // Per-link directions: top-down over the engine's steps.
  const detail::PathEngine e(s, Unfiltered(d, PathWeight::kHops));
  std::vector<uint32_t> dist(s.vertex_count(), kNone32);
  std::vector<VertexId> queue = {source};
  dist[source] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    const VertexId u = queue[head];
    e.ForSteps(u, false, [&](VertexId w, double) {
      if (dist[w] != kNone32) return;
      dist[w] = dist[u] + 1;
      queue.push_back(w);
    });
  }
  return dist;
}

std::vector<double> DijkstraDistances(const Snapshot& s, VertexId source, Direction d) {
  const uint32_t n = s.vertex_count();
  if (source >= n) throw UsageError("DijkstraDistances: source out of range");
  const bool csr = s.weighted() && (s.derived() || !s.options().collapse_parallel);
  Lists along, against;
  if (csr && PlainLists(s, d, &along, &against)) {
    const WeightedList out{s.out_offsets().data(), s.out_targets().data(), s.out_weights().data()};
    // In-list weights of a directed snapshot are aligned with in_sources().
    const WeightedList in{s.in_offsets().data(), s.in_sources().data(),
                          s.directed() ? s.InWeights(0).data() : out.w};
    WeightedList first = out;
    WeightedList second;
    if (s.directed() && d == Direction::kBackward) first = in;
    if (s.directed() && d == Direction::kAny) second = in;
    const auto weights = s.out_weights();
    double lo = detail::kInf, hi = 0;
    for (const double x : weights) {  // vectorised
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    if (!weights.empty() && lo > 0 && hi <= lo * 4096) {
      return RunBuckets(n, source, lo, hi, first, second);
    }
    return RunDijkstra(n, source, [&](VertexId u, auto&& relax) {
      for (uint64_t p = first.off[u]; p < first.off[u + 1]; ++p) relax(first.adj[p], first.w[p]);
      if (second.off) {
        for (uint64_t p = second.off[u]; p < second.off[u + 1]; ++p) {
          relax(second.adj[p], second.w[p]);
        }
      }
    });
  }
  const detail::PathEngine e(s, Unfiltered(d, PathWeight::kDistance));
  return RunDijkstra(n, source, [&](VertexId u, auto&& relax) { e.ForSteps(u, false, relax); });
}

}  // namespace linkscope
