// Key players after Borgatti (2006): KPP-Neg (the set whose removal maximises fragmentation F
// or distance-weighted fragmentation DF) and KPP-Pos (the set that reaches most vertices within
// d steps), each by greedy selection followed by swap improvement.
//
// The candidates of a step are all evaluated against the same state and the best taken (ties:
// smallest seeded hash of the external id), so the greedy step is exact, not sampled.
// - F: removing v from a component of size C splits it into the pieces v cuts off. One
//   depth-first search (Hopcroft & Tarjan's articulation points) gives, for every v, the
//   sizes of the subtrees of its children c with low(c) >= disc(v) — each a piece — and the
//   rest of the component, C - 1 minus those: all candidates in O(n + m). The objective is
//   the integer sum of s (s - 1) over the components, minimised (F has the same denominator
//   for every candidate of a step).
// - DF: removing v changes only its component's distances. The state keeps an integer
//   histogram of ordered-pair distances per component and (when they fit) the components'
//   distance matrices; a candidate costs a BFS without v from each source whose shortest
//   paths run through v. Values are functions of integer histograms, summed in a fixed
//   order, so equal histograms give equal values on any thread count.
// - Reach: coverage is submodular, so the greedy step is lazy (CELF, Leskovec et al. 2007):
//   a stale gain is an upper bound, and the top of the queue is taken once its gain is fresh.
//   With ties ordered by key in the queue this picks exactly what the plain greedy picks.
// Swap: a round offers each member, in set order, its best replacement given the others (all
// candidates evaluated as above) and makes the exchange when it strictly improves the score;
// rounds stop when one changes nothing. Strict improvement of a finite objective: no cycles.
// Restarts (greedy with other tie keys, or random sets) followed by swaps escape some of the
// local optima where two members would have to change at once; the best search wins.
// Interrupts are polled before every restart, greedy step and swap evaluation, and inside the
// parallel evaluations once per source or candidate (throwing after the region).
#include "linkscope/disrupt/keyplayers.hpp"

#include <fmt/format.h>
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <vector>

#include "algo/community_graph.hpp"
#include "core/interrupt_latch.hpp"
#include "disrupt/walk.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope {
namespace {

// Connected ordered pairs after removing each single vertex, by one depth-first search.
class CutEvaluator {
 public:
  explicit CutEvaluator(const Snapshot& s)
      : s_(s),
        n_(s.vertex_count()),
        disc_(n_),
        low_(n_),
        sub_(n_),
        sep_sum_(n_),
        sep_pairs_(n_),
        comp_pairs_(n_) {
    order_.reserve(n_);
  }

  // Returns the connected ordered pairs of G - removed and sets after[v], for every v not
  // removed, to those of G - removed - v.
  uint64_t Run(const uint8_t* removed, std::vector<uint64_t>& after) {
    std::fill(disc_.begin(), disc_.end(), kNone32);
    order_.clear();
    uint32_t time = 0;
    uint64_t total = 0;
    for (VertexId root = 0; root < n_; ++root) {
      if (removed[root] || disc_[root] != kNone32) continue;
      const size_t first = order_.size();
      Open(root, kNoVertex, time);
      while (!frames_.empty()) {
        Frame& f = frames_.back();
        const VertexId v = f.v;
        if (f.pos < Degree(v)) {
          const VertexId w = Neighbour(v, f.pos++);
          if (removed[w]) continue;
          if (disc_[w] == kNone32) {
            Open(w, v, time);  // invalidates f
          } else {
            low_[v] = std::min(low_[v], disc_[w]);
          }
          continue;
        }
        const VertexId p = f.parent;
        frames_.pop_back();
        if (p == kNoVertex) continue;
        sub_[p] += sub_[v];
        low_[p] = std::min(low_[p], low_[v]);
        if (low_[v] >= disc_[p]) {  // v's subtree is cut off when p goes
          sep_sum_[p] += sub_[v];
          sep_pairs_[p] += Pairs(sub_[v]);
        }
      }
      const uint32_t c = sub_[root];
      const uint64_t cp = Pairs(c);
      total += cp;
      for (size_t i = first; i < order_.size(); ++i) {
        const VertexId v = order_[i];
        const uint32_t rest = c - 1 - sep_sum_[v];  // the piece that keeps v's parent
        after[v] = sep_pairs_[v] + Pairs(rest);
        comp_pairs_[v] = cp;
      }
    }
    for (const VertexId v : order_) after[v] = total - comp_pairs_[v] + after[v];
    return total;
  }

 private:
  struct Frame {
    VertexId v;
    VertexId parent;
    uint64_t pos;
  };

  static uint64_t Pairs(uint32_t size) { return size == 0 ? 0 : uint64_t{size} * (size - 1); }

  uint64_t Degree(VertexId v) const {
    return s_.OutDegree(v) + (s_.directed() ? s_.InDegree(v) : 0);
  }
  VertexId Neighbour(VertexId v, uint64_t pos) const {
    const uint64_t out = s_.OutDegree(v);
    if (pos < out) return s_.out_targets()[s_.out_offsets()[v] + pos];
    return s_.in_sources()[s_.in_offsets()[v] + (pos - out)];
  }
  void Open(VertexId v, VertexId parent, uint32_t& time) {
    disc_[v] = low_[v] = time++;
    sub_[v] = 1;
    sep_sum_[v] = 0;
    sep_pairs_[v] = 0;
    order_.push_back(v);
    frames_.push_back({v, parent, 0});
  }

  const Snapshot& s_;
  uint32_t n_;
  std::vector<uint32_t> disc_, low_, sub_, sep_sum_;
  std::vector<uint64_t> sep_pairs_, comp_pairs_;
  std::vector<VertexId> order_;
  std::vector<Frame> frames_;
};

// Per-thread walkers for the parallel candidate evaluations.
class Walkers {
 public:
  Walkers(uint32_t n, int threads) : threads_(threads) {
    walkers_.reserve(static_cast<size_t>(threads));
    for (int t = 0; t < threads; ++t) walkers_.emplace_back(n);
  }
  int threads() const { return threads_; }
  detail::Walker& Mine() { return walkers_[static_cast<size_t>(omp_get_thread_num())]; }

 private:
  int threads_;
  std::vector<detail::Walker> walkers_;
};

// The inverse-distance sums after removing each single vertex (and the current one).
class DistanceEvaluator {
 public:
  DistanceEvaluator(const Snapshot& s, Walkers& walkers, uint64_t matrix_bytes)
      : s_(s), walkers_(walkers), matrix_entries_(matrix_bytes / 2), pos_(s.vertex_count()) {}

  // Returns sum 1/d over the ordered pairs of G - removed; sets after[v], for every v not
  // removed, to that of G - removed - v.
  //
  // Removing v changes only the distances from sources x for which v lies inside a shortest
  // path, i.e. v has a neighbour w with d(x, w) = d(x, v) + 1. With the distance matrix of
  // every component kept (when it fits in matrix_entries_), only those sources are searched
  // again; the others lose just their pairs with v. Without it, every source of v's component
  // is searched again. Both give the same integer histograms.
  double Run(const uint8_t* removed, std::vector<double>& after) {
    const uint32_t n = s_.vertex_count();
    const detail::RemainingComponents comps =
        detail::LabelRemaining(s_, std::span<const uint8_t>(removed, n));
    const uint32_t count = comps.count();
    std::vector<uint64_t> base(size_t{count} + 1, 0);
    for (uint32_t c = 0; c < count; ++c) {
      base[c + 1] = base[c] + uint64_t{comps.sizes[c]} * comps.sizes[c];
      for (uint32_t i = comps.start[c]; i < comps.start[c + 1]; ++i) {
        pos_[comps.members[i]] = i - comps.start[c];
      }
    }
    // Distances inside a component of C vertices are below C: 2 bytes hold them up to 65 536.
    const uint32_t largest =
        count == 0 ? 0 : *std::max_element(comps.sizes.begin(), comps.sizes.end());
    const bool matrix = base[count] <= matrix_entries_ && base[count] > 0 && largest <= 65536;
    matrix_.assign(matrix ? base[count] : 0, 0);
    const int threads = n >= kParallelMin ? walkers_.threads() : 1;
    std::vector<std::vector<uint64_t>> hist(count);
    const auto components = static_cast<int64_t>(count);
    detail::InterruptLatch interrupt;  // polled once per source and per candidate
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
    for (int64_t ci = 0; ci < components; ++ci) {
      const auto c = static_cast<uint32_t>(ci);
      detail::Walker& w = walkers_.Mine();
      const uint32_t size = comps.sizes[c];
      std::vector<uint64_t>& h = hist[c];
      for (uint32_t i = comps.start[c]; i < comps.start[c + 1]; ++i) {
        if (interrupt.Poll()) break;  // skip the remaining sources
        uint16_t* row =
            matrix ? matrix_.data() + base[c] + uint64_t{pos_[comps.members[i]]} * size : nullptr;
        w.ForEachDistance(s_, comps.members[i], removed, kNoVertex, [&](VertexId u, uint32_t d) {
          if (d == 0) return;
          if (h.size() <= d) h.resize(size_t{d} + 1, 0);
          ++h[d];
          if (row != nullptr) row[pos_[u]] = static_cast<uint16_t>(d);
        });
      }
    }
    interrupt.ThrowIfSeen();
    std::vector<uint64_t> total;
    for (const auto& h : hist) {
      if (total.size() < h.size()) total.resize(h.size(), 0);
      for (size_t d = 0; d < h.size(); ++d) total[d] += h[d];
    }
    const auto candidates = static_cast<int64_t>(comps.members.size());
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
      std::vector<uint64_t> mine;
      std::vector<uint64_t> merged;
#pragma omp for schedule(dynamic, 1)
      for (int64_t i = 0; i < candidates; ++i) {
        if (interrupt.Poll()) continue;  // skip the remaining candidates
        const VertexId v = comps.members[static_cast<size_t>(i)];
        const uint32_t c = comps.label[v];
        detail::Walker& w = walkers_.Mine();
        if (matrix) {
          Reuse(comps, c, base[c], v, removed, w, hist[c], mine);
        } else {
          mine.clear();
          for (uint32_t j = comps.start[c]; j < comps.start[c + 1]; ++j) {
            const VertexId x = comps.members[j];
            if (x != v) w.CountDistances(s_, x, removed, v, mine);
          }
        }
        // The histogram without v: the other components' pairs, and v's component's new ones.
        merged.assign(std::max(total.size(), mine.size()), 0);
        for (size_t d = 0; d < total.size(); ++d) {
          merged[d] = total[d] - (d < hist[c].size() ? hist[c][d] : 0);
        }
        for (size_t d = 0; d < mine.size(); ++d) merged[d] += mine[d];
        after[v] = detail::InverseDistanceSum(merged);
      }
    }
    interrupt.ThrowIfSeen();
    return detail::InverseDistanceSum(total);
  }

 private:
  // Below this many vertices the candidates are evaluated on one thread.
  static constexpr uint32_t kParallelMin = 256;

  // mine = the distance histogram of component c without v, from its matrix.
  void Reuse(const detail::RemainingComponents& comps, uint32_t c, uint64_t base, VertexId v,
             const uint8_t* removed, detail::Walker& w, const std::vector<uint64_t>& hc,
             std::vector<uint64_t>& mine) const {
    const uint32_t size = comps.sizes[c];
    const uint16_t* m = matrix_.data() + base;
    const uint16_t* row_v = m + uint64_t{pos_[v]} * size;
    mine = hc;
    // The pairs with v, both ways (distances are symmetric).
    for (uint32_t y = 0; y < size; ++y) {
      if (row_v[y] != 0) mine[row_v[y]] -= 2;
    }
    for (uint32_t j = comps.start[c]; j < comps.start[c + 1]; ++j) {
      const VertexId x = comps.members[j];
      if (x == v) continue;
      const uint16_t* row_x = m + uint64_t{pos_[x]} * size;
      const uint32_t dxv = row_x[pos_[v]];
      bool inside = false;  // v inside a shortest path from x
      detail::ForEachNeighbour(s_, v, [&](VertexId u) {
        if (!inside && u != v && !removed[u] && row_x[pos_[u]] == dxv + 1) inside = true;
      });
      if (!inside) continue;
      // Replace x's pairs (but the one with v, gone already) by a new search without v.
      for (uint32_t y = 0; y < size; ++y) {
        if (row_x[y] != 0 && y != pos_[v]) --mine[row_x[y]];
      }
      w.CountDistances(s_, x, removed, v, mine);
    }
  }

  const Snapshot& s_;
  Walkers& walkers_;
  uint64_t matrix_entries_;    // distance matrices up to this many entries
  std::vector<uint32_t> pos_;  // a vertex's index among its component's members
  std::vector<uint16_t> matrix_;
};

// The vertex not removed with the smallest value, ties by the smallest key.
template <typename T>
VertexId Smallest(const std::vector<T>& value, const std::vector<uint8_t>& removed,
                  const std::vector<uint32_t>& key) {
  VertexId best = kNoVertex;
  const auto n = static_cast<VertexId>(value.size());
  for (VertexId v = 0; v < n; ++v) {
    if (removed[v]) continue;
    if (best == kNoVertex || value[v] < value[best] ||
        (value[v] == value[best] && key[v] < key[best])) {
      best = v;
    }
  }
  return best;
}

// How one search (from the greedy set or a random start) went.
struct SearchStats {
  uint32_t swaps = 0;
  uint32_t rounds = 0;
  bool converged = false;
};

// The searches: start 0 is the greedy set with the seed's tie keys; odd restarts run the greedy
// with the tie keys of a derived seed (ties are common in small case files and decide where
// the greedy set lands); even restarts begin from a random set, drawn from the vertices in key
// order so that the draw depends on the ids and the seed, not on the load order.
class Starts {
 public:
  Starts(const Snapshot& s, const KeyPlayerOptions& o, int threads)
      : s_(s),
        o_(o),
        threads_(threads),
        base_(detail::TieKeys(s, o.seed, threads)),
        by_key_(base_.size()) {
    for (VertexId v = 0; v < base_.size(); ++v) by_key_[base_[v]] = v;
  }

  bool Greedy(uint32_t start) const { return start == 0 || start % 2 == 1; }

  const std::vector<uint32_t>& Keys(uint32_t start) {
    if (start % 2 == 0) return base_;
    if (derived_for_ != start) {
      derived_ = detail::TieKeys(s_, Rng::ForStream(o_.seed, start).Next(), threads_);
      derived_for_ = start;
    }
    return derived_;
  }

  std::vector<VertexId> RandomSet(uint32_t start) const {
    std::vector<VertexId> pool = by_key_;
    Rng rng = Rng::ForStream(o_.seed, start);
    for (uint32_t i = 0; i < o_.k; ++i) {
      const size_t j = i + rng.Below(pool.size() - i);
      std::swap(pool[i], pool[j]);
    }
    pool.resize(o_.k);
    return pool;
  }

 private:
  const Snapshot& s_;
  const KeyPlayerOptions& o_;
  int threads_;
  std::vector<uint32_t> base_;
  std::vector<VertexId> by_key_;
  std::vector<uint32_t> derived_;
  uint32_t derived_for_ = 0;
};

// Greedy, swaps and restarts for a removal objective to minimise; eval(removed, after)
// returns the value of the current removal and fills after[v] for every vertex not removed.
template <typename T, typename Eval>
class RemovalSearch {
 public:
  RemovalSearch(uint32_t n, const KeyPlayerOptions& o, Eval& eval)
      : n_(n), o_(o), eval_(eval), after_(n) {}

  // Fills r.set and the statistics and returns the best value; greedy receives the value of
  // the greedy set of start 0.
  T Run(Starts& starts, KeyPlayerResult& r, T& greedy) {
    T best{};
    std::vector<uint8_t> removed(n_);
    for (uint32_t start = 0; start <= o_.restarts; ++start) {
      ThrowIfInterrupted();
      key_ = &starts.Keys(start);
      std::fill(removed.begin(), removed.end(), 0);
      std::vector<VertexId> set;
      T value{};
      if (starts.Greedy(start)) {
        for (uint32_t step = 0; step < o_.k; ++step) {
          ThrowIfInterrupted();
          eval_(removed.data(), after_);
          const VertexId v = Smallest(after_, removed, *key_);
          value = after_[v];
          removed[v] = 1;
          set.push_back(v);
        }
        if (start == 0) greedy = value;
      } else {
        set = starts.RandomSet(start);
        for (const VertexId v : set) removed[v] = 1;
        value = eval_(removed.data(), after_);
      }
      SearchStats stats;
      value = Swap(set, removed, value, stats);
      if (start == 0 || value < best) {
        best = value;
        Keep(r, set, stats, start);
      }
    }
    return best;
  }

 private:
  // Swap rounds on `set` (whose mask is `removed`) of value `current`; returns the new value.
  T Swap(std::vector<VertexId>& set, std::vector<uint8_t>& removed, T current, SearchStats& stats) {
    for (uint32_t round = 0; round < o_.max_swap_rounds; ++round) {
      bool changed = false;
      for (uint32_t i = 0; i < o_.k; ++i) {
        ThrowIfInterrupted();  // once per evaluation: a round costs k of them
        const VertexId u = set[i];
        removed[u] = 0;
        eval_(removed.data(), after_);
        const VertexId v = Smallest(after_, removed, *key_);
        if (after_[v] < after_[u]) {
          set[i] = v;
          removed[v] = 1;
          current = after_[v];
          ++stats.swaps;
          changed = true;
        } else {
          removed[u] = 1;
        }
      }
      ++stats.rounds;
      if (!changed) {
        stats.converged = true;
        break;
      }
    }
    return current;
  }

  static void Keep(KeyPlayerResult& r, const std::vector<VertexId>& set, const SearchStats& st,
                   uint32_t start) {
    r.set = set;
    r.swaps = st.swaps;
    r.swap_rounds = st.rounds;
    r.converged = st.converged;
    r.start = start;
  }

  uint32_t n_;
  const KeyPlayerOptions& o_;
  const std::vector<uint32_t>* key_ = nullptr;
  Eval& eval_;
  std::vector<T> after_;
};

// KPP-Pos: lazy greedy, swaps and restarts, maximising the vertices within reach_depth of the
// set.
class ReachSearch {
 public:
  ReachSearch(const Snapshot& s, const KeyPlayerOptions& o, Walkers& walkers)
      : s_(s),
        n_(s.vertex_count()),
        o_(o),
        walkers_(walkers),
        w0_(walkers.Mine()),  // outside parallel regions: thread 0's
        cover_(n_, 0),
        in_set_(n_, 0),
        gain_(n_, 0) {}

  // Fills r.set and the statistics and returns the best reach; greedy receives that of the
  // greedy set of start 0.
  uint32_t Run(Starts& starts, KeyPlayerResult& r, uint32_t& greedy) {
    uint32_t best = 0;
    for (uint32_t start = 0; start <= o_.restarts; ++start) {
      ThrowIfInterrupted();
      key_ = &starts.Keys(start);
      std::fill(cover_.begin(), cover_.end(), 0);
      std::fill(in_set_.begin(), in_set_.end(), 0);
      reached_ = 0;
      std::vector<VertexId> set;
      if (starts.Greedy(start)) {
        set = Greedy();
        if (start == 0) greedy = reached_;
      } else {
        set = starts.RandomSet(start);
        for (const VertexId v : set) Add(v);
      }
      SearchStats stats;
      Swap(set, stats);
      if (start == 0 || reached_ > best) {
        best = reached_;
        Keep(r, set, stats, start);
      }
    }
    return best;
  }

 private:
  static constexpr uint32_t kParallelMin = 1u << 14;

  struct Entry {
    uint32_t gain;
    uint32_t key;
    VertexId v;
    uint32_t step;  // the step whose cover the gain was computed for
  };
  struct Below {  // priority: most gain, then smallest key
    bool operator()(const Entry& a, const Entry& b) const {
      return a.gain != b.gain ? a.gain < b.gain : a.key > b.key;
    }
  };

  uint32_t Gain(detail::Walker& w, VertexId v) {
    uint32_t g = 0;
    w.ForBall(s_, v, o_.reach_depth, [&](VertexId x) { g += cover_[x] == 0 ? 1 : 0; });
    return g;
  }
  // gain_[v] for every vertex not in the set.
  void AllGains() {
    const auto size = static_cast<int64_t>(n_);
    // Small graphs: a parallel region costs more than the balls (and much more when the cores
    // are shared with other work).
    const int threads = n_ >= kParallelMin ? walkers_.threads() : 1;
    detail::InterruptLatch interrupt;  // polled once per ball
#pragma omp parallel for schedule(dynamic, 64) num_threads(threads) if (threads > 1)
    for (int64_t i = 0; i < size; ++i) {
      const auto v = static_cast<VertexId>(i);
      if (!in_set_[v] && !interrupt.Poll()) gain_[v] = Gain(walkers_.Mine(), v);
    }
    interrupt.ThrowIfSeen();
  }
  void Add(VertexId v) {
    w0_.ForBall(s_, v, o_.reach_depth, [&](VertexId x) { reached_ += cover_[x]++ == 0 ? 1 : 0; });
    in_set_[v] = 1;
  }
  void Drop(VertexId v) {
    w0_.ForBall(s_, v, o_.reach_depth, [&](VertexId x) { reached_ -= --cover_[x] == 0 ? 1 : 0; });
    in_set_[v] = 0;
  }

  std::vector<VertexId> Greedy() {
    std::vector<VertexId> set;
    std::priority_queue<Entry, std::vector<Entry>, Below> queue;
    AllGains();
    for (VertexId v = 0; v < n_; ++v) queue.push({gain_[v], (*key_)[v], v, 0});
    for (uint32_t step = 0; step < o_.k; ++step) {
      ThrowIfInterrupted();
      for (;;) {
        const Entry top = queue.top();
        queue.pop();
        if (top.step == step) {
          Add(top.v);
          set.push_back(top.v);
          break;
        }
        queue.push({Gain(w0_, top.v), top.key, top.v, step});
      }
    }
    return set;
  }

  void Swap(std::vector<VertexId>& set, SearchStats& stats) {
    for (uint32_t round = 0; round < o_.max_swap_rounds; ++round) {
      bool changed = false;
      for (uint32_t i = 0; i < o_.k; ++i) {
        ThrowIfInterrupted();  // once per evaluation: a round costs k of them
        const VertexId u = set[i];
        const uint32_t with_u = reached_;
        Drop(u);
        AllGains();
        VertexId best = kNoVertex;
        for (VertexId v = 0; v < n_; ++v) {
          if (in_set_[v]) continue;
          if (best == kNoVertex || gain_[v] > gain_[best] ||
              (gain_[v] == gain_[best] && (*key_)[v] < (*key_)[best])) {
            best = v;
          }
        }
        if (reached_ + gain_[best] > with_u) {
          Add(best);
          set[i] = best;
          ++stats.swaps;
          changed = true;
        } else {
          Add(u);
        }
      }
      ++stats.rounds;
      if (!changed) {
        stats.converged = true;
        break;
      }
    }
  }

  static void Keep(KeyPlayerResult& r, const std::vector<VertexId>& set, const SearchStats& st,
                   uint32_t start) {
    r.set = set;
    r.swaps = st.swaps;
    r.swap_rounds = st.rounds;
    r.converged = st.converged;
    r.start = start;
  }

  const Snapshot& s_;
  uint32_t n_;
  const KeyPlayerOptions& o_;
  const std::vector<uint32_t>* key_ = nullptr;
  Walkers& walkers_;
  detail::Walker& w0_;
  std::vector<uint32_t> cover_;  // members whose ball holds the vertex
  std::vector<uint8_t> in_set_;
  std::vector<uint32_t> gain_;
  uint32_t reached_ = 0;
};

}  // namespace

KeyPlayerResult FindKeyPlayers(const Snapshot& s, const KeyPlayerOptions& o) {
  const uint32_t n = s.vertex_count();
  if (o.k == 0 || o.k > n) {
    throw UsageError(fmt::format(
        "key players: k must be between 1 and the number of vertices ({}), got {}", n, o.k));
  }
  if (o.mode == KeyPlayerMode::kReach && o.reach_depth == 0) {
    throw UsageError("key players: reach_depth must be at least 1");
  }
  const int threads = detail::ThreadCount(o.threads);
  Starts starts(s, o, threads);
  const bool distance = o.mode == KeyPlayerMode::kDistanceFragment;
  const uint32_t left = n - o.k;
  KeyPlayerResult r;
  switch (o.mode) {
    case KeyPlayerMode::kFragment: {
      CutEvaluator cuts(s);
      auto eval = [&](const uint8_t* mask, std::vector<uint64_t>& after) {
        return cuts.Run(mask, after);
      };
      RemovalSearch<uint64_t, decltype(eval)> search(n, o, eval);
      uint64_t greedy = 0;
      const uint64_t pairs = search.Run(starts, r, greedy);
      r.greedy_score = detail::FragmentationOf(greedy, left);
      r.score = detail::FragmentationOf(pairs, left);
      break;
    }
    case KeyPlayerMode::kDistanceFragment: {
      Walkers walkers(n, threads);
      DistanceEvaluator distances(s, walkers, o.distance_matrix_bytes);
      auto eval = [&](const uint8_t* mask, std::vector<double>& after) {
        return distances.Run(mask, after);
      };
      RemovalSearch<double, decltype(eval)> search(n, o, eval);
      double greedy = 0;
      const double sum = search.Run(starts, r, greedy);
      const double all = left < 2 ? 1 : static_cast<double>(left) * static_cast<double>(left - 1);
      r.greedy_score = left < 2 ? 0 : 1.0 - greedy / all;
      r.score = left < 2 ? 0 : 1.0 - sum / all;
      break;
    }
    case KeyPlayerMode::kReach: {
      Walkers walkers(n, threads);
      ReachSearch search(s, o, walkers);
      uint32_t greedy = 0;
      r.reached = search.Run(starts, r, greedy);
      r.greedy_score = static_cast<double>(greedy) / static_cast<double>(n);
      r.score = static_cast<double>(r.reached) / static_cast<double>(n);
      break;
    }
  }
  std::vector<uint8_t> removed(n, 0);
  for (const VertexId v : r.set) removed[v] = 1;
  r.before = MeasureFragmentation(s, {}, distance);
  r.after = MeasureFragmentation(s, removed, distance);
  return r;
}

}  // namespace linkscope
