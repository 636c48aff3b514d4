// Time-respecting shortest paths against a brute force over every walk of at most six steps
// (every admissible link of every step, the clock rules written out again), with and without
// a maximum gap; plus the firearm example and the clock of each step.
#include <gtest/gtest.h>

#include <functional>
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
  EXPECT_EQ(p[0].links[0].time, testing::Range("2019", "2019").lo);
  EXPECT_EQ(p[0].links[1].time, testing::Range("2020-06", "2020-06").lo);
  EXPECT_EQ(p[0].links[1].date, testing::Range("2020-06", "2020-06"));
  // Within a year of each other: 2019-01-01 to 2020-06-01 is too far apart.
  o.max_gap_seconds = 365 * 86400;
  PathFinder gap(s, o);
  EXPECT_TRUE(gap.Shortest(gap.Resolve("a"), gap.Resolve("c")).empty());
  EXPECT_THROW(gap.Shortest(gap.Resolve("a"), gap.Resolve("c"), 2), UsageError);
  EXPECT_THROW(gap.AllShortest(gap.Resolve("a"), gap.Resolve("c"), 2), UsageError);
}

// The clock after link l from `clock`, the rules of path.hpp written out again.
std::optional<TimePoint> RefClock(const Model& m, LinkId l, TimePoint clock, const PathOptions& o) {
  const DateRange d = m.LinkDates(l);
  if (!d.dated()) {
    if (!o.keep_undated) return std::nullopt;
    return clock;
  }
  if (d.hi < clock) return std::nullopt;
  if (o.max_gap_seconds && clock != kOpenStart && d.lo > clock &&
      d.lo - clock > *o.max_gap_seconds) {
    return std::nullopt;
  }
  return std::max(clock, d.lo);
}

struct Best {
  bool found = false;
  double cost = 0;
  uint32_t hops = 0;
};

Best RefTimeBest(const Model& m, EntityId s, EntityId t, const PathOptions& o, uint32_t limit) {
  Best best;
  if (s == t) return {true, 0, 0};
  std::function<void(EntityId, TimePoint, double, uint32_t)> walk =
      [&](EntityId u, TimePoint clock, double cost, uint32_t hops) {
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
            const auto c = RefClock(m, l, clock, o);
            if (c) walk(w, *c, cost + RefCost(m, l, o), hops + 1);
          }
        }
      };
  walk(s, kOpenStart, 0, 0);
  return best;
}

void CheckClock(const Snapshot& s, const PathOptions& o, const Path& p) {
  TimePoint clock = kOpenStart;
  for (const Evidence& ev : p.links) {
    const auto c = RefClock(s.model(), ev.link, clock, o);
    ASSERT_TRUE(c) << "step not allowed at its clock";
    if (ev.date.dated()) {
      EXPECT_EQ(ev.time, *c);
      EXPECT_GE(ev.time, ev.date.lo);
      EXPECT_LE(ev.time, ev.date.hi);
    } else {
      EXPECT_EQ(ev.time, kUndated);
    }
    clock = *c;
  }
}

TEST(TimeRespectingTest, RandomCasesMatchBruteForce) {
  Rng rng(424242);
  int found = 0;
  for (int round = 0; round < 500; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(2, 7));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Between(1, 12)));
    const auto model = Build(c);
    const PathWeight w = static_cast<PathWeight>(rng.Below(3));
    PathOptions o = RandomOptions(rng, c, w);
    o.time_respecting = true;
    o.max_hops = static_cast<uint32_t>(rng.Between(1, 6));
    o.keep_undated = rng.Chance(0.6);
    if (rng.Chance(0.4)) o.max_gap_seconds = rng.Between(0, 3) * 365 * 86400;
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
        EXPECT_EQ(got[0].cost, want.cost) << "round " << round;
        EXPECT_EQ(got[0].hops, want.hops) << "round " << round;
        CheckPath(s, o, got[0], s.VertexOf(a), s.VertexOf(b));
        CheckClock(s, o, got[0]);
        if (HasFatalFailure()) return;
      }
    }
  }
  EXPECT_GT(found, 2500);
}

}  // namespace
}  // namespace linkscope
