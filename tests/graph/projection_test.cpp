// Project against a naive reference: for each pair of `onto` entities, the distinct `via`
// entities linked to both (in either direction), from the model's link records.
#include "linkscope/graph/projection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/view.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Range;

LinkInput Lnk(std::string from, std::string to, std::string type = "",
              std::optional<bool> directed = std::nullopt) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = std::move(type);
  l.directed = directed;
  return l;
}

const std::vector<std::string> kKinds = {"person", "organization", "seizure", "location"};

// Mostly two-mode links (persons and organisations to seizures and locations), some one-mode
// ones, self-loops, parallel links and both directions.
std::shared_ptr<const Model> RandomTwoModeModel(Rng& rng) {
  const auto n = static_cast<uint32_t>(rng.Below(30));
  std::vector<EntityInput> entities;
  std::vector<std::string> kind_of;
  for (uint32_t i = 0; i < n; ++i) {
    kind_of.push_back(kKinds[rng.Below(kKinds.size())]);
    entities.push_back(Ent("v" + std::to_string(i), kind_of.back()));
  }
  std::vector<LinkInput> links;
  const uint64_t count = n == 0 ? 0 : rng.Below(80);
  for (uint64_t k = 0; k < count; ++k) {
    LinkInput l;
    if (!links.empty() && rng.Chance(0.2)) {
      l = Lnk(links[rng.Below(links.size())].from, links[rng.Below(links.size())].to);
    } else {
      l = Lnk("v" + std::to_string(rng.Below(n)), "v" + std::to_string(rng.Below(n)));
    }
    if (rng.Chance(0.1)) l.to = l.from;
    if (rng.Chance(0.5)) std::swap(l.from, l.to);
    l.type = rng.Chance(0.5) ? "involved_in" : "associate";
    if (rng.Chance(0.3)) l.directed = rng.Chance(0.5);
    links.push_back(l);
  }
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

bool Contains(const std::vector<std::string>& names, std::string_view x) {
  return std::find(names.begin(), names.end(), x) != names.end();
}

struct NaiveProjection {
  std::vector<VertexId> onto;                             // parent vertices, in order
  std::map<std::pair<VertexId, VertexId>, double> edges;  // projected vertex pairs -> weight
  std::map<std::pair<EntityId, EntityId>, std::vector<EntityId>> shared;  // all onto pairs
};

// Neighbours of every vertex of `s` through the model's links among its vertices, ignoring
// direction and multiplicity. (For a base snapshot or a view filtered by entities only, these
// are exactly the links of `s`.)
std::vector<std::set<VertexId>> NaiveNeighbours(const Snapshot& s) {
  const Model& m = s.model();
  std::vector<std::set<VertexId>> nbrs(s.vertex_count());
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const VertexId a = s.VertexOf(m.From(l));
    const VertexId b = s.VertexOf(m.To(l));
    if (a == kNoVertex || b == kNoVertex) continue;
    nbrs[a].insert(b);
    nbrs[b].insert(a);
  }
  return nbrs;
}

NaiveProjection Naive(const Snapshot& s, const ProjectionOptions& o) {
  const Model& m = s.model();
  auto kind = [&](VertexId v) { return m.KindName(s.Entity(v)); };
  auto is_via = [&](VertexId v) {
    return o.via.empty() ? !Contains(o.onto, kind(v)) : Contains(o.via, kind(v));
  };
  NaiveProjection p;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    if (Contains(o.onto, kind(v))) p.onto.push_back(v);
  }
  const auto nbrs = NaiveNeighbours(s);
  for (size_t i = 0; i < p.onto.size(); ++i) {
    for (size_t j = i + 1; j < p.onto.size(); ++j) {
      const VertexId a = p.onto[i];
      const VertexId b = p.onto[j];
      std::vector<EntityId> shared;
      for (const VertexId x : nbrs[a]) {
        if (x != a && x != b && nbrs[b].count(x) && is_via(x)) shared.push_back(s.Entity(x));
      }
      std::sort(shared.begin(), shared.end());
      if (shared.size() >= o.min_shared) {
        p.edges[{static_cast<VertexId>(i), static_cast<VertexId>(j)}] =
            static_cast<double>(shared.size());
      }
      p.shared[{s.Entity(a), s.Entity(b)}] = shared;
    }
  }
  return p;
}

void ExpectMatchesNaive(const Snapshot& s, const ProjectionOptions& o) {
  const NaiveProjection want = Naive(s, o);
  const Snapshot p = Project(s, o);
  EXPECT_TRUE(p.derived());
  EXPECT_FALSE(p.directed());
  EXPECT_EQ(&p.model(), &s.model());
  ASSERT_EQ(p.vertex_count(), want.onto.size());
  for (VertexId v = 0; v < p.vertex_count(); ++v) {
    ASSERT_EQ(p.Entity(v), s.Entity(want.onto[v]));
    ASSERT_EQ(p.VertexOf(s.Entity(want.onto[v])), v);
  }
  std::map<std::pair<VertexId, VertexId>, double> got;
  for (EdgeId e = 0; e < p.edge_count(); ++e) {
    const auto ends = p.Endpoints(e);
    EXPECT_LT(ends.first, ends.second);
    EXPECT_TRUE(got.emplace(ends, p.EdgeWeight(e)).second) << "pair listed twice";
    EXPECT_TRUE(p.EdgeLinks(e).empty());
  }
  EXPECT_EQ(got, want.edges);
  for (VertexId v = 0; v < p.vertex_count(); ++v) {
    const auto out = p.Out(v);
    EXPECT_TRUE(std::is_sorted(out.begin(), out.end()));
    for (uint64_t i = 0; i < out.size(); ++i) {
      const auto key = std::pair(std::min(v, out[i]), std::max(v, out[i]));
      const auto it = want.edges.find(key);
      ASSERT_NE(it, want.edges.end()) << v << "-" << out[i];
      EXPECT_EQ(p.OutWeights(v)[i], it->second);
    }
  }
  for (const auto& [pair, shared] : want.shared) {
    EXPECT_EQ(SharedNeighbours(s, o, pair.first, pair.second), shared);
    EXPECT_EQ(SharedNeighbours(s, o, pair.second, pair.first), shared);
  }
}

std::vector<std::string> RandomKinds(Rng& rng, const Model& m) {
  std::vector<std::string> out;
  for (const auto& k : kKinds) {
    if (rng.Chance(0.5) && m.FindKind(k)) out.push_back(k);
  }
  return out;
}

TEST(Projection, MatchesNaiveReferenceOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 70; ++seed) {
    Rng rng(seed);
    const auto model = RandomTwoModeModel(rng);
    ProjectionOptions o;
    o.onto = RandomKinds(rng, *model);
    if (o.onto.empty()) o.onto = {"person"};
    if (rng.Chance(0.5)) o.via = RandomKinds(rng, *model);  // may overlap onto
    o.min_shared = static_cast<uint32_t>(1 + rng.Below(3));
    SnapshotOptions so;
    so.directed = rng.Chance(0.5);
    so.collapse_parallel = rng.Chance(0.5);
    so.weights = rng.Chance(0.5);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Snapshot s = Snapshot::Build(model, so);
    ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, o));
  }
}

TEST(Projection, OverlappingViaKindsWithSelfLoops) {
  // Persons projected via persons: a looped shared neighbour is never its own evidence.
  Graph g;
  std::vector<EntityInput> entities = {Ent("a", "person"), Ent("b", "person"), Ent("c", "person")};
  std::vector<LinkInput> links = {Lnk("a", "b"), Lnk("b", "b"), Lnk("b", "c"), Lnk("a", "a")};
  g.Add(entities, links);
  const Snapshot s = g.TakeSnapshot();
  ProjectionOptions o;
  o.onto = {"person"};
  o.via = {"person"};
  ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, o));
  const Snapshot p = Project(s, o);
  // Only a-c share b.
  ASSERT_EQ(p.edge_count(), 1u);
  EXPECT_EQ(p.Endpoints(0), (std::pair<VertexId, VertexId>(0, 2)));
  EXPECT_TRUE(SharedNeighbours(s, o, 0, 1).empty());
}

TEST(Projection, OfViewsAndDirectedParents) {
  for (uint64_t seed = 100; seed < 130; ++seed) {
    Rng rng(seed);
    const auto model = RandomTwoModeModel(rng);
    ViewFilter f;
    f.kinds = {"person", "seizure"};
    if (model->entity_count() > 0) f.exclude = {std::string(model->ExternalId(0))};
    for (const auto& k : f.kinds) {
      if (!model->FindKind(k)) f.kinds.clear();
    }
    ProjectionOptions o;
    o.onto = {"person"};
    SnapshotOptions directed;
    directed.directed = true;
    const Snapshot s = Snapshot::Build(model, directed);
    const Snapshot v = MakeView(s, f);
    SCOPED_TRACE("seed " + std::to_string(seed));
    ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(v, o));
    // Direction does not matter.
    const Snapshot pu = Project(Snapshot::Build(model), o);
    const Snapshot pd = Project(s, o);
    EXPECT_EQ(std::vector<double>(pu.out_weights().begin(), pu.out_weights().end()),
              std::vector<double>(pd.out_weights().begin(), pd.out_weights().end()));
    EXPECT_EQ(std::vector<VertexId>(pu.out_targets().begin(), pu.out_targets().end()),
              std::vector<VertexId>(pd.out_targets().begin(), pd.out_targets().end()));
  }
}

// Persons p1..p4, seizures s1..s3, location l1.
std::shared_ptr<const Model> Seizures() {
  std::vector<EntityInput> entities = {
      Ent("p1", "person"),  Ent("p2", "person"),  Ent("p3", "person"),  Ent("p4", "person"),
      Ent("s1", "seizure"), Ent("s2", "seizure"), Ent("s3", "seizure"), Ent("l1", "location")};
  std::vector<LinkInput> links = {
      Lnk("p1", "s1", "seized_in"),
      Lnk("p2", "s1", "seized_in"),
      Lnk("s1", "p3", "involved_in"),
      Lnk("p1", "s2", "seized_in"),
      Lnk("p2", "s2", "seized_in"),
      Lnk("p1", "s2", "arrested_in"),  // parallel: still one shared seizure
      Lnk("p2", "s2", "involved_in", false),
      Lnk("p4", "s3", "seized_in"),
      Lnk("s3", "p3", "involved_in"),  // direction ignored
      Lnk("p1", "l1", "located_in"),
      Lnk("p4", "l1", "located_in"),
      Lnk("p1", "p2", "associate"),  // one-mode links do not count
  };
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

TEST(Projection, HandMadeSeizures) {
  const auto model = Seizures();
  const Snapshot s = Snapshot::Build(model);
  auto weight = [](const Snapshot& p, const char* a, const char* b) -> double {
    const VertexId va = p.VertexOfId(a);
    const VertexId vb = p.VertexOfId(b);
    const auto out = p.Out(va);
    for (uint64_t i = 0; i < out.size(); ++i) {
      if (out[i] == vb) return p.OutWeights(va)[i];
    }
    return 0;
  };
  ProjectionOptions o;
  o.onto = {"person"};
  o.via = {"seizure"};
  const Snapshot p = Project(s, o);
  ASSERT_EQ(p.vertex_count(), 4u);
  EXPECT_EQ(p.edge_count(), 4u);
  EXPECT_EQ(weight(p, "p1", "p2"), 2);  // s1, s2
  EXPECT_EQ(weight(p, "p2", "p1"), 2);
  EXPECT_EQ(weight(p, "p1", "p3"), 1);  // s1
  EXPECT_EQ(weight(p, "p2", "p3"), 1);  // s1
  EXPECT_EQ(weight(p, "p3", "p4"), 1);  // s3
  EXPECT_EQ(weight(p, "p1", "p4"), 0);
  EXPECT_THROW(p.VertexOfId("s1"), NotFoundError);
  const EntityId p1 = *model->FindEntity("p1");
  const EntityId p2 = *model->FindEntity("p2");
  const EntityId p4 = *model->FindEntity("p4");
  EXPECT_EQ(SharedNeighbours(s, o, p1, p2),
            (std::vector<EntityId>{*model->FindEntity("s1"), *model->FindEntity("s2")}));
  EXPECT_TRUE(SharedNeighbours(s, o, p1, p4).empty());
  EXPECT_TRUE(SharedNeighbours(s, o, p1, p1).empty());

  // via defaults to every other kind: the location joins p1 and p4.
  ProjectionOptions all;
  all.onto = {"person"};
  const Snapshot pa = Project(s, all);
  EXPECT_EQ(pa.edge_count(), 5u);
  EXPECT_EQ(weight(pa, "p1", "p4"), 1);
  EXPECT_EQ(weight(pa, "p1", "p2"), 2);
  EXPECT_EQ(SharedNeighbours(s, all, p1, p4), (std::vector<EntityId>{*model->FindEntity("l1")}));

  ProjectionOptions two = o;
  two.min_shared = 2;
  const Snapshot p2s = Project(s, two);
  ASSERT_EQ(p2s.edge_count(), 1u);
  EXPECT_EQ(p2s.ExternalId(p2s.Endpoints(0).first), "p1");
  EXPECT_EQ(p2s.ExternalId(p2s.Endpoints(0).second), "p2");
  EXPECT_EQ(p2s.EdgeWeight(0), 2);
  EXPECT_EQ(p2s.vertex_count(), 4u);  // vertices stay, without edges

  // Seizures projected onto each other via persons: s1-s2 share p1 and p2.
  ProjectionOptions rev;
  rev.onto = {"seizure"};
  rev.via = {"person"};
  const Snapshot ps = Project(s, rev);
  EXPECT_EQ(weight(ps, "s1", "s2"), 2);
  EXPECT_EQ(weight(ps, "s1", "s3"), 1);  // p3
  EXPECT_EQ(weight(ps, "s2", "s3"), 0);

  ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, o));
  ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, all));
  ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, two));
  ASSERT_NO_FATAL_FAILURE(ExpectMatchesNaive(s, rev));
}

TEST(Projection, BadOptions) {
  const auto model = Seizures();
  const Snapshot s = Snapshot::Build(model);
  ProjectionOptions o;
  EXPECT_THROW(Project(s, o), UsageError);  // no onto
  o.onto = {"person"};
  o.min_shared = 0;
  EXPECT_THROW(Project(s, o), UsageError);
  o.min_shared = 1;
  o.via = {"spaceship"};
  EXPECT_THROW(Project(s, o), NotFoundError);
  EXPECT_THROW(SharedNeighbours(s, o, 0, 1), NotFoundError);
  o.via = {};
  o.onto = {"spaceship"};
  EXPECT_THROW(Project(s, o), NotFoundError);
  // A built-in kind nobody has: an empty projection.
  o.onto = {"vehicle"};
  EXPECT_EQ(Project(s, o).vertex_count(), 0u);
}

TEST(Projection, EmptyGraph) {
  Graph g;
  ProjectionOptions o;
  o.onto = {"person"};
  const Snapshot p = Project(g.TakeSnapshot(), o);
  EXPECT_EQ(p.vertex_count(), 0u);
  EXPECT_EQ(p.edge_count(), 0u);
}

}  // namespace
}  // namespace linkscope
