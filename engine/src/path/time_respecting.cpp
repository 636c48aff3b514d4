// Time-respecting shortest paths: a multi-criteria label-setting search over states
// (vertex, clock, cost, hops).
//
// A link dated [lo, hi] may be taken at any second of it no earlier than the walk's clock, so
// the step needs hi >= clock and moves the clock to max(clock, lo), the earliest it can. An
// undated link (admitted when keep_undated) can be taken at any time and leaves the clock.
// Labels leave the queue in (cost, hops, clock) order. A state is dropped when an earlier
// settled state at its vertex has no more cost, no more hops and no later clock (with a
// maximum gap, the same clock: a later clock may reach steps that an earlier one cannot
// within the gap). Every extension of a dropped state is then available, no worse, to the
// state that dropped it, so the first state at t to leave the queue is optimal: the search is
// exact. Without a gap the optimal walk is a simple path (cutting a cycle out keeps it
// time-respecting and removes hops). With a gap the best walk may have to revisit an entity
// to keep the steps close enough in time; such a walk is returned as it is (never through the
// endpoints).
#include "path/time_respecting.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <vector>

namespace linkscope::detail {
namespace {

struct State {
  VertexId v;
  TimePoint clock;
  Label label;
  uint32_t parent;  // state index, kNone32 for the start
  LinkId link;      // link into v
  TimePoint step_time;
};

}  // namespace

std::optional<TimePoint> StepClock(const PathEngine& e, LinkId l, TimePoint clock) {
  const TimePoint lo = e.data.date_lo[l];
  if (lo == kUndated) {
    if (!e.opt.keep_undated) return std::nullopt;
    return clock;
  }
  const TimePoint hi = e.data.date_hi[l];
  if (hi < clock) return std::nullopt;
  if (e.opt.max_gap_seconds && clock != kOpenStart && lo > clock &&
      static_cast<Uint128>(lo - clock) > static_cast<Uint128>(*e.opt.max_gap_seconds)) {
    return std::nullopt;
  }
  return std::max(clock, lo);
}

bool TimeRespectingShortest(const PathEngine& e, VertexId s, VertexId t, Path* out) {
  std::vector<State> states;
  states.push_back({s, kOpenStart, {0, 0}, kNone32, kNoLink, kUndated});
  if (s == t) {
    out->vertices = {s};
    return true;
  }
  const bool gap = e.opt.max_gap_seconds.has_value();
  struct Key {
    Label label;
    TimePoint clock;
    uint32_t index;
  };
  auto after = [](const Key& a, const Key& b) {
    if (Less(a.label, b.label)) return false;
    if (Less(b.label, a.label)) return true;
    if (a.clock != b.clock) return a.clock > b.clock;
    return a.index > b.index;
  };
  std::priority_queue<Key, std::vector<Key>, decltype(after)> queue(after);
  queue.push({{0, 0}, kOpenStart, 0});
  std::unordered_map<VertexId, std::vector<uint32_t>> settled;
  uint32_t found = kNone32;
  while (!queue.empty()) {
    const Key key = queue.top();
    queue.pop();
    const State st = states[key.index];
    auto& at = settled[st.v];
    bool dominated = false;
    for (const uint32_t o : at) {
      const State& y = states[o];
      if (y.label.cost <= st.label.cost && y.label.hops <= st.label.hops &&
          (gap ? y.clock == st.clock : y.clock <= st.clock)) {
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
      const auto clock = StepClock(e, l, st.clock);
      if (!clock) return;
      const Label label = Step(st.label, c);
      if (label.cost > e.opt.max_cost && !Near(label.cost, e.opt.max_cost)) return;
      const TimePoint when = e.data.date_lo[l] == kUndated ? kUndated : *clock;
      states.push_back({w, *clock, label, key.index, l, when});
      queue.push({label, *clock, static_cast<uint32_t>(states.size() - 1)});
    });
  }
  if (found == kNone32) return false;
  std::vector<uint32_t> chain;
  for (uint32_t i = found; i != kNone32; i = states[i].parent) chain.push_back(i);
  std::reverse(chain.begin(), chain.end());
  Path p;
  for (size_t i = 0; i < chain.size(); ++i) {
    const State& st = states[chain[i]];
    p.vertices.push_back(st.v);
    if (i == 0) continue;
    Evidence ev = e.MakeEvidence(states[chain[i - 1]].v, st.v, st.link);
    ev.time = st.step_time;
    p.cost += e.LinkCost(st.link);
    p.reliability *= ev.confidence;
    p.links.push_back(ev);
  }
  p.hops = static_cast<uint32_t>(p.links.size());
  *out = std::move(p);
  return true;
}

}  // namespace linkscope::detail
