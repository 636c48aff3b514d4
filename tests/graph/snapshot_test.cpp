// Snapshot (CSR) against a naive reference built from the model's link records with std::map
// and sort, on many seeded random graphs, in every combination of options.
#include "linkscope/graph/snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Range;

using Combine = SnapshotOptions::Combine;

// ---- Records.

LinkInput Lnk(std::string from, std::string to, double weight = 1,
              std::optional<bool> directed = std::nullopt) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.weight = weight;
  l.directed = directed;
  return l;
}

// ---- Random cases.

struct Shape {
  uint32_t declared = 0;  // entities declared by records (isolated unless a link names them)
  uint32_t implicit = 0;  // further ids that only links name
  uint32_t links = 0;
  double loop_p = 0.1;       // chance of a self-loop
  double parallel_p = 0.25;  // chance of repeating an earlier pair (either orientation)
};

std::string IdOf(uint32_t i, uint32_t declared) {
  return i < declared ? "d" + std::to_string(i) : "x" + std::to_string(i - declared);
}

std::shared_ptr<const Model> RandomModel(Rng& rng, const Shape& shape) {
  std::vector<EntityInput> entities;
  for (uint32_t i = 0; i < shape.declared; ++i) {
    EntityInput e;
    e.id = IdOf(i, shape.declared);
    e.kind = i % 3 == 0 ? "person" : "organization";
    entities.push_back(e);
  }
  std::vector<LinkInput> links;
  const uint32_t ids = shape.declared + shape.implicit;
  for (uint32_t k = 0; ids > 0 && k < shape.links; ++k) {
    LinkInput l;
    if (!links.empty() && rng.Chance(shape.parallel_p)) {
      const LinkInput& prev = links[rng.Below(links.size())];
      l.from = prev.from;
      l.to = prev.to;
      if (rng.Chance(0.5)) std::swap(l.from, l.to);
    } else {
      l.from = IdOf(static_cast<uint32_t>(rng.Below(ids)), shape.declared);
      l.to = rng.Chance(shape.loop_p) ? l.from
                                      : IdOf(static_cast<uint32_t>(rng.Below(ids)), shape.declared);
    }
    switch (rng.Below(4)) {
      case 0:
        l.directed = true;
        break;
      case 1:
        l.directed = false;
        break;
      case 2:
        l.type = "owns";  // directed by default
        break;
      default:
        l.type = "associate";  // undirected by default
        break;
    }
    l.weight = 0.25 * static_cast<double>(1 + rng.Below(12));
    links.push_back(l);
  }
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

Shape RandomShape(Rng& rng) {
  Shape s;
  s.declared = static_cast<uint32_t>(rng.Below(25));
  s.implicit = static_cast<uint32_t>(rng.Below(8));
  s.links = static_cast<uint32_t>(rng.Below(70));
  s.loop_p = rng.Chance(0.3) ? 0.0 : 0.15;
  s.parallel_p = rng.Chance(0.3) ? 0.0 : 0.3;
  return s;
}

std::vector<SnapshotOptions> AllOptions() {
  std::vector<SnapshotOptions> out;
  for (bool directed : {false, true}) {
    for (bool weights : {true, false}) {
      SnapshotOptions o;
      o.directed = directed;
      o.weights = weights;
      o.collapse_parallel = false;
      out.push_back(o);
      for (Combine c : {Combine::kSum, Combine::kMax, Combine::kMin, Combine::kCount}) {
        o.collapse_parallel = true;
        o.combine = c;
        out.push_back(o);
      }
    }
  }
  return out;
}

std::string Describe(const SnapshotOptions& o) {
  return std::string(o.directed ? "directed" : "undirected") +
         (o.collapse_parallel ? " collapse=" + std::to_string(static_cast<int>(o.combine)) : "") +
         (o.weights ? " weighted" : " unweighted");
}

// ---- The naive reference.

struct RefEdge {
  VertexId a = 0, b = 0;  // (smaller, larger) when undirected, (source, target) when directed
  std::vector<LinkId> links;
  double weight = 1;
};

struct Reference {
  std::vector<RefEdge> edges;  // in edge-id order
  // Per vertex: (neighbour, edge id), sorted, one per adjacency position.
  std::vector<std::vector<std::pair<VertexId, EdgeId>>> out, in;
};

double Combined(const Model& m, const std::vector<LinkId>& links, const SnapshotOptions& o) {
  if (!o.weights) return 1.0;
  if (!o.collapse_parallel) return m.Weight(links.at(0));
  double w = m.Weight(links[0]);
  if (o.combine == Combine::kCount) return static_cast<double>(links.size());
  for (size_t i = 1; i < links.size(); ++i) {
    const double x = m.Weight(links[i]);
    if (o.combine == Combine::kSum) w += x;
    if (o.combine == Combine::kMax) w = std::max(w, x);
    if (o.combine == Combine::kMin) w = std::min(w, x);
  }
  return w;
}

Reference BuildReference(const Model& m, const SnapshotOptions& o) {
  // Groups of links by (smaller, larger) or (source, target); links in link order.
  std::map<std::pair<VertexId, VertexId>, std::vector<LinkId>> groups;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = m.From(l);
    const VertexId b = m.To(l);
    if (!o.directed) {
      groups[{std::min(a, b), std::max(a, b)}].push_back(l);
    } else if (m.Directed(l) || a == b) {
      groups[{a, b}].push_back(l);
    } else {
      groups[{a, b}].push_back(l);
      groups[{b, a}].push_back(l);
    }
  }
  Reference ref;
  const uint32_t n = m.entity_count();
  ref.out.resize(n);
  ref.in.resize(n);
  for (auto& [key, links] : groups) {
    std::vector<std::vector<LinkId>> edges;
    if (o.collapse_parallel) {
      edges.push_back(links);
    } else {
      for (LinkId l : links) edges.push_back({l});
    }
    for (auto& ls : edges) {
      const auto e = static_cast<EdgeId>(ref.edges.size());
      ref.edges.push_back({key.first, key.second, ls, Combined(m, ls, o)});
      if (o.directed) {
        ref.out[key.first].push_back({key.second, e});
        ref.in[key.second].push_back({key.first, e});
      } else if (key.first == key.second) {
        ref.out[key.first].push_back({key.first, e});
        ref.out[key.first].push_back({key.first, e});
      } else {
        ref.out[key.first].push_back({key.second, e});
        ref.out[key.second].push_back({key.first, e});
      }
    }
  }
  for (auto& list : ref.out) std::sort(list.begin(), list.end());
  for (auto& list : ref.in) std::sort(list.begin(), list.end());
  if (!o.directed) ref.in = ref.out;
  return ref;
}

// Compares one adjacency direction of `s` with the reference lists.
void CheckSide(const Snapshot& s, const Reference& ref, bool out_side) {
  const auto& lists = out_side ? ref.out : ref.in;
  const std::vector<EdgeId> position_edges = out_side ? s.OutPositionEdges() : s.InPositionEdges();
  const auto offsets = out_side ? s.out_offsets() : s.in_offsets();
  const auto flat = out_side ? s.out_targets() : s.in_sources();
  const char* side = out_side ? "out" : "in";
  ASSERT_EQ(offsets.size(), static_cast<size_t>(s.vertex_count()) + 1) << side;
  ASSERT_EQ(position_edges.size(), offsets.back()) << side;
  ASSERT_EQ(flat.size(), offsets.back()) << side;
  EXPECT_EQ(offsets.front(), 0u);
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const auto nbrs = out_side ? s.Out(v) : s.In(v);
    const auto weights = out_side ? s.OutWeights(v) : s.InWeights(v);
    const uint64_t degree = out_side ? s.OutDegree(v) : s.InDegree(v);
    const auto& expected = lists[v];
    ASSERT_EQ(nbrs.size(), expected.size()) << side << " v=" << v;
    ASSERT_EQ(degree, expected.size()) << side << " v=" << v;
    ASSERT_EQ(offsets[v + 1] - offsets[v], expected.size()) << side << " v=" << v;
    EXPECT_TRUE(std::is_sorted(nbrs.begin(), nbrs.end())) << side << " v=" << v;
    if (s.weighted()) {
      ASSERT_EQ(weights.size(), nbrs.size());
    } else {
      EXPECT_TRUE(weights.empty());
    }
    for (uint64_t i = 0; i < nbrs.size(); ++i) {
      const auto [nbr, edge] = expected[i];
      ASSERT_EQ(nbrs[i], nbr) << side << " v=" << v << " i=" << i;
      ASSERT_EQ(flat[offsets[v] + i], nbr);
      const EdgeId at = out_side ? s.OutEdge(v, i) : s.InEdge(v, i);
      ASSERT_EQ(at, edge) << side << " v=" << v << " i=" << i;
      ASSERT_EQ(position_edges[offsets[v] + i], edge) << side << " v=" << v << " i=" << i;
      if (s.weighted()) {
        ASSERT_DOUBLE_EQ(weights[i], ref.edges[edge].weight) << side << " v=" << v << " i=" << i;
      }
      // The edge really joins v and its neighbour here.
      const auto ends = s.Endpoints(edge);
      if (s.directed()) {
        EXPECT_EQ(ends, (out_side ? std::pair{v, nbr} : std::pair{nbr, v}));
      } else {
        EXPECT_EQ(ends, std::pair(std::min(v, nbr), std::max(v, nbr)));
      }
    }
  }
  // Every edge id in [0, m) sits at exactly the expected number of positions: two for an
  // undirected edge (both in one list for a self-loop), one per side for an arc.
  std::vector<uint32_t> seen(s.edge_count(), 0);
  for (const EdgeId e : position_edges) {
    ASSERT_LT(e, s.edge_count());
    ++seen[e];
  }
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    EXPECT_EQ(seen[e], s.directed() ? 1u : 2u) << side << " e=" << e;
  }
}

void CheckAgainstReference(const Snapshot& s, const SnapshotOptions& o) {
  SCOPED_TRACE(Describe(o));
  const Model& m = s.model();
  const Reference ref = BuildReference(m, o);
  ASSERT_EQ(s.vertex_count(), m.entity_count());
  ASSERT_EQ(s.edge_count(), ref.edges.size());
  EXPECT_EQ(s.directed(), o.directed);
  // weighted() reports stored weights: a snapshot without edges stores none either way.
  if (s.edge_count() > 0) {
    EXPECT_EQ(s.weighted(), o.weights);
  }
  EXPECT_FALSE(s.derived());
  EXPECT_EQ(s.options().collapse_parallel, o.collapse_parallel);
  ASSERT_NO_FATAL_FAILURE(CheckSide(s, ref, true));
  ASSERT_NO_FATAL_FAILURE(CheckSide(s, ref, false));

  std::vector<uint32_t> link_uses(m.link_count(), 0);
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    const RefEdge& r = ref.edges[e];
    EXPECT_EQ(s.Endpoints(e), std::pair(r.a, r.b)) << "e=" << e;
    EXPECT_DOUBLE_EQ(s.EdgeWeight(e), r.weight) << "e=" << e;
    const auto links = s.EdgeLinks(e);
    ASSERT_EQ(std::vector<LinkId>(links.begin(), links.end()), r.links) << "e=" << e;
    // The links behind the edge have the edge's endpoints.
    for (const LinkId l : links) {
      ++link_uses[l];
      const VertexId f = m.From(l);
      const VertexId t = m.To(l);
      if (!o.directed) {
        EXPECT_EQ(std::pair(std::min(f, t), std::max(f, t)), std::pair(r.a, r.b));
      } else if (m.Directed(l)) {
        EXPECT_EQ(std::pair(f, t), std::pair(r.a, r.b));
      } else {
        EXPECT_TRUE((std::pair(f, t) == std::pair(r.a, r.b)) ||
                    (std::pair(t, f) == std::pair(r.a, r.b)));
      }
    }
    // Combined weight from the link records themselves.
    if (o.weights && !o.collapse_parallel) {
      EXPECT_DOUBLE_EQ(s.EdgeWeight(e), m.Weight(links[0]));
    }
    if (o.weights && o.collapse_parallel && o.combine == Combine::kCount) {
      EXPECT_DOUBLE_EQ(s.EdgeWeight(e), static_cast<double>(links.size()));
    }
    if (!o.weights) {
      EXPECT_EQ(s.EdgeWeight(e), 1.0);
    }
  }
  // Every link is behind exactly one edge, or two arcs for an undirected non-loop link.
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const bool two_arcs = o.directed && !m.Directed(l) && m.From(l) != m.To(l);
    EXPECT_EQ(link_uses[l], two_arcs ? 2u : 1u) << "link " << l;
  }
  // Canonical order: edges sorted by (first end, second end), links in order inside.
  for (EdgeId e = 1; e < s.edge_count(); ++e) {
    const auto prev = s.Endpoints(e - 1);
    const auto cur = s.Endpoints(e);
    ASSERT_LE(prev, cur);
    if (prev == cur) {
      EXPECT_FALSE(o.collapse_parallel) << "collapsed edges are unique per pair";
      EXPECT_LT(s.EdgeLinks(e - 1).back(), s.EdgeLinks(e).front());
    }
  }
}

// ---- Tests.

TEST(Snapshot, MatchesNaiveReferenceOnRandomGraphs) {
  const std::vector<SnapshotOptions> options = AllOptions();
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    Rng rng(seed);
    const Shape shape = RandomShape(rng);
    const auto model = RandomModel(rng, shape);
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + std::to_string(model->entity_count()) +
                 " entities, " + std::to_string(model->link_count()) + " links");
    for (const SnapshotOptions& o : options) {
      ASSERT_NO_FATAL_FAILURE(CheckAgainstReference(Snapshot::Build(model, o), o));
    }
  }
}

TEST(Snapshot, MatchesNaiveReferenceOnDenseMultigraphs) {
  // Few vertices, many links: long runs of parallel links and loops in every list.
  const std::vector<SnapshotOptions> options = AllOptions();
  for (uint64_t seed = 100; seed < 110; ++seed) {
    Rng rng(seed);
    Shape shape;
    shape.declared = 3 + static_cast<uint32_t>(rng.Below(3));
    shape.implicit = static_cast<uint32_t>(rng.Below(2));
    shape.links = 40 + static_cast<uint32_t>(rng.Below(40));
    shape.loop_p = 0.2;
    shape.parallel_p = 0.5;
    const auto model = RandomModel(rng, shape);
    SCOPED_TRACE("seed " + std::to_string(seed));
    for (const SnapshotOptions& o : options) {
      ASSERT_NO_FATAL_FAILURE(CheckAgainstReference(Snapshot::Build(model, o), o));
    }
  }
}

TEST(Snapshot, EmptyGraphSingleVertexAndLoopsOnly) {
  const std::vector<SnapshotOptions> options = AllOptions();
  Rng rng(7);
  Shape empty;
  Shape single;
  single.declared = 1;
  Shape loops;
  loops.declared = 1;
  loops.links = 5;
  loops.loop_p = 1.0;
  Shape isolates;
  isolates.declared = 12;
  for (const Shape& shape : {empty, single, loops, isolates}) {
    const auto model = RandomModel(rng, shape);
    for (const SnapshotOptions& o : options) {
      const Snapshot s = Snapshot::Build(model, o);
      ASSERT_NO_FATAL_FAILURE(CheckAgainstReference(s, o));
      EXPECT_EQ(s.vertex_count(), shape.declared);
    }
  }
  const Snapshot s = Snapshot::Build(RandomModel(rng, empty));
  EXPECT_EQ(s.vertex_count(), 0u);
  EXPECT_EQ(s.edge_count(), 0u);
  EXPECT_TRUE(s.OutPositionEdges().empty());
  EXPECT_EQ(s.out_offsets().size(), 1u);
}

TEST(Snapshot, UndirectedCanonicalOrderByHand) {
  Graph g;
  const std::vector<EntityInput> entities = {Ent("a"), Ent("b"), Ent("c")};
  const std::vector<LinkInput> links = {
      Lnk("c", "a", 1),  // l0
      Lnk("a", "b", 2),  // l1
      Lnk("a", "a", 3),  // l2
      Lnk("b", "a", 4),  // l3
      Lnk("c", "c", 5),  // l4
  };
  g.Add(entities, links);
  const Snapshot s = g.TakeSnapshot();
  // Edges by (smaller end, larger end, link): (a,a,l2) (a,b,l1) (a,b,l3) (a,c,l0) (c,c,l4).
  ASSERT_EQ(s.edge_count(), 5u);
  const std::vector<std::pair<VertexId, VertexId>> ends = {{0, 0}, {0, 1}, {0, 1}, {0, 2}, {2, 2}};
  const std::vector<LinkId> link_of = {2, 1, 3, 0, 4};
  for (EdgeId e = 0; e < 5; ++e) {
    EXPECT_EQ(s.Endpoints(e), ends[e]);
    ASSERT_EQ(s.EdgeLinks(e).size(), 1u);
    EXPECT_EQ(s.EdgeLinks(e)[0], link_of[e]);
    EXPECT_EQ(s.EdgeWeight(e), s.model().Weight(link_of[e]));
  }
  auto list = [](std::span<const VertexId> x) { return std::vector<VertexId>(x.begin(), x.end()); };
  auto wlist = [](std::span<const double> x) { return std::vector<double>(x.begin(), x.end()); };
  EXPECT_EQ(list(s.Out(0)), (std::vector<VertexId>{0, 0, 1, 1, 2}));
  EXPECT_EQ(wlist(s.OutWeights(0)), (std::vector<double>{3, 3, 2, 4, 1}));
  EXPECT_EQ(list(s.Out(1)), (std::vector<VertexId>{0, 0}));
  EXPECT_EQ(list(s.Out(2)), (std::vector<VertexId>{0, 2, 2}));
  EXPECT_EQ(s.OutPositionEdges(), (std::vector<EdgeId>{0, 0, 1, 2, 3, 1, 2, 3, 4, 4}));
  EXPECT_EQ(s.OutEdge(1, 1), 2u);
  EXPECT_EQ(s.OutEdge(2, 0), 3u);
  EXPECT_EQ(s.InEdge(2, 2), 4u);
  EXPECT_EQ(list(s.In(2)), list(s.Out(2)));

  SnapshotOptions collapse;
  collapse.collapse_parallel = true;
  const Snapshot c = g.TakeSnapshot(collapse);
  ASSERT_EQ(c.edge_count(), 4u);
  EXPECT_EQ(c.Endpoints(1), (std::pair<VertexId, VertexId>(0, 1)));
  EXPECT_EQ(c.EdgeWeight(1), 6.0);
  EXPECT_EQ(std::vector<LinkId>(c.EdgeLinks(1).begin(), c.EdgeLinks(1).end()),
            (std::vector<LinkId>{1, 3}));
  EXPECT_EQ(list(c.Out(0)), (std::vector<VertexId>{0, 0, 1, 2}));
  EXPECT_EQ(c.OutPositionEdges(), (std::vector<EdgeId>{0, 0, 1, 2, 1, 2, 3, 3}));
}

TEST(Snapshot, DirectedCanonicalOrderByHand) {
  Graph g;
  const std::vector<EntityInput> entities = {Ent("a"), Ent("b")};
  const std::vector<LinkInput> links = {
      Lnk("a", "b", 1, true),   // l0
      Lnk("b", "a", 2, false),  // l1: two arcs
      Lnk("a", "a", 3, true),   // l2
      Lnk("b", "b", 4, false),  // l3: one arc
  };
  g.Add(entities, links);
  SnapshotOptions o;
  o.directed = true;
  const Snapshot s = g.TakeSnapshot(o);
  // Arcs by (source, target, link): (a,a,l2) (a,b,l0) (a,b,l1) (b,a,l1) (b,b,l3).
  ASSERT_EQ(s.edge_count(), 5u);
  const std::vector<std::pair<VertexId, VertexId>> ends = {{0, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 1}};
  const std::vector<LinkId> link_of = {2, 0, 1, 1, 3};
  for (EdgeId e = 0; e < 5; ++e) {
    EXPECT_EQ(s.Endpoints(e), ends[e]);
    EXPECT_EQ(s.EdgeLinks(e)[0], link_of[e]);
  }
  auto list = [](std::span<const VertexId> x) { return std::vector<VertexId>(x.begin(), x.end()); };
  EXPECT_EQ(list(s.In(0)), (std::vector<VertexId>{0, 1}));
  EXPECT_EQ(list(s.In(1)), (std::vector<VertexId>{0, 0, 1}));
  EXPECT_EQ(s.InPositionEdges(), (std::vector<EdgeId>{0, 3, 1, 2, 4}));
  EXPECT_EQ(s.InEdge(1, 1), 2u);
  EXPECT_EQ(std::vector<double>(s.InWeights(1).begin(), s.InWeights(1).end()),
            (std::vector<double>{1, 2, 4}));
}

TEST(Snapshot, TopologyBytesWithinBudget) {
  // 8 bytes per undirected link (both directions) + 16 per vertex, 8 per vertex of slack.
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    Rng rng(seed);
    Shape shape;
    shape.declared = 1 + static_cast<uint32_t>(rng.Below(400));
    shape.implicit = static_cast<uint32_t>(rng.Below(50));
    shape.links = static_cast<uint32_t>(rng.Below(2000));
    shape.loop_p = 0;
    const auto model = RandomModel(rng, shape);
    for (bool collapse : {false, true}) {
      SnapshotOptions o;
      o.collapse_parallel = collapse;
      const Snapshot s = Snapshot::Build(model, o);
      const uint64_t budget = 8ull * model->link_count() + 24ull * s.vertex_count();
      EXPECT_LE(s.TopologyBytes(), budget) << "seed " << seed;
      EXPECT_GE(s.MemoryBytes(), s.TopologyBytes());
    }
  }
}

TEST(Snapshot, VertexOfId) {
  Graph g;
  const std::vector<EntityInput> entities = {Ent("p1", "person")};
  const std::vector<LinkInput> links = {Lnk("p1", "x9")};
  g.Add(entities, links);
  const Snapshot s = g.TakeSnapshot();
  EXPECT_EQ(s.VertexOfId("p1"), s.VertexOf(*s.model().FindEntity("p1")));
  EXPECT_EQ(s.ExternalId(s.VertexOfId("x9")), "x9");
  EXPECT_EQ(s.Entity(s.VertexOfId("x9")), *s.model().FindEntity("x9"));
  EXPECT_THROW(s.VertexOfId("nobody"), NotFoundError);
  EXPECT_THROW(s.VertexOfId(""), NotFoundError);
  try {
    s.VertexOfId("nobody");
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("nobody"), std::string::npos) << e.what();
  }
  EXPECT_EQ(s.VertexOf(s.model().entity_count()), kNoVertex);
}

TEST(Snapshot, UnaffectedByLaterChangesAndNeedsAModel) {
  Graph g;
  g.AddLink(Lnk("a", "b"));
  const Snapshot s = g.TakeSnapshot();
  g.AddLink(Lnk("b", "c"));
  EXPECT_EQ(s.vertex_count(), 2u);
  EXPECT_EQ(s.edge_count(), 1u);
  EXPECT_EQ(g.TakeSnapshot().edge_count(), 2u);
  EXPECT_THROW(Snapshot::Build(nullptr), UsageError);
}

}  // namespace
}  // namespace linkscope
