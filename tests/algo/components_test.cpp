// WeakComponents and StrongComponents against Boost.Graph, compared as partitions, plus the
// documented numbering (size descending, ties by smallest external id) and its independence
// from the order the records were loaded in.
#include "linkscope/algo/components.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using UGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using DGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// A random case: entities with ids whose text order differs from their load order, links
// (mostly directed, to make cycles) with loops and parallels, some ids only named by links,
// some entities isolated. `prefix` keeps several cases apart in one graph.
struct Case {
  std::vector<EntityInput> entities;
  std::vector<LinkInput> links;
};

Case RandomCase(Rng& rng, const std::string& prefix = "") {
  const auto n = static_cast<uint32_t>(rng.Below(45));
  auto id = [&](uint64_t i) { return prefix + "n" + std::to_string((i * 7919) % 1000); };
  Case c;
  for (uint32_t i = 0; i < n; ++i) {
    if (rng.Chance(0.85)) {
      EntityInput e;
      e.id = id(i);
      e.kind = "person";
      c.entities.push_back(e);
    }
  }
  const uint64_t m = n == 0 ? 0 : rng.Below(2 * static_cast<uint64_t>(n));
  for (uint64_t k = 0; k < m; ++k) {
    LinkInput l;
    l.from = id(rng.Below(n));
    l.to = rng.Chance(0.05) ? l.from : id(rng.Below(n));
    l.type = "called";
    l.directed = rng.Chance(0.75);
    for (int copies = rng.Chance(0.1) ? 2 : 1; copies > 0; --copies) c.links.push_back(l);
  }
  return c;
}

std::shared_ptr<const Model> Load(const Case& c) {
  Graph g;
  g.Add(c.entities, c.links);
  return g.shared_model();
}

std::vector<std::string> JsonLines(const Case& c) {
  std::vector<std::string> lines;
  for (const EntityInput& e : c.entities) {
    lines.push_back(R"({"record": "entity", "id": ")" + e.id + R"(", "kind": ")" + e.kind +
                    R"("})");
  }
  for (const LinkInput& l : c.links) {
    lines.push_back(R"({"record": "link", "from": ")" + l.from + R"(", "to": ")" + l.to +
                    R"(", "type": ")" + l.type + R"(", "directed": )" +
                    (l.directed.value_or(false) ? "true" : "false") + "}");
  }
  return lines;
}

std::shared_ptr<const Model> LoadJsonLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  Graph g;
  g.LoadText("case.jsonl", text);
  return g.shared_model();
}

// Boost graphs over the vertices of `s` from the model's links among them.
UGraph BoostUndirected(const Snapshot& s) {
  const Model& m = s.model();
  UGraph g(s.vertex_count());
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = s.VertexOf(m.From(l));
    const VertexId b = s.VertexOf(m.To(l));
    if (a != kNoVertex && b != kNoVertex) boost::add_edge(a, b, g);
  }
  return g;
}

DGraph BoostDirected(const Snapshot& s) {
  const Model& m = s.model();
  DGraph g(s.vertex_count());
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = s.VertexOf(m.From(l));
    const VertexId b = s.VertexOf(m.To(l));
    if (a == kNoVertex || b == kNoVertex) continue;
    boost::add_edge(a, b, g);
    if (!m.Directed(l)) boost::add_edge(b, a, g);
  }
  return g;
}

std::vector<int> BoostWeak(const Snapshot& s) {
  const UGraph g = BoostUndirected(s);
  std::vector<int> comp(s.vertex_count());
  if (!comp.empty()) boost::connected_components(g, comp.data());
  return comp;
}

std::vector<int> BoostStrong(const Snapshot& s) {
  const DGraph g = BoostDirected(s);
  std::vector<int> comp(s.vertex_count());
  if (!comp.empty()) {
    boost::strong_components(
        g, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, g)));
  }
  return comp;
}

// True when the two labelings define the same partition (a bijection between labels).
template <typename A, typename B>
bool SamePartition(const std::vector<A>& a, const std::vector<B>& b) {
  if (a.size() != b.size()) return false;
  std::map<A, B> ab;
  std::map<B, A> ba;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ab.emplace(a[i], b[i]).first->second != b[i]) return false;
    if (ba.emplace(b[i], a[i]).first->second != a[i]) return false;
  }
  return true;
}

// The documented numbering: labels dense, sizes right and non-increasing, ties by the
// smallest external id of the members.
void ExpectCanonical(const Snapshot& s, const Components& c) {
  ASSERT_EQ(c.component.size(), s.vertex_count());
  std::vector<uint64_t> sizes(c.count(), 0);
  std::vector<std::string> smallest(c.count());
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const uint32_t k = c.component[v];
    ASSERT_LT(k, c.count());
    const std::string id(s.ExternalId(v));
    if (sizes[k]++ == 0 || id < smallest[k]) smallest[k] = id;
  }
  EXPECT_EQ(sizes, c.sizes);
  for (uint32_t k = 0; k < c.count(); ++k) EXPECT_GT(sizes[k], 0u);
  for (uint32_t k = 0; k + 1 < c.count(); ++k) {
    EXPECT_TRUE(sizes[k] > sizes[k + 1] ||
                (sizes[k] == sizes[k + 1] && smallest[k] < smallest[k + 1]))
        << "components " << k << " (" << sizes[k] << ", " << smallest[k] << ") and " << k + 1
        << " (" << sizes[k + 1] << ", " << smallest[k + 1] << ")";
  }
}

std::vector<SnapshotOptions> Modes() {
  std::vector<SnapshotOptions> out;
  for (bool directed : {false, true}) {
    for (bool collapse : {false, true}) {
      SnapshotOptions o;
      o.directed = directed;
      o.collapse_parallel = collapse;
      o.weights = !collapse;
      out.push_back(o);
    }
  }
  return out;
}

TEST(Components, WeakAndStrongMatchBoostOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 80; ++seed) {
    Rng rng(seed);
    const auto model = Load(RandomCase(rng));
    SCOPED_TRACE("seed " + std::to_string(seed));
    for (const SnapshotOptions& o : Modes()) {
      const Snapshot s = Snapshot::Build(model, o);
      const Components weak = WeakComponents(s);
      ASSERT_NO_FATAL_FAILURE(ExpectCanonical(s, weak));
      const std::vector<int> bw = BoostWeak(s);
      EXPECT_TRUE(SamePartition(weak.component, bw));
      EXPECT_EQ(
          weak.count(),
          bw.empty() ? 0u : static_cast<uint32_t>(*std::max_element(bw.begin(), bw.end())) + 1);

      const Components strong = StrongComponents(s);
      ASSERT_NO_FATAL_FAILURE(ExpectCanonical(s, strong));
      if (o.directed) {
        EXPECT_TRUE(SamePartition(strong.component, BoostStrong(s)));
      } else {
        // Undirected: strong components are the weak ones, numbered the same.
        EXPECT_EQ(strong.component, weak.component);
        EXPECT_EQ(strong.sizes, weak.sizes);
      }
    }
  }
}

TEST(Components, MatchBoostOnViews) {
  for (uint64_t seed = 300; seed < 330; ++seed) {
    Rng rng(seed);
    const auto model = Load(RandomCase(rng));
    if (model->entity_count() < 3) continue;
    SnapshotOptions o;
    o.directed = true;
    const Snapshot s = Snapshot::Build(model, o);
    ViewFilter f;
    for (int i = 0; i < 3; ++i) {
      f.exclude.emplace_back(
          model->ExternalId(static_cast<EntityId>(rng.Below(model->entity_count()))));
    }
    const Snapshot v = MakeView(s, f);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Components weak = WeakComponents(v);
    const Components strong = StrongComponents(v);
    ASSERT_NO_FATAL_FAILURE(ExpectCanonical(v, weak));
    ASSERT_NO_FATAL_FAILURE(ExpectCanonical(v, strong));
    EXPECT_TRUE(SamePartition(weak.component, BoostWeak(v)));
    EXPECT_TRUE(SamePartition(strong.component, BoostStrong(v)));
  }
}

TEST(Components, SameNumberingWhenLoadedInShuffledOrder) {
  // Thirty random cases side by side in one file (each is its own set of components).
  Rng rng(1000);
  std::vector<std::string> lines;
  for (int k = 0; k < 30; ++k) {
    for (auto& line : JsonLines(RandomCase(rng, "c" + std::to_string(k) + "_"))) {
      lines.push_back(std::move(line));
    }
  }
  const auto a = LoadJsonLines(lines);
  rng.Shuffle(std::span<std::string>(lines));
  const auto b = LoadJsonLines(lines);
  ASSERT_EQ(a->entity_count(), b->entity_count());
  ASSERT_EQ(a->link_count(), b->link_count());
  bool renumbered = false;
  for (EntityId e = 0; e < a->entity_count(); ++e) {
    renumbered = renumbered || b->FindEntity(a->ExternalId(e)) != e;
  }
  EXPECT_TRUE(renumbered) << "the shuffle should change the entity numbering";
  for (bool directed : {false, true}) {
    SnapshotOptions o;
    o.directed = directed;
    const Snapshot sa = Snapshot::Build(a, o);
    const Snapshot sb = Snapshot::Build(b, o);
    const Components wa = WeakComponents(sa);
    const Components wb = WeakComponents(sb);
    const Components ca = StrongComponents(sa);
    const Components cb = StrongComponents(sb);
    EXPECT_EQ(wa.sizes, wb.sizes);
    EXPECT_EQ(ca.sizes, cb.sizes);
    // Every entity, found by its external id, has the same component number in both.
    for (EntityId e = 0; e < a->entity_count(); ++e) {
      const std::string_view id = a->ExternalId(e);
      const VertexId vb = sb.VertexOfId(id);
      EXPECT_EQ(wa.component[sa.VertexOf(e)], wb.component[vb]) << id;
      EXPECT_EQ(ca.component[sa.VertexOf(e)], cb.component[vb]) << id;
    }
  }
}

TEST(Components, HandMadeNumbering) {
  // Weak: {b, c, z} (3), {d, y} and {a, x} (2 each: "a" < "d"), {m} and {k} isolated.
  // Strong: b -> c -> b is a cycle, z -> b is not; d <-> y undirected.
  const std::vector<std::string> lines = {
      R"({"record": "entity", "id": "m"})",
      R"({"record": "entity", "id": "k"})",
      R"({"record": "link", "from": "z", "to": "b", "directed": true})",
      R"({"record": "link", "from": "d", "to": "y", "directed": false})",
      R"({"record": "link", "from": "b", "to": "c", "directed": true})",
      R"({"record": "link", "from": "c", "to": "b", "directed": true})",
      R"({"record": "link", "from": "x", "to": "a", "directed": true})",
      R"({"record": "link", "from": "m", "to": "m", "directed": true})",
  };
  const auto model = LoadJsonLines(lines);
  SnapshotOptions o;
  o.directed = true;
  const Snapshot s = Snapshot::Build(model, o);
  auto comp = [&](const Components& c, const char* id) { return c.component[s.VertexOfId(id)]; };
  const Components weak = WeakComponents(s);
  EXPECT_EQ(weak.sizes, (std::vector<uint64_t>{3, 2, 2, 1, 1}));
  EXPECT_EQ(comp(weak, "b"), 0u);
  EXPECT_EQ(comp(weak, "z"), 0u);
  EXPECT_EQ(comp(weak, "x"), 1u);
  EXPECT_EQ(comp(weak, "a"), 1u);
  EXPECT_EQ(comp(weak, "d"), 2u);
  EXPECT_EQ(comp(weak, "k"), 3u);
  EXPECT_EQ(comp(weak, "m"), 4u);
  const Components strong = StrongComponents(s);
  // {b, c}, {d, y}; singletons a, k, m, x, z in id order.
  EXPECT_EQ(strong.sizes, (std::vector<uint64_t>{2, 2, 1, 1, 1, 1, 1}));
  EXPECT_EQ(comp(strong, "c"), 0u);
  EXPECT_EQ(comp(strong, "b"), 0u);
  EXPECT_EQ(comp(strong, "y"), 1u);
  EXPECT_EQ(comp(strong, "a"), 2u);
  EXPECT_EQ(comp(strong, "k"), 3u);
  EXPECT_EQ(comp(strong, "m"), 4u);
  EXPECT_EQ(comp(strong, "x"), 5u);
  EXPECT_EQ(comp(strong, "z"), 6u);
}

TEST(Components, EmptyGraphAndIsolates) {
  Graph empty;
  for (bool directed : {false, true}) {
    SnapshotOptions o;
    o.directed = directed;
    const Snapshot s = empty.TakeSnapshot(o);
    EXPECT_EQ(WeakComponents(s).count(), 0u);
    EXPECT_TRUE(WeakComponents(s).component.empty());
    EXPECT_EQ(StrongComponents(s).count(), 0u);
  }
  // Isolates only: one component each, in external-id order.
  Graph g;
  std::vector<EntityInput> entities;
  for (const char* id : {"q", "b10", "b9", "a"}) {
    EntityInput e;
    e.id = id;
    entities.push_back(e);
  }
  g.Add(entities, {});
  const Snapshot s = g.TakeSnapshot();
  for (const Components& c : {WeakComponents(s), StrongComponents(s)}) {
    EXPECT_EQ(c.sizes, (std::vector<uint64_t>{1, 1, 1, 1}));
    EXPECT_EQ(c.component[s.VertexOfId("a")], 0u);
    EXPECT_EQ(c.component[s.VertexOfId("b10")], 1u);
    EXPECT_EQ(c.component[s.VertexOfId("b9")], 2u);
    EXPECT_EQ(c.component[s.VertexOfId("q")], 3u);
  }
}

}  // namespace
}  // namespace linkscope
