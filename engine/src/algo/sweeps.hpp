// Sweeps over the vertices of a community graph (internal): the schedule shared by local moving
// (Leiden, Louvain) and label propagation.
//
// A sweep visits the active vertices — those whose neighbourhood changed since their last
// visit; all are active at the start — evaluates a change for each (a move, a new label) and
// applies it; the neighbours that now differ become active. Sweeps repeat until one changes
// nothing (or a cap is reached).
//
// Small graphs are swept sequentially in the given visiting order. Large ones (a property of n
// only, never of the thread count) are swept by colour classes of a greedy colouring made in
// visiting order: a class is an independent set, so its vertices are evaluated in parallel
// against a state none of them changes, and the changes are applied in order by one thread,
// which may re-check them against what earlier vertices of the class did to shared totals.
// (A vertex that becomes active during a sweep, and is not evaluated later in it, waits for the
// next sweep.) Two barriers per
// class instead of per vertex keep the schedule fast. The result is the same for any thread
// count.
//
// Interrupts (linkscope/core/interrupt.hpp) are polled once per sweep, before it starts; in the
// coloured schedule by the block that gathers the sweep's work, which then stops the sweeps for
// every thread, and Interrupted is thrown after the parallel region.
#pragma once

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "algo/community_graph.hpp"
#include "linkscope/core/interrupt.hpp"

namespace linkscope::detail {

// Vertices grouped by colour: class c is members[start[c] .. start[c + 1]), in visiting order;
// with `members` empty, class c is the ids start[c] .. start[c + 1] themselves.
struct Coloring {
  uint32_t colors = 0;
  std::vector<uint32_t> start;
  std::vector<uint32_t> members;
};

// Graphs of at least this many vertices are swept by colour classes, and so are the dense
// upper levels of an aggregation: at least kColoredSweepMinEntries adjacency entries on at
// least kColoredSweepMinDense vertices (a few hundred entries a row: each class still has
// enough work for its two barriers). A property of the graph only, never of the thread count.
inline constexpr uint32_t kColoredSweepMin = 100000;
inline constexpr uint64_t kColoredSweepMinEntries = 1000000;
inline constexpr uint32_t kColoredSweepMinDense = 512;
inline bool ColoredSweeps(const CommunityGraph& g) {
  return g.n >= kColoredSweepMin ||
         (g.n >= kColoredSweepMinDense && g.adj.size() >= kColoredSweepMinEntries);
}

// Greedy colouring in visiting order (empty: id order): each vertex takes the smallest colour
// none of its earlier neighbours has. Deterministic; at most max degree + 1 colours. O(n + m).
Coloring ColorGraph(const CommunityGraph& g, std::span<const uint32_t> order);

// Level 0 of a snapshot as the sweeps want it: LevelZero (community_graph.hpp) and, when it is
// swept by colour classes (ColoredSweeps), renumbered so that the classes of its greedy
// colouring in canonical order lie one after the other, in canonical order within a class. A
// sweep then walks the rows in memory order instead of jumping over the whole graph for every
// class: 1.4x faster local moving at level 0 of the 1M-vertex planted graph. The visiting order
// (class by class, canonical order within) is the same; the ids are still a property of the
// data and the seed. *coloring receives the colouring in the new ids (classes are id ranges,
// `members` empty), or is left empty (no classes) when the graph is swept sequentially.
// O(n log n + m), parallel.
CommunityGraph SweepLevelZero(const Snapshot& s, uint64_t seed, int threads,
                              std::vector<uint32_t>* origin, Coloring* coloring);

// Runs the sweeps over the vertices in `order` (empty: id order); returns the number of changes
// applied. Throws Interrupted when an interrupt is requested (what apply() changed stays as the
// completed sweeps left it).
//  make_scratch(): per-thread scratch space.
//  evaluate(v, scratch) -> P: the change v wants, against the current state (called in
//    parallel for the vertices of one colour class; must only read shared state).
//  apply(v, P&, scratch) -> bool: applies it (or not, after a re-check); called in visiting
//    order by one thread at a time.
//  next_label(v, P&) -> uint32_t: the label v has after apply() takes P (label[v] when P
//    changes nothing; kNone32 for a label no vertex has yet). The coloured schedule lists the
//    neighbours to activate right after the evaluation, while v's row and its neighbours'
//    labels are still in cache, instead of reading each label again when v changes.
//  label: what neighbours are compared by: after a change of v, each neighbour u with
//    label[u] != label[v] becomes active.
//  by_label: an array indexed by label that evaluate reads (prefetched), or null.
template <typename P, typename MakeScratch, typename Evaluate, typename Apply, typename NextLabel>
uint64_t RunSweeps(const CommunityGraph& g, std::span<const uint32_t> order,
                   const Coloring* coloring, int threads, uint32_t max_sweeps,
                   std::span<const uint32_t> label, const double* by_label,
                   MakeScratch&& make_scratch, Evaluate&& evaluate, Apply&& apply,
                   NextLabel&& next_label) {
  const uint32_t n = g.n;
  uint64_t changes = 0;
  if (coloring == nullptr) {
    std::vector<uint8_t> active(n, 1);
    auto activate = [&](uint32_t v) {
      const uint32_t l = label[v];
      g.ForEach(v, [&](uint32_t u, double) {
        if (u != v && label[u] != l) active[u] = 1;
      });
    };
    auto scratch = make_scratch();
    for (uint32_t sweep = 0; sweep < max_sweeps; ++sweep) {
      ThrowIfInterrupted();
      uint64_t sweep_changes = 0;
      for (uint32_t i = 0; i < n; ++i) {
        const uint32_t v = order.empty() ? i : order[i];
        if (!active[v]) continue;
        active[v] = 0;
        P p = evaluate(v, scratch);
        if (apply(v, p, scratch)) {
          ++sweep_changes;
          activate(v);
        }
      }
      changes += sweep_changes;
      if (sweep_changes == 0) break;
    }
    return changes;
  }

  const uint64_t mean_degree = g.adj.size() / n;
  uint32_t widest = 0;
  for (uint32_t c = 0; c < coloring->colors; ++c) {
    widest = std::max(widest, coloring->start[c + 1] - coloring->start[c]);
  }
  std::vector<P> proposals(widest);  // by position in the class
  HugeVector<uint32_t> work;         // this sweep's active vertices, class by class
  work.reserve(n);
  std::vector<uint32_t> work_start(coloring->colors + 1, 0);
  // The vertices the last class changed, whose neighbours are flagged while the next class is
  // evaluated. A neighbour that a later class of this sweep evaluates will see the change then
  // and is not flagged. One word per vertex holds both: the active flag (kActive) and, when
  // the vertex is in this sweep's work, 1 + its class (0 otherwise), so a flag costs one random
  // access instead of two. Flags never write a vertex of the class being evaluated (nor of a
  // later one), so evaluations and flags never write the same word at once; the words are
  // accessed atomically (relaxed) because a flag may read one that an evaluation writes.
  //
  // Which neighbours a change may flag (those whose label differs from v's new one) is listed
  // when v is evaluated: neighbours of v are not in its class, so their labels do not change
  // before the flags are raised. Each thread lists into its own buffer, one buffer for the
  // classes of each parity: the lists of class c are read while class c + 1 is evaluated.
  struct Pending {
    uint32_t buffer;  // thread * 2 + parity of the class
    uint32_t length;
    uint64_t begin;
  };
  std::vector<Pending> listed(widest);  // by position in the class
  std::vector<HugeVector<uint32_t>> buffers(2 * static_cast<size_t>(std::max(threads, 1)));
  std::vector<Pending> changed;
  std::vector<Pending> flagging;
  changed.reserve(widest);
  flagging.reserve(widest);
  constexpr uint32_t kActive = 1u << 31;
  constexpr uint32_t kClass = kActive - 1;
  // (The per-vertex arrays are HugeVectors: returned to the system when the call ends, so that
  // the memory high-water mark of an aggregation that follows does not include them.)
  HugeVector<uint32_t> state(n, kActive);
  auto load = [&](uint32_t v) {
    return std::atomic_ref<uint32_t>(state[v]).load(std::memory_order_relaxed);
  };
  auto store = [&](uint32_t v, uint32_t x) {
    std::atomic_ref<uint32_t>(state[v]).store(x, std::memory_order_relaxed);
  };
  uint32_t flagging_class = 0;
  uint64_t sweep_changes = 0;
  // Each flag is written in one single block and read by all threads after its barrier; the
  // barriers in between keep a fast thread from overwriting it while a slow one still reads.
  bool no_work = false;
  bool stop = false;
  bool interrupted = false;
  auto flag_listed = [&](const Pending& l) {
    const uint32_t* u = buffers[l.buffer].data() + l.begin;
    for (uint32_t k = 0; k < l.length; ++k) {
      const uint32_t x = load(u[k]);
      // Several threads may raise the same flag; all write the same word.
      if ((x & kClass) <= flagging_class + 1 && !(x & kActive)) store(u[k], x | kActive);
    }
  };
#pragma omp parallel num_threads(threads)
  {
    auto scratch = make_scratch();
    const auto me = static_cast<uint32_t>(omp_get_thread_num());
    for (uint32_t sweep = 0; sweep < max_sweeps; ++sweep) {
      // The active vertices at the start of the sweep. One that becomes active during the sweep
      // waits for the next one (a walk over every vertex per sweep would cost more than the
      // few changes of the last sweeps).
#pragma omp single
      {
        for (const uint32_t v : work) store(v, load(v) & kActive);
        work.clear();
        // An interrupt leaves the work empty: every thread stops, and the call throws below.
        interrupted = InterruptRequested();
        for (uint32_t c = 0; c < coloring->colors && !interrupted; ++c) {
          for (uint32_t i = coloring->start[c]; i < coloring->start[c + 1]; ++i) {
            const uint32_t v = coloring->members.empty() ? i : coloring->members[i];
            if (load(v) & kActive) {
              store(v, kActive | (c + 1));
              work.push_back(v);
            }
          }
          work_start[c + 1] = static_cast<uint32_t>(work.size());
        }
        no_work = work.empty();
        flagging.clear();
      }
      if (no_work) break;
      for (uint32_t c = 0; c <= coloring->colors; ++c) {
        // Two barriers per class: evaluation (with the flags of the class before), then the
        // changes, applied in order.
        const auto flags = static_cast<uint32_t>(flagging.size());
        const auto flag_chunk =
            static_cast<uint32_t>(std::clamp<uint64_t>(64 * 16 / (mean_degree + 1), 1, 64));
        // This thread's buffer for class c: its lists were last read (class c - 2) before the
        // barriers of class c - 1.
        const uint32_t mine = 2 * me + (c & 1);
        HugeVector<uint32_t>& buffer = buffers[mine];
        buffer.clear();
#pragma omp for schedule(dynamic, flag_chunk) nowait
        for (uint32_t i = 0; i < flags; ++i) flag_listed(flagging[i]);
        if (c == coloring->colors) {
#pragma omp barrier
          break;
        }
        const uint32_t first = work_start[c];
        const uint32_t last = work_start[c + 1];
        const std::span<const uint32_t> seq(work.data() + first, last - first);
        // Chunks of 256 vertices of a sparse level; on a dense one (a few hundred entries a
        // row) a class may hold only tens of vertices, which must still be shared out.
        const auto chunk =
            static_cast<uint32_t>(std::clamp<uint64_t>(256 * 16 / (mean_degree + 1), 1, 256));
#pragma omp for schedule(dynamic, chunk)
        for (uint32_t i = first; i < last; ++i) {
          const uint32_t v = work[i];
          g.PrefetchWalk(seq, i - first, label.data(), by_label);
          store(v, c + 1);
          P& p = proposals[i - first];
          p = evaluate(v, scratch);
          const uint32_t next = next_label(v, p);
          Pending& l = listed[i - first];
          l = {mine, 0, buffer.size()};
          if (next == label[v]) continue;
          g.ForEach(v, [&](uint32_t u, double) {
            if (label[u] != next) buffer.push_back(u);
          });
          l.length = static_cast<uint32_t>(buffer.size() - l.begin);
        }
#pragma omp single
        {
          changed.clear();
          for (uint32_t i = first; i < last; ++i) {
            if (apply(work[i], proposals[i - first], scratch)) changed.push_back(listed[i - first]);
          }
          sweep_changes += changed.size();
          flagging.swap(changed);
          flagging_class = c;
        }
      }
#pragma omp single
      {
        changes += sweep_changes;
        stop = sweep_changes == 0;
        sweep_changes = 0;
      }
      if (stop) break;
    }
  }
  if (interrupted) throw Interrupted();
  return changes;
}

}  // namespace linkscope::detail
