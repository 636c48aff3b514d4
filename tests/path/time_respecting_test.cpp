// Time-respecting shortest paths against a brute force over every walk of at most six steps
// (every admissible link of every step), with and without a maximum gap; plus the firearm
// example, the reviewer's cases (start-less links, year-long links under a gap) and the time
// of each step.
//
// The reference works from the definition: a walk is feasible when there are step times
// t1 <= t2 <= ... with each dated step's time inside its link's interval (open sides
// unbounded), and consecutive dated steps at most max_gap apart; undated steps constrain
// nothing. RefFeasible decides this by carrying the set of possible times of the last dated
// step; that this set is one interval is itself checked against a search over candidate
// times (ReferenceMatchesCandidateTimes).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/path/path.hpp"
#include "path_test_util.hpp"

namespace linkscope {
namespace {

using namespace path_testing;

LinkInput Dated(std::string from, std::string to, std::string date, bool directed = true) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = "owns";
  l.directed = directed;
  l.date = std::move(date);
  return l;
}

LinkInput Between(std::string from, std::string to, std::string start, std::string end) {
  LinkInput l = Dated(std::move(from), std::move(to), "");
  l.start = std::move(start);
  l.end = std::move(end);
  return l;
}

TimePoint First(const std::string& date) { return testing::Range(date, date).lo; }

constexpr int64_t kDay = 86400;

// --- the reference

__extension__ typedef __int128 Wide;
constexpr Wide kInf = static_cast<Wide>(1) << 100;

// The times a step on d can be taken at, as [lo, hi] (open sides at -/+ kInf).
Wide WideLo(const DateRange& d) { return d.lo == kOpenStart ? -kInf : d.lo; }
Wide WideHi(const DateRange& d) { return d.hi == kOpenEnd ? kInf : d.hi; }

// Whether times t1 <= t2 <= ... exist for the dated ranges of `steps` (undated ones skipped),
// t_i in its range, t_{i+1} - t_i <= gap. The set of possible times of the last dated step is
// {t in range : some possible t' of the step before has t' <= t <= t' + gap}; from an interval
// [a, b] that is range ∩ [a, b + gap].
bool RefFeasible(const std::vector<DateRange>& steps, std::optional<int64_t> gap) {
  bool any = false;
  Wide a = 0, b = 0;
  for (const DateRange& d : steps) {
    if (!d.dated()) continue;
    Wide lo = WideLo(d), hi = WideHi(d);
    if (any) {
      lo = std::max(lo, a);
      hi = std::min(hi, gap ? b + *gap : kInf);
    }
    if (lo > hi) return false;
    any = true;
    a = lo;
    b = hi;
  }
  return true;
}

// The same question by a search over candidate times: open sides replaced by times beyond
// every finite bound (clamping a schedule to that box keeps it a schedule), then every vertex
// of the polytope has each time at a bound plus a multiple (at most the step count) of the gap.
bool CandidateFeasible(const std::vector<DateRange>& steps, std::optional<int64_t> gap) {
  std::vector<std::pair<Wide, Wide>> r;
  Wide low = 0, high = 0;
  bool finite = false;
  for (const DateRange& d : steps) {
    if (!d.dated()) continue;
    for (const TimePoint x : {d.lo, d.hi}) {
      if (x == kOpenStart || x == kOpenEnd) continue;
      low = finite ? std::min(low, Wide{x}) : Wide{x};
      high = finite ? std::max(high, Wide{x}) : Wide{x};
      finite = true;
    }
  }
  const Wide k = static_cast<Wide>(steps.size()) + 1;
  const Wide g = gap ? *gap : 0;
  const Wide below = low - k * g - 1, above = high + k * g + 1;
  std::set<Wide> bounds;
  for (const DateRange& d : steps) {
    if (!d.dated()) continue;
    const Wide lo = d.lo == kOpenStart ? below : Wide{d.lo};
    const Wide hi = d.hi == kOpenEnd ? above : Wide{d.hi};
    r.emplace_back(lo, hi);
    bounds.insert(lo);
    bounds.insert(hi);
  }
  std::set<Wide> candidates;
  for (const Wide x : bounds) {
    for (Wide m = -k; m <= k; ++m) candidates.insert(x + m * g);
  }
  std::vector<Wide> prev;
  for (size_t i = 0; i < r.size(); ++i) {
    std::vector<Wide> cur;
    for (const Wide c : candidates) {
      if (c < r[i].first || c > r[i].second) continue;
      bool ok = i == 0;
      for (const Wide p : prev) ok = ok || (p <= c && (!gap || c - p <= g));
      if (ok) cur.push_back(c);
    }
    if (cur.empty()) return false;
    prev = std::move(cur);
  }
  return true;
}

TEST(TimeRespectingTest, ReferenceMatchesCandidateTimes) {
  Rng rng(777);
  int feasible = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<DateRange> steps(static_cast<size_t>(rng.Between(1, 5)));
    for (DateRange& d : steps) {
      if (rng.Chance(0.1)) continue;  // undated
      d.lo = rng.Chance(0.2) ? kOpenStart : rng.Between(0, 20);
      const TimePoint from = d.lo == kOpenStart ? 0 : d.lo;
      d.hi = rng.Chance(0.2) ? kOpenEnd : from + rng.Between(0, 8);
    }
    std::optional<int64_t> gap;
    if (rng.Chance(0.7)) gap = rng.Between(0, 6);
    const bool want = CandidateFeasible(steps, gap);
    ASSERT_EQ(RefFeasible(steps, gap), want) << "round " << round;
    feasible += want ? 1 : 0;
  }
  EXPECT_GT(feasible, 4000);
  EXPECT_LT(feasible, 16000);
}

struct Best {
  bool found = false;
  double cost = 0;
  uint32_t hops = 0;
};

// The best (cost, hops) over every feasible walk s -> t of at most `limit` steps that does not
// return to s and stops at t.
Best RefTimeBest(const Model& m, EntityId s, EntityId t, const PathOptions& o, uint32_t limit) {
  Best best;
  if (s == t) return {true, 0, 0};
  std::vector<DateRange> dates;
  std::function<void(EntityId, double, uint32_t)> walk = [&](EntityId u, double cost,
                                                             uint32_t hops) {
    if (u == t) {
      if (cost > o.max_cost) return;
      if (!best.found || cost < best.cost || (cost == best.cost && hops < best.hops)) {
        best = {true, cost, hops};
      }
      return;
    }
    if (hops == limit) return;
    for (EntityId w = 0; w < m.entity_count(); ++w) {
      if (w == s || w == u) continue;
      if (w != t && !RefVertexOk(m, w, o)) continue;
      for (const LinkId l : RefLinks(m, u, w, o)) {
        const DateRange d = m.LinkDates(l);
        if (!d.dated() && !o.keep_undated) continue;
        dates.push_back(d);
        if (RefFeasible(dates, o.max_gap_seconds)) walk(w, cost + RefCost(m, l, o), hops + 1);
        dates.pop_back();
      }
    }
  };
  walk(s, 0, 0);
  return best;
}

// The walk is feasible, and each dated step's Evidence::time is the earliest second it can be
// taken at in a schedule of the whole walk (kUndated when there is none: no lower bound),
// and these times are a schedule.
void CheckTimes(const Snapshot& s, const PathOptions& o, const Path& p) {
  std::vector<DateRange> dates;
  for (const Evidence& ev : p.links) {
    ASSERT_EQ(ev.date, s.model().LinkDates(ev.link));
    if (!ev.date.dated()) {
      ASSERT_TRUE(o.keep_undated);
      EXPECT_EQ(ev.time, kUndated);
    }
    dates.push_back(ev.date);
  }
  ASSERT_TRUE(RefFeasible(dates, o.max_gap_seconds)) << "infeasible walk";
  std::optional<Wide> prev;
  for (size_t i = 0; i < dates.size(); ++i) {
    const DateRange d = dates[i];
    if (!d.dated()) continue;
    const TimePoint time = p.links[i].time;
    std::vector<DateRange> cut = dates;
    if (time == kUndated) {
      // Unbounded below: the step can be taken before any real time.
      EXPECT_EQ(d.lo, kOpenStart) << "step " << i;
      cut[i].hi = kOpenStart;
      EXPECT_TRUE(RefFeasible(cut, o.max_gap_seconds)) << "step " << i;
    } else {
      EXPECT_GE(time, d.lo) << "step " << i;
      EXPECT_LE(time, d.hi) << "step " << i;
      cut[i].hi = time;
      EXPECT_TRUE(RefFeasible(cut, o.max_gap_seconds)) << "step " << i << " not at its time";
      cut[i].hi = time - 1;
      EXPECT_FALSE(RefFeasible(cut, o.max_gap_seconds)) << "step " << i << " could be earlier";
    }
    const Wide t = time == kUndated ? -kInf : Wide{time};
    if (prev) {
      EXPECT_GE(t, *prev) << "step " << i;
      if (o.max_gap_seconds) {
        EXPECT_LE(t - *prev, *o.max_gap_seconds) << "step " << i;
      }
    }
    prev = t;
  }
}

// --- examples

TEST(TimeRespectingTest, FirearmChainMustGoForwardInTime) {
  // The gun went a -> b in 2019 and b -> c in 2018: no time-respecting path a -> c; with the
  // later sale c gets it in 2020.
  Graph g;
  const std::vector<LinkInput> links = {Dated("a", "b", "2019"), Dated("b", "c", "2018")};
  g.Add({}, links);
  Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.direction = Direction::kForward;
  o.time_respecting = true;
  {
    PathFinder f(s, o);
    EXPECT_TRUE(f.Shortest(f.Resolve("a"), f.Resolve("c")).empty());
    o.time_respecting = false;
    PathFinder any(s, o);
    EXPECT_EQ(any.Shortest(any.Resolve("a"), any.Resolve("c")).size(), 1u);
    o.time_respecting = true;
  }
  const std::vector<LinkInput> more = {Dated("b", "c", "2020-06")};
  g.Add({}, more);
  s = g.TakeSnapshot();
  PathFinder f(s, o);
  const auto p = f.Shortest(f.Resolve("a"), f.Resolve("c"));
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].links.size(), 2u);
  EXPECT_EQ(p[0].links[0].time, First("2019"));
  EXPECT_EQ(p[0].links[1].time, First("2020-06"));
  EXPECT_EQ(p[0].links[1].date, testing::Range("2020-06", "2020-06"));
  // Within 90 days: the last second of 2019 to 2020-06-01 is too far apart.
  o.max_gap_seconds = 90 * kDay;
  PathFinder gap(s, o);
  EXPECT_TRUE(gap.Shortest(gap.Resolve("a"), gap.Resolve("c")).empty());
  EXPECT_THROW(gap.Shortest(gap.Resolve("a"), gap.Resolve("c"), 2), UsageError);
  EXPECT_THROW(gap.AllShortest(gap.Resolve("a"), gap.Resolve("c"), 2), UsageError);
  // Within a year: a -> b late in 2019 (2019-06-01 at the earliest), b -> c on 2020-06-01.
  o.max_gap_seconds = 366 * kDay;
  PathFinder year(s, o);
  const auto q = year.Shortest(year.Resolve("a"), year.Resolve("c"));
  ASSERT_EQ(q.size(), 1u);
  ASSERT_EQ(q[0].links.size(), 2u);
  EXPECT_EQ(q[0].links[0].time, First("2020-06") - 366 * kDay);
  EXPECT_EQ(q[0].links[1].time, First("2020-06"));
}

TEST(TimeRespectingTest, StartlessFirstStepKeepsTheGap) {
  // a - b ends in January 2020, b - c starts in 2021: 11 months apart at the least.
  Graph g;
  const std::vector<LinkInput> links = {Between("a", "b", "", "2020-01"),
                                        Between("b", "c", "2021-01", "")};
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.time_respecting = true;
  {
    PathFinder f(s, o);
    const auto p = f.Shortest(f.Resolve("a"), f.Resolve("c"));
    ASSERT_EQ(p.size(), 1u);
    ASSERT_EQ(p[0].links.size(), 2u);
    // No gap: a - b has no earliest second (no "-219246529-01-27"), b - c starts in 2021.
    EXPECT_EQ(p[0].links[0].time, kUndated);
    EXPECT_EQ(p[0].links[1].time, First("2021-01"));
    CheckTimes(s, o, p[0]);
  }
  for (const int64_t gap : {int64_t{1}, 300 * kDay}) {
    o.max_gap_seconds = gap;
    PathFinder f(s, o);
    EXPECT_TRUE(f.Shortest(f.Resolve("a"), f.Resolve("c")).empty()) << gap;
  }
  // From the last second of January 2020 to 2021-01-01 is 335 days and one second.
  o.max_gap_seconds = 335 * kDay + 1;
  PathFinder f(s, o);
  const auto p = f.Shortest(f.Resolve("a"), f.Resolve("c"));
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].links.size(), 2u);
  EXPECT_EQ(p[0].links[0].time, First("2020-02") - 1);
  EXPECT_EQ(p[0].links[1].time, First("2021-01"));
  CheckTimes(s, o, p[0]);
  o.max_gap_seconds = 335 * kDay;
  PathFinder short_gap(s, o);
  EXPECT_TRUE(short_gap.Shortest(short_gap.Resolve("a"), short_gap.Resolve("c")).empty());
}

TEST(TimeRespectingTest, GapCountsFromTheLatestFeasibleTime) {
  // a - b any time in 2020, b - c on 2020-12-15: a - b on 2020-11-15 is within 30 days.
  Graph g;
  const std::vector<LinkInput> links = {Dated("a", "b", "2020"), Dated("b", "c", "2020-12-15")};
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.time_respecting = true;
  o.max_gap_seconds = 30 * kDay;
  PathFinder f(s, o);
  const auto p = f.Shortest(f.Resolve("a"), f.Resolve("c"));
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].links.size(), 2u);
  EXPECT_EQ(p[0].links[0].time, First("2020-11-15"));
  EXPECT_EQ(p[0].links[1].time, First("2020-12-15"));
  CheckTimes(s, o, p[0]);
  // And the other way the year must not be too early either: c -> b on 2020-12-15 then b -> a
  // within 30 days, in 2020.
  const auto back = f.Shortest(f.Resolve("c"), f.Resolve("a"));
  ASSERT_EQ(back.size(), 1u);
  ASSERT_EQ(back[0].links.size(), 2u);
  EXPECT_EQ(back[0].links[0].time, First("2020-12-15"));
  EXPECT_EQ(back[0].links[1].time, First("2020-12-15"));
  CheckTimes(s, o, back[0]);
}

TEST(TimeRespectingTest, NarrowWindowDoesNotDominateWideOne) {
  // Two ways to b: a -> x -> b in January 2020 (cheaper) and a -> y -> z -> b any time in 2020.
  // Both can be at b from 2020-01-01 on, but only the second reaches c on 2020-12-20 within 30
  // days: the cheaper state's window [Jan 1, Jan 31] must not drop the wider [Jan 1, Dec 31].
  Graph g;
  const std::vector<LinkInput> links = {
      Dated("a", "x", "2020-01"), Dated("x", "b", "2020-01"), Dated("a", "y", "2020"),
      Dated("y", "z", "2020"),    Dated("z", "b", "2020"),    Dated("b", "c", "2020-12-20")};
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.direction = Direction::kForward;
  o.time_respecting = true;
  o.max_gap_seconds = 30 * kDay;
  PathFinder f(s, o);
  const auto p = f.Shortest(f.Resolve("a"), f.Resolve("c"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(Ids(s, p[0].vertices), (std::vector<std::string>{"a", "y", "z", "b", "c"}));
  CheckTimes(s, o, p[0]);
  // To b alone the cheaper way wins.
  const auto to_b = f.Shortest(f.Resolve("a"), f.Resolve("b"));
  ASSERT_EQ(to_b.size(), 1u);
  EXPECT_EQ(to_b[0].hops, 2u);
}

// --- random cases

TEST(TimeRespectingTest, RandomCasesMatchBruteForce) {
  Rng rng(424242);
  int found = 0, gap_found = 0, open_time = 0;
  for (int round = 0; round < 1500; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(2, 7));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Between(1, 12)), true,
                              /*open_dates=*/round % 2 == 1);
    const auto model = Build(c);
    const PathWeight w = static_cast<PathWeight>(rng.Below(3));
    PathOptions o = RandomOptions(rng, c, w);
    o.time_respecting = true;
    o.max_hops = static_cast<uint32_t>(rng.Between(1, 6));
    o.keep_undated = rng.Chance(0.6);
    if (rng.Chance(0.5)) {
      const int64_t gaps[] = {0, 1, kDay, 30 * kDay, 120 * kDay, 365 * kDay, 3 * 365 * kDay};
      o.max_gap_seconds = gaps[rng.Below(7)];
    }
    for (const SnapshotOptions& so : Flavours()) {
      const Snapshot s = Snapshot::Build(model, so);
      PathFinder f(s, o);
      for (int q = 0; q < 4; ++q) {
        const auto a = static_cast<EntityId>(rng.Below(n));
        const auto b = static_cast<EntityId>(rng.Below(n));
        const Best want = RefTimeBest(*model, a, b, o, o.max_hops);
        const auto got = f.Shortest(s.VertexOf(a), s.VertexOf(b));
        ASSERT_EQ(got.size(), want.found ? 1u : 0u) << "round " << round;
        if (!want.found) continue;
        ++found;
        if (o.max_gap_seconds && a != b) ++gap_found;
        EXPECT_EQ(got[0].cost, want.cost) << "round " << round;
        EXPECT_EQ(got[0].hops, want.hops) << "round " << round;
        CheckPath(s, o, got[0], s.VertexOf(a), s.VertexOf(b));
        CheckTimes(s, o, got[0]);
        if (HasFatalFailure()) return;
        for (const Evidence& ev : got[0].links) {
          if (ev.date.dated() && ev.time == kUndated) ++open_time;
        }
      }
    }
  }
  EXPECT_GT(found, 12000);
  EXPECT_GT(gap_found, 3000);  // under a gap, from != to
  EXPECT_GT(open_time, 300);   // steps on start-less links with no earliest second
}

}  // namespace
}  // namespace linkscope
