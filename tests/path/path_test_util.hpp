// Random small cases and a brute-force reference for the path tests. The reference works on
// the model's link records alone (never on a snapshot or the engine): a step a -> b exists
// when some admissible link joins the two entities and may be walked that way; its cost is
// the best such link's.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/path/path.hpp"
#include "test_util.hpp"

namespace linkscope::path_testing {

inline const std::vector<std::string> kKinds = {"person", "organization", "vehicle"};
inline const std::vector<std::string> kTypes = {"associate", "owns", "met"};

struct Case {
  std::vector<EntityInput> entities;
  std::vector<LinkInput> links;
};

inline std::string RandomId(Rng& rng, uint32_t i) {
  // Ids in an order unrelated to the load order.
  std::string id(1, static_cast<char>('a' + rng.Below(26)));
  id += std::to_string(i);
  return id;
}

// A date for l from a wider choice than RandomCase's default: undated, a year, a month, a
// day, a start only, an end only, or a range of years or months.
inline void RandomOpenDate(Rng& rng, LinkInput* l) {
  auto month = [&] {
    const int64_t mo = rng.Between(1, 12);
    return std::to_string(rng.Between(2016, 2020)) + (mo < 10 ? "-0" : "-") + std::to_string(mo);
  };
  auto year = [&] { return std::to_string(rng.Between(2016, 2020)); };
  switch (rng.Below(8)) {
    case 0:
      break;
    case 1:
      l->date = year();
      break;
    case 2:
      l->date = month();
      break;
    case 3:
      l->date = month() + "-" + std::to_string(rng.Between(10, 28));
      break;
    case 4:
      l->start = rng.Chance(0.5) ? year() : month();
      break;
    case 5:
      l->end = rng.Chance(0.5) ? year() : month();
      break;
    case 6: {
      const int64_t y = rng.Between(2016, 2020);
      l->start = std::to_string(y);
      l->end = std::to_string(y + rng.Between(0, 2));
      break;
    }
    default: {
      const std::string a = month(), b = month();
      l->start = std::min(a, b);
      l->end = std::max(a, b);
    }
  }
}

// n entities, m links: weights multiples of 0.5, random directions, dates (years, months,
// ranges, undated; with open_dates RandomOpenDate's), grades, some parallel links.
inline Case RandomCase(Rng& rng, uint32_t n, uint32_t m, bool dated = true,
                       bool open_dates = false) {
  Case c;
  std::vector<std::string> ids;
  for (uint32_t i = 0; i < n; ++i) {
    ids.push_back(RandomId(rng, i));
    c.entities.push_back(testing::Ent(ids.back(), kKinds[rng.Below(kKinds.size())]));
  }
  for (uint32_t k = 0; k < m; ++k) {
    LinkInput l;
    if (!c.links.empty() && rng.Chance(0.2)) {
      const LinkInput& prev = c.links[rng.Below(c.links.size())];
      l.from = prev.from;
      l.to = prev.to;
      if (rng.Chance(0.5)) std::swap(l.from, l.to);
    } else {
      l.from = ids[rng.Below(n)];
      l.to = rng.Chance(0.05) ? l.from : ids[rng.Below(n)];
    }
    l.type = kTypes[rng.Below(kTypes.size())];
    l.directed = rng.Chance(0.5);
    l.weight = 0.5 * static_cast<double>(1 + rng.Below(6));
    if (dated && open_dates) {
      RandomOpenDate(rng, &l);
    } else if (dated) {
      switch (rng.Below(5)) {
        case 0:
          break;
        case 1:
          l.date = std::to_string(rng.Between(2014, 2020));
          break;
        case 2:
          l.date = std::to_string(rng.Between(2014, 2020)) + (rng.Chance(0.5) ? "-03" : "-11");
          break;
        default: {
          const int64_t y = rng.Between(2014, 2020);
          l.start = std::to_string(y);
          l.end = std::to_string(y + rng.Between(0, 2));
        }
      }
    }
    if (rng.Chance(0.8)) {
      l.grade =
          std::string(1, static_cast<char>('A' + rng.Below(6))) + std::to_string(rng.Between(1, 6));
    }
    if (rng.Chance(0.3)) l.source = "report-" + std::to_string(rng.Below(5));
    if (rng.Chance(0.3)) l.id = "L" + std::to_string(k);
    c.links.push_back(std::move(l));
  }
  return c;
}

inline std::shared_ptr<const Model> Build(const Case& c) {
  Graph g;
  g.Add(c.entities, c.links);
  return g.shared_model();
}

inline Case Shuffled(const Case& c, Rng& rng) {
  Case s = c;
  for (size_t i = s.entities.size(); i > 1; --i)
    std::swap(s.entities[i - 1], s.entities[rng.Below(i)]);
  for (size_t i = s.links.size(); i > 1; --i) std::swap(s.links[i - 1], s.links[rng.Below(i)]);
  return s;
}

// Random options over a case's vocabulary.
inline PathOptions RandomOptions(Rng& rng, const Case& c, PathWeight w) {
  PathOptions o;
  o.weight = w;
  o.direction = static_cast<Direction>(rng.Below(3));
  if (rng.Chance(0.2)) o.kinds = {kKinds[rng.Below(2)], "vehicle"};
  if (rng.Chance(0.15)) o.exclude_kinds = {kKinds[rng.Below(3)]};
  if (rng.Chance(0.2)) o.link_types = {kTypes[rng.Below(3)], kTypes[rng.Below(3)]};
  if (rng.Chance(0.15)) o.exclude_link_types = {kTypes[rng.Below(3)]};
  if (rng.Chance(0.2) && !c.entities.empty())
    o.exclude = {c.entities[rng.Below(c.entities.size())].id};
  if (rng.Chance(0.2)) {
    o.window = testing::Range(std::to_string(rng.Between(2014, 2018)),
                              std::to_string(rng.Between(2018, 2021)));
    o.keep_undated = rng.Chance(0.5);
  }
  if (rng.Chance(0.2)) o.min_confidence = 0.1 * static_cast<double>(rng.Below(5));
  if (rng.Chance(0.25)) o.max_hops = static_cast<uint32_t>(rng.Between(1, 4));
  if (rng.Chance(0.15)) o.max_cost = 0.5 * static_cast<double>(rng.Between(1, 8));
  return o;
}

// --- the reference

inline double RefCost(const Model& m, LinkId l, const PathOptions& o) {
  switch (o.weight) {
    case PathWeight::kHops:
      return 1;
    case PathWeight::kDistance:
      return m.Weight(l);
    case PathWeight::kReliability: {
      const double q = 1.0 / 1099511627776.0;  // the documented 2^-40 rounding
      return std::round(-std::log(m.Confidence(l, o.confidence)) / q) * q;
    }
  }
  return 1;
}

inline bool RefLinkOk(const Model& m, LinkId l, const PathOptions& o) {
  const std::string type(m.TypeName(l));
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (!o.link_types.empty() && !has(o.link_types, type)) return false;
  if (has(o.exclude_link_types, type)) return false;
  if (o.window) {
    const DateRange d = m.LinkDates(l);
    if (d.dated() ? !d.Overlaps(*o.window) : !o.keep_undated) return false;
  }
  return m.Confidence(l, o.confidence) >= o.min_confidence;
}

inline bool RefVertexOk(const Model& m, EntityId e, const PathOptions& o) {
  const std::string kind(m.KindName(e));
  const std::string id(m.ExternalId(e));
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (!o.kinds.empty() && !has(o.kinds, kind)) return false;
  if (has(o.exclude_kinds, kind)) return false;
  return !has(o.exclude, id);
}

// Links that may be walked from a to b (a != b).
inline std::vector<LinkId> RefLinks(const Model& m, EntityId a, EntityId b, const PathOptions& o) {
  std::vector<LinkId> out;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const EntityId f = m.From(l), t = m.To(l);
    if (!((f == a && t == b) || (f == b && t == a))) continue;
    if (!RefLinkOk(m, l, o)) continue;
    if (m.Directed(l) && o.direction == Direction::kForward && f != a) continue;
    if (m.Directed(l) && o.direction == Direction::kBackward && t != a) continue;
    out.push_back(l);
  }
  return out;
}

// The step cost a -> b, or nullopt.
inline std::optional<double> RefStep(const Model& m, EntityId a, EntityId b, const PathOptions& o) {
  std::optional<double> best;
  for (const LinkId l : RefLinks(m, a, b, o)) {
    const double c = RefCost(m, l, o);
    if (!best || c < *best) best = c;
  }
  return best;
}

struct RefPath {
  std::vector<EntityId> vertices;
  double cost = 0;
  uint32_t hops = 0;
};

// Every simple path s -> t (intermediates pass RefVertexOk), within max_hops / max_cost.
inline std::vector<RefPath> AllSimplePaths(const Model& m, EntityId s, EntityId t,
                                           const PathOptions& o) {
  const uint32_t n = m.entity_count();
  std::vector<std::vector<std::optional<double>>> step(n, std::vector<std::optional<double>>(n));
  for (EntityId a = 0; a < n; ++a) {
    for (EntityId b = 0; b < n; ++b) {
      if (a != b) step[a][b] = RefStep(m, a, b, o);
    }
  }
  std::vector<RefPath> out;
  if (s == t) {
    out.push_back({{s}, 0, 0});
    return out;
  }
  std::vector<uint8_t> on(n, 0);
  RefPath cur{{s}, 0, 0};
  on[s] = 1;
  std::function<void(EntityId)> dfs = [&](EntityId u) {
    if (u == t) {
      if ((o.max_hops == 0 || cur.hops <= o.max_hops) && cur.cost <= o.max_cost) out.push_back(cur);
      return;
    }
    for (EntityId w = 0; w < n; ++w) {
      if (on[w] || !step[u][w]) continue;
      if (w != t && !RefVertexOk(m, w, o)) continue;
      on[w] = 1;
      cur.vertices.push_back(w);
      cur.cost += *step[u][w];
      ++cur.hops;
      dfs(w);
      --cur.hops;
      cur.cost -= *step[u][w];
      cur.vertices.pop_back();
      on[w] = 0;
    }
  };
  dfs(s);
  return out;
}

// Order: cost, hops, external-id sequence.
inline bool RefBefore(const Model& m, const RefPath& a, const RefPath& b) {
  if (a.cost != b.cost) return a.cost < b.cost;
  if (a.hops != b.hops) return a.hops < b.hops;
  return std::lexicographical_compare(
      a.vertices.begin(), a.vertices.end(), b.vertices.begin(), b.vertices.end(),
      [&](EntityId x, EntityId y) { return m.ExternalId(x) < m.ExternalId(y); });
}

inline std::vector<std::string> Ids(const Snapshot& s, const std::vector<VertexId>& vs) {
  std::vector<std::string> out;
  for (const VertexId v : vs) out.emplace_back(s.ExternalId(v));
  return out;
}
inline std::vector<std::string> RefIds(const Model& m, const std::vector<EntityId>& vs) {
  std::vector<std::string> out;
  for (const EntityId v : vs) out.emplace_back(m.ExternalId(v));
  return out;
}

// Checks a returned path against the options: steps, evidence fields, bounds, cost, and (not
// time-respecting) that each step cites the best link.
inline void CheckPath(const Snapshot& s, const PathOptions& o, const Path& p, VertexId from,
                      VertexId to) {
  const Model& m = s.model();
  ASSERT_FALSE(p.vertices.empty());
  EXPECT_EQ(p.vertices.front(), from);
  EXPECT_EQ(p.vertices.back(), to);
  ASSERT_EQ(p.links.size() + 1, p.vertices.size());
  EXPECT_EQ(p.hops, p.links.size());
  if (o.max_hops > 0) {
    EXPECT_LE(p.hops, o.max_hops);
  }
  EXPECT_LE(p.cost, o.max_cost + 1e-9);
  double cost = 0, rel = 1;
  for (size_t i = 0; i < p.links.size(); ++i) {
    const Evidence& ev = p.links[i];
    EXPECT_EQ(ev.from, p.vertices[i]);
    EXPECT_EQ(ev.to, p.vertices[i + 1]);
    const EntityId a = s.Entity(ev.from), b = s.Entity(ev.to);
    if (i > 0) {
      EXPECT_TRUE(RefVertexOk(m, a, o)) << m.ExternalId(a);
    }
    const std::vector<LinkId> ok = RefLinks(m, a, b, o);
    ASSERT_NE(std::find(ok.begin(), ok.end(), ev.link), ok.end()) << "inadmissible link";
    EXPECT_EQ(ev.type, m.TypeName(ev.link));
    EXPECT_EQ(ev.source, m.Source(ev.link));
    EXPECT_EQ(ev.link_id, m.LinkExternalId(ev.link));
    EXPECT_EQ(ev.date, m.LinkDates(ev.link));
    EXPECT_EQ(ev.grade, m.LinkGrade(ev.link));
    EXPECT_EQ(ev.confidence, m.Confidence(ev.link, o.confidence));
    EXPECT_EQ(ev.weight, m.Weight(ev.link));
    if (!o.time_respecting) {
      // The best link: lowest cost, then highest confidence, then smallest id.
      LinkId best = ok.front();
      for (const LinkId l : ok) {
        const double cl = RefCost(m, l, o), cb = RefCost(m, best, o);
        const double fl = m.Confidence(l, o.confidence), fb = m.Confidence(best, o.confidence);
        if (cl < cb || (cl == cb && (fl > fb || (fl == fb && l < best)))) best = l;
      }
      EXPECT_EQ(ev.link, best);
    }
    cost += RefCost(m, ev.link, o);
    rel *= ev.confidence;
  }
  EXPECT_NEAR(p.cost, cost, 1e-9);
  EXPECT_NEAR(p.reliability, rel, 1e-12);
}

// The snapshot flavours a query must not depend on.
inline std::vector<SnapshotOptions> Flavours() {
  std::vector<SnapshotOptions> out;
  for (int directed = 0; directed < 2; ++directed) {
    for (int collapse = 0; collapse < 2; ++collapse) {
      SnapshotOptions so;
      so.directed = directed == 1;
      so.collapse_parallel = collapse == 1;
      out.push_back(so);
    }
  }
  SnapshotOptions unweighted;
  unweighted.weights = false;
  out.push_back(unweighted);
  return out;
}

}  // namespace linkscope::path_testing
