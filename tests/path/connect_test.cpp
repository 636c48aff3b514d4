// Connect (Mehlhorn's Steiner approximation) against the optimum found by brute force on tiny
// graphs (the minimum spanning tree of the terminals plus every subset of the other
// entities): the answer is a tree over admissible links that joins every reachable terminal,
// and costs at most 2 (1 - 1/l) times the optimum.
#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <set>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/path/path.hpp"
#include "path_test_util.hpp"

namespace linkscope {
namespace {

using namespace path_testing;

struct Mst {
  bool connected = false;
  double cost = 0;
  std::vector<std::pair<EntityId, EntityId>> edges;
};

// Prim over the reference steps among `vs`.
Mst RefMst(const Model& m, const std::vector<EntityId>& vs, const PathOptions& o) {
  Mst r;
  if (vs.empty()) return r;
  std::set<EntityId> in = {vs[0]};
  while (in.size() < vs.size()) {
    double best = std::numeric_limits<double>::infinity();
    std::pair<EntityId, EntityId> pick{kNoEntity, kNoEntity};
    for (const EntityId a : in) {
      for (const EntityId b : vs) {
        if (in.count(b)) continue;
        const auto c = RefStep(m, a, b, o);
        if (c && *c < best) {
          best = *c;
          pick = {a, b};
        }
      }
    }
    if (pick.first == kNoEntity) return r;
    in.insert(pick.second);
    r.cost += best;
    r.edges.push_back(pick);
  }
  r.connected = true;
  return r;
}

TEST(ConnectTest, RandomCasesWithinTheBoundOfTheOptimum) {
  Rng rng(8080);
  int checked = 0;
  for (int round = 0; round < 150; ++round) {
    const auto n = static_cast<uint32_t>(rng.Between(2, 8));
    const Case c = RandomCase(rng, n, static_cast<uint32_t>(rng.Between(1, 16)));
    const auto model = Build(c);
    PathOptions o = RandomOptions(rng, c, static_cast<PathWeight>(rng.Below(3)));
    o.direction = Direction::kAny;
    o.max_hops = 0;
    o.max_cost = std::numeric_limits<double>::infinity();
    std::vector<EntityId> terms;
    const auto count = static_cast<uint32_t>(rng.Between(2, std::min<int64_t>(4, n)));
    while (terms.size() < count) {
      const auto t = static_cast<EntityId>(rng.Below(n));
      if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(t);
    }
    // Reachable terminals: connected to the first through admissible entities.
    std::set<EntityId> term_set(terms.begin(), terms.end());
    std::set<EntityId> seen = {terms[0]};
    std::vector<EntityId> stack = {terms[0]};
    while (!stack.empty()) {
      const EntityId u = stack.back();
      stack.pop_back();
      for (EntityId w = 0; w < n; ++w) {
        if (seen.count(w) || w == u || !RefStep(*model, u, w, o)) continue;
        if (!term_set.count(w) && !RefVertexOk(*model, w, o)) continue;
        seen.insert(w);
        stack.push_back(w);
      }
    }
    std::vector<EntityId> reach, unreachable;
    for (const EntityId t : terms) (seen.count(t) ? reach : unreachable).push_back(t);
    // The optimum: over every subset of admissible non-terminals.
    std::vector<EntityId> others;
    for (EntityId v = 0; v < n; ++v) {
      if (!term_set.count(v) && RefVertexOk(*model, v, o)) others.push_back(v);
    }
    double opt = std::numeric_limits<double>::infinity();
    uint32_t opt_leaves = 2;
    for (uint32_t mask = 0; mask < (1u << others.size()); ++mask) {
      std::vector<EntityId> vs = reach;
      for (size_t i = 0; i < others.size(); ++i) {
        if (mask >> i & 1) vs.push_back(others[i]);
      }
      const Mst t = RefMst(*model, vs, o);
      if (!t.connected || t.cost >= opt) continue;
      opt = t.cost;
      std::map<EntityId, uint32_t> degree;
      for (const auto& [a, b] : t.edges) {
        ++degree[a];
        ++degree[b];
      }
      opt_leaves = 0;
      for (const auto& [v, d] : degree) opt_leaves += d == 1 ? 1 : 0;
    }
    for (const SnapshotOptions& so : Flavours()) {
      const Snapshot s = Snapshot::Build(model, so);
      std::vector<VertexId> vt;
      for (const EntityId e : terms) vt.push_back(s.VertexOf(e));
      const ConnectingNetwork net = Connect(s, vt, o);
      std::vector<EntityId> got_unreachable;
      for (const VertexId v : net.unreachable) got_unreachable.push_back(s.Entity(v));
      std::sort(got_unreachable.begin(), got_unreachable.end());
      std::vector<EntityId> want_unreachable = unreachable;
      std::sort(want_unreachable.begin(), want_unreachable.end());
      EXPECT_EQ(got_unreachable, want_unreachable) << "round " << round;
      // A tree over admissible links containing every reachable terminal.
      ASSERT_EQ(net.links.size() + 1, net.vertices.size())
          << "round " << round << " flavour " << so.directed << so.collapse_parallel << " weight "
          << static_cast<int>(o.weight) << " terminals " << terms.size() << " reach "
          << reach.size() << " vertices " << ::testing::PrintToString(net.vertices)
          << " unreachable " << ::testing::PrintToString(net.unreachable);
      std::map<VertexId, uint32_t> index;
      for (const VertexId v : net.vertices) index.emplace(v, static_cast<uint32_t>(index.size()));
      std::vector<uint32_t> parent(index.size());
      std::iota(parent.begin(), parent.end(), 0u);
      auto find = [&](uint32_t x) {
        while (parent[x] != x) x = parent[x];
        return x;
      };
      double cost = 0;
      for (const Evidence& ev : net.links) {
        ASSERT_TRUE(index.count(ev.from) && index.count(ev.to));
        const auto ok = RefLinks(*model, s.Entity(ev.from), s.Entity(ev.to), o);
        EXPECT_NE(std::find(ok.begin(), ok.end(), ev.link), ok.end());
        cost += RefCost(*model, ev.link, o);
        const uint32_t a = find(index[ev.from]), b = find(index[ev.to]);
        EXPECT_NE(a, b) << "cycle";
        parent[a] = b;
      }
      for (const VertexId v : net.vertices) {
        EXPECT_EQ(find(index[v]), find(index[net.vertices[0]])) << "not connected";
        if (!term_set.count(s.Entity(v))) {
          EXPECT_TRUE(RefVertexOk(*model, s.Entity(v), o));
        }
      }
      for (const EntityId t : reach) EXPECT_TRUE(index.count(s.VertexOf(t))) << "terminal missing";
      EXPECT_NEAR(net.cost, cost, 1e-9);
      const double l = std::max<uint32_t>(opt_leaves, 2);
      EXPECT_LE(net.cost, 2 * (1 - 1 / l) * opt + 1e-9) << "round " << round;
      EXPECT_GE(net.cost, opt - 1e-9);
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST(ConnectTest, StarThroughAHub) {
  // Three terminals around a hub: the tree is the star, not two of the rim's long links.
  Graph g;
  std::vector<LinkInput> links;
  auto add = [&](const char* a, const char* b, double w) {
    LinkInput l;
    l.from = a;
    l.to = b;
    l.weight = w;
    links.push_back(l);
  };
  add("h", "a", 1);
  add("h", "b", 1);
  add("h", "c", 1);
  add("a", "b", 2.5);
  add("b", "c", 2.5);
  g.Add({}, links);
  const Snapshot s = g.TakeSnapshot();
  PathOptions o;
  o.weight = PathWeight::kDistance;
  const std::vector<VertexId> t = {s.VertexOfId("a"), s.VertexOfId("b"), s.VertexOfId("c")};
  const ConnectingNetwork net = Connect(s, t, o);
  EXPECT_EQ(net.cost, 3);
  EXPECT_EQ(net.vertices.size(), 4u);
  EXPECT_TRUE(net.unreachable.empty());
  o.direction = Direction::kForward;
  EXPECT_THROW(Connect(s, t, o), UsageError);
  EXPECT_THROW(Connect(s, {}, PathOptions{}), UsageError);
  const std::vector<VertexId> one = {s.VertexOfId("a")};
  const ConnectingNetwork single = Connect(s, one, PathOptions{});
  EXPECT_EQ(single.vertices, one);
  EXPECT_TRUE(single.links.empty());
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

using namespace path_testing;

// The same records in another order give the same network, in external ids.
TEST(ConnectTest, LoadOrderDoesNotMatter) {
  Rng rng(5150);
  for (int round = 0; round < 60; ++round) {
    const Case c = RandomCase(rng, 12, 30);
    const Case shuffled = Shuffled(c, rng);
    const auto m1 = Build(c), m2 = Build(shuffled);
    const Snapshot s1 = Snapshot::Build(m1), s2 = Snapshot::Build(m2);
    PathOptions o;
    o.weight = static_cast<PathWeight>(rng.Below(3));
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(c.entities[rng.Below(c.entities.size())].id);
    std::vector<VertexId> t1, t2;
    for (const std::string& id : ids) {
      t1.push_back(s1.VertexOfId(id));
      t2.push_back(s2.VertexOfId(id));
    }
    auto edges = [](const Snapshot& s, const ConnectingNetwork& net) {
      std::set<std::pair<std::string, std::string>> out;
      for (const Evidence& ev : net.links) {
        std::string a(s.ExternalId(ev.from)), b(s.ExternalId(ev.to));
        if (b < a) std::swap(a, b);
        out.insert({a, b});
      }
      return out;
    };
    const ConnectingNetwork n1 = Connect(s1, t1, o), n2 = Connect(s2, t2, o);
    EXPECT_EQ(edges(s1, n1), edges(s2, n2)) << "round " << round;
    EXPECT_EQ(n1.cost, n2.cost);
    EXPECT_EQ(Ids(s1, n1.unreachable).size(), Ids(s2, n2.unreachable).size());
  }
}

}  // namespace
}  // namespace linkscope
