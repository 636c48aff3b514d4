// Time-respecting shortest paths: a multi-criteria label-setting search over states
// (vertex, window, cost, hops).
//
// The model: each step may be taken at any second of its link's date interval [lo, hi]
// (kOpenStart / kOpenEnd: unbounded), no earlier than the previous step (times never
// decrease); with a maximum gap, consecutive dated steps are at most `gap` seconds apart. An
// undated link (admitted when keep_undated) can be taken at any time and constrains nothing.
//
// A walk's feasible times for its last dated step form an interval, the state's window
// [earliest, latest]: the times t reachable from the previous window W are [W.earliest,
// W.latest + gap] (the union of [t', t' + gap] over t' in W), intersected with [lo, hi]. So a
// step on [lo, hi] is possible when lo <= latest + gap and hi >= earliest, and gives
// [max(earliest, lo), min(hi, latest + gap)]; the first dated step has no gap limit (the
// initial window is unbounded); without a gap only `earliest` matters. This is exact: the
// window is the set of every time the last dated step can have, over all schedules.
//
// Labels leave the queue in (cost, hops, earliest, -latest) order. A state is dropped when a
// settled state at its vertex has no more cost, no more hops and a window containing its
// window (without a gap: no later earliest). The step rule is monotone in the window (a
// larger window allows every step a smaller one does and yields a larger window), so every
// extension of a dropped state is available, no worse, to the state that dropped it, and the
// first state at t to leave the queue is optimal: the search is exact. Without a gap the
// optimal walk is a simple path (cutting a cycle out keeps it time-respecting and removes
// hops). With a gap the best walk may have to revisit an entity to keep the steps close enough
// in time; such a walk is returned as it is (never through the endpoints).
//
// Evidence::time: the earliest second each dated step can be taken at in a schedule of the
// whole path. The feasible schedules are closed under taking the minimum of each step's time
// (difference constraints), so these earliest seconds form one schedule; they are computed
// backwards: the last dated step at its window's earliest, each earlier one at
// max(its earliest, next time - gap). kUndated when that is unbounded (a start-less link with
// nothing later pinning it) or for an undated link.
#include "path/time_respecting.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <vector>

#include "linkscope/core/interrupt.hpp"

namespace linkscope::detail {
namespace {

// States popped between two polls of the interrupt flag.
constexpr uint32_t kInterruptPollMask = 4095;

struct State {
  VertexId v;
  TimeWindow window;
  Label label;
  uint32_t parent;  // state index, kNone32 for the start
  LinkId link;      // link into v
};

// t + gap, kOpenEnd when unbounded or past it (gap >= 0).
TimePoint Later(TimePoint t, int64_t gap) {
  if (t == kOpenEnd || t > kOpenEnd - gap) return kOpenEnd;
  return t + gap;
}

// t - gap, kOpenStart when unbounded or before it (gap >= 0).
TimePoint Earlier(TimePoint t, int64_t gap) {
  if (t == kOpenStart || t < kOpenStart + gap) return kOpenStart;
  return t - gap;
}

}  // namespace

std::optional<TimeWindow> StepWindow(const PathEngine& e, LinkId l, TimeWindow w,
                                     std::optional<int64_t> gap) {
  const TimePoint lo = e.data.date_lo[l];
  if (lo == kUndated) {
    if (!e.opt.keep_undated) return std::nullopt;
    return w;
  }
  const TimePoint hi = e.data.date_hi[l];
  if (hi < w.earliest) return std::nullopt;
  if (!gap) return TimeWindow{std::max(w.earliest, lo), hi};
  const TimePoint reach = Later(w.latest, *gap);
  if (lo > reach) return std::nullopt;
  return TimeWindow{std::max(w.earliest, lo), std::min(hi, reach)};
}

std::optional<TimePoint> StepClock(const PathEngine& e, LinkId l, TimePoint clock) {
  const auto w = StepWindow(e, l, TimeWindow{clock, kOpenEnd}, std::nullopt);
  if (!w) return std::nullopt;
  return w->earliest;
}

bool TimeRespectingShortest(const PathEngine& e, VertexId s, VertexId t, Path* out) {
  std::vector<State> states;
  states.push_back({s, kAnyTime, {0, 0}, kNone32, kNoLink});
  if (s == t) {
    out->vertices = {s};
    return true;
  }
  const std::optional<int64_t> gap = e.opt.max_gap_seconds;
  struct Key {
    Label label;
    TimeWindow window;
    uint32_t index;
  };
  auto after = [](const Key& a, const Key& b) {
    if (Less(a.label, b.label)) return false;
    if (Less(b.label, a.label)) return true;
    if (a.window.earliest != b.window.earliest) return a.window.earliest > b.window.earliest;
    if (a.window.latest != b.window.latest) return a.window.latest < b.window.latest;
    return a.index > b.index;
  };
  std::priority_queue<Key, std::vector<Key>, decltype(after)> queue(after);
  queue.push({{0, 0}, kAnyTime, 0});
  std::unordered_map<VertexId, std::vector<uint32_t>> settled;
  uint32_t found = kNone32;
  for (uint32_t popped = 0; !queue.empty(); ++popped) {
    if ((popped & kInterruptPollMask) == 0) ThrowIfInterrupted();
    const Key key = queue.top();
    queue.pop();
    const State st = states[key.index];
    auto& at = settled[st.v];
    bool dominated = false;
    for (const uint32_t o : at) {
      const State& y = states[o];
      if (y.label.cost <= st.label.cost && y.label.hops <= st.label.hops &&
          y.window.earliest <= st.window.earliest &&
          (!gap || y.window.latest >= st.window.latest)) {
        dominated = true;
        break;
      }
    }
    if (dominated) continue;
    at.push_back(key.index);
    if (st.v == t) {
      found = key.index;
      break;
    }
    if (e.opt.max_hops > 0 && st.label.hops >= e.opt.max_hops) continue;
    e.ForLinkSteps(st.v, false, [&](VertexId w, LinkId l, double c) {
      if (w == s || !e.Passable(w, s, t)) return;
      const auto window = StepWindow(e, l, st.window, gap);
      if (!window) return;
      const Label label = Step(st.label, c);
      if (label.cost > e.opt.max_cost && !Near(label.cost, e.opt.max_cost)) return;
      states.push_back({w, *window, label, key.index, l});
      queue.push({label, *window, static_cast<uint32_t>(states.size() - 1)});
    });
  }
  if (found == kNone32) return false;
  std::vector<uint32_t> chain;
  for (uint32_t i = found; i != kNone32; i = states[i].parent) chain.push_back(i);
  std::reverse(chain.begin(), chain.end());
  // The earliest schedule, backwards: `next` is the time of the next dated step.
  std::vector<TimePoint> when(chain.size(), kUndated);
  std::optional<TimePoint> next;
  for (size_t i = chain.size(); i-- > 1;) {
    const State& st = states[chain[i]];
    if (e.data.date_lo[st.link] == kUndated) continue;
    TimePoint time = st.window.earliest;
    if (next && gap) time = std::max(time, Earlier(*next, *gap));
    next = time;
    when[i] = time == kOpenStart ? kUndated : time;
  }
  Path p;
  for (size_t i = 0; i < chain.size(); ++i) {
    const State& st = states[chain[i]];
    p.vertices.push_back(st.v);
    if (i == 0) continue;
    Evidence ev = e.MakeEvidence(states[chain[i - 1]].v, st.v, st.link);
    ev.time = when[i];
    p.cost += e.LinkCost(st.link);
    p.reliability *= ev.confidence;
    p.links.push_back(ev);
  }
  p.hops = static_cast<uint32_t>(p.links.size());
  *out = std::move(p);
  return true;
}

}  // namespace linkscope::detail
