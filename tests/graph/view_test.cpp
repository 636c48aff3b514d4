// MakeView against a naive filter: the view of a snapshot must be exactly the snapshot of a
// model rebuilt from the entities and links the naive filter keeps (same options, same order).
#include "linkscope/graph/view.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/projection.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Range;

using Combine = SnapshotOptions::Combine;

LinkInput Lnk(std::string from, std::string to, std::string type = "",
              std::optional<bool> directed = std::nullopt, double weight = 1) {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = std::move(type);
  l.directed = directed;
  l.weight = weight;
  return l;
}

const std::vector<std::string> kKinds = {"person", "organization", "seizure", "smuggler"};
const std::vector<std::string> kTypes = {"associate", "owns", "met", "seized_in", "courier"};

std::string Year(Rng& rng) { return std::to_string(rng.Between(2014, 2022)); }

// Entities of four kinds (one user-defined), some only named by links; links of five types
// with every kind of date, grade and handling code, plus loops and parallel links.
std::shared_ptr<const Model> RandomAttributedModel(Rng& rng) {
  const auto declared = static_cast<uint32_t>(rng.Below(30));
  const auto implicit = static_cast<uint32_t>(rng.Below(5));
  const uint32_t ids = declared + implicit;
  auto id = [&](uint64_t i) {
    return i < declared ? "e" + std::to_string(i) : "z" + std::to_string(i - declared);
  };
  std::vector<EntityInput> entities;
  for (uint32_t i = 0; i < declared; ++i) entities.push_back(Ent(id(i), kKinds[rng.Below(4)]));
  std::vector<LinkInput> links;
  const uint64_t count = ids == 0 ? 0 : rng.Below(90);
  for (uint64_t k = 0; k < count; ++k) {
    LinkInput l;
    if (!links.empty() && rng.Chance(0.25)) {
      const LinkInput& prev = links[rng.Below(links.size())];
      l = Lnk(prev.from, prev.to);
      if (rng.Chance(0.5)) std::swap(l.from, l.to);
    } else {
      l.from = id(rng.Below(ids));
      l.to = rng.Chance(0.08) ? l.from : id(rng.Below(ids));
    }
    l.type = kTypes[rng.Below(kTypes.size())];
    if (rng.Chance(0.5)) l.directed = rng.Chance(0.5);
    l.weight = 0.5 * static_cast<double>(1 + rng.Below(6));
    switch (rng.Below(6)) {
      case 0:
        break;  // undated
      case 1:
        l.date = Year(rng);
        break;
      case 2:
        l.date = Year(rng) + "-" + (rng.Chance(0.5) ? "03" : "11");
        break;
      case 3:
        l.start = Year(rng);
        l.end = std::to_string(std::stoi(l.start) + rng.Between(0, 3));
        break;
      case 4:
        l.start = Year(rng);  // open end
        break;
      default:
        l.end = Year(rng);  // open start
        break;
    }
    if (rng.Chance(0.6)) {
      l.grade = std::string(1, static_cast<char>('A' + rng.Below(6))) +
                std::string(1, static_cast<char>('1' + rng.Below(6)));
    }
    l.handling = static_cast<int>(rng.Below(6));
    links.push_back(l);
  }
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

SnapshotOptions RandomOptions(Rng& rng) {
  SnapshotOptions o;
  o.directed = rng.Chance(0.5);
  o.collapse_parallel = rng.Chance(0.4);
  o.combine = static_cast<Combine>(rng.Below(4));
  o.weights = rng.Chance(0.75);
  return o;
}

ViewFilter RandomFilter(Rng& rng, const Model& m) {
  ViewFilter f;
  if (rng.Chance(0.4)) {
    for (const auto& k : kKinds) {
      // A user-defined kind must be held by some entity (else NotFoundError).
      if (rng.Chance(0.5) && m.FindKind(k)) f.kinds.push_back(k);
    }
    if (rng.Chance(0.2)) f.kinds.push_back("vehicle");  // built in, held by nobody
  }
  if (rng.Chance(0.4)) {
    for (const auto& t : kTypes) {
      // A type outside the recommended vocabulary must be in use (else NotFoundError).
      if (rng.Chance(0.5) && (t != "courier" || m.FindLinkType(t))) f.link_types.push_back(t);
    }
    if (rng.Chance(0.2)) f.link_types.push_back("paid");  // recommended, used by nobody
  }
  if (rng.Chance(0.5)) {
    const int64_t a = rng.Between(2013, 2022);
    const int64_t b = a + rng.Between(0, 3);
    f.window = Range(std::to_string(a), std::to_string(b) + (rng.Chance(0.5) ? "-06" : ""));
    f.keep_undated = rng.Chance(0.5);
  }
  if (rng.Chance(0.4)) {
    const double levels[] = {0.2, 0.3, 0.48, 0.64, 1.0};
    f.min_confidence = levels[rng.Below(5)];
    if (rng.Chance(0.3)) {
      f.confidence.Set(Grade::Of('E', 5), 0.99);
      f.confidence.Set(Grade::Ungraded(), 0.7);
    }
  }
  if (rng.Chance(0.5)) f.max_handling = static_cast<uint8_t>(rng.Below(6));
  if (m.entity_count() > 0) {
    const uint64_t excluded = rng.Below(4);
    for (uint64_t i = 0; i < excluded; ++i) {
      f.exclude.emplace_back(m.ExternalId(static_cast<EntityId>(rng.Below(m.entity_count()))));
    }
  }
  return f;
}

// ---- The naive filter.

struct Kept {
  std::vector<bool> entity;
  std::vector<bool> link;
};

Kept All(const Model& m) {
  return {std::vector<bool>(m.entity_count(), true), std::vector<bool>(m.link_count(), true)};
}

bool Contains(const std::vector<std::string>& names, std::string_view x) {
  return std::find(names.begin(), names.end(), x) != names.end();
}

Kept NaiveFilter(const Model& m, const Kept& parent, const ViewFilter& f) {
  Kept k = parent;
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    if (!f.kinds.empty() && !Contains(f.kinds, m.KindName(e))) k.entity[e] = false;
    for (const auto& id : f.exclude) {
      if (m.FindEntity(id) == e) k.entity[e] = false;
    }
  }
  for (LinkId l = 0; l < m.link_count(); ++l) {
    bool keep = k.link[l] && k.entity[m.From(l)] && k.entity[m.To(l)];
    if (!f.link_types.empty() && !Contains(f.link_types, m.TypeName(l))) keep = false;
    if (f.window) {
      const DateRange d = m.LinkDates(l);
      if (!d.dated()) {
        keep = keep && f.keep_undated;
      } else {
        keep = keep && d.lo <= f.window->hi && f.window->lo <= d.hi;
      }
    }
    if (f.min_confidence > 0 && f.confidence.Get(m.LinkGrade(l)) < f.min_confidence) {
      keep = false;
    }
    if (f.max_handling > 0 && m.Handling(l) != 0 && m.Handling(l) > f.max_handling) keep = false;
    k.link[l] = keep;
  }
  return k;
}

// The snapshot of a model holding only the kept records, in their order.
struct Rebuilt {
  std::shared_ptr<const Model> model;
  std::vector<EntityId> entities;  // rebuilt entity -> original
  std::vector<LinkId> links;       // rebuilt link -> original
};

Rebuilt Rebuild(const Model& m, const Kept& k) {
  Rebuilt r;
  std::vector<EntityInput> entities;
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    if (!k.entity[e]) continue;
    entities.push_back(Ent(std::string(m.ExternalId(e)), std::string(m.KindName(e))));
    r.entities.push_back(e);
  }
  std::vector<LinkInput> links;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    if (!k.link[l]) continue;
    links.push_back(Lnk(std::string(m.ExternalId(m.From(l))), std::string(m.ExternalId(m.To(l))),
                        std::string(m.TypeName(l)), m.Directed(l), m.Weight(l)));
    r.links.push_back(l);
  }
  Graph g;
  g.Add(entities, links);
  r.model = g.shared_model();
  return r;
}

template <typename T>
std::vector<T> Vec(std::span<const T> s) {
  return std::vector<T>(s.begin(), s.end());
}

void ExpectSameOptions(const SnapshotOptions& a, const SnapshotOptions& b) {
  EXPECT_EQ(a.directed, b.directed);
  EXPECT_EQ(a.collapse_parallel, b.collapse_parallel);
  EXPECT_EQ(a.combine, b.combine);
  EXPECT_EQ(a.weights, b.weights);
}

// The view equals the snapshot of the rebuilt model, position by position.
void ExpectViewMatches(const Snapshot& view, const Model& m, const Kept& k) {
  const Rebuilt r = Rebuild(m, k);
  const Snapshot ref = Snapshot::Build(r.model, view.options());
  ASSERT_EQ(view.vertex_count(), ref.vertex_count());
  for (VertexId v = 0; v < view.vertex_count(); ++v) {
    ASSERT_EQ(view.Entity(v), r.entities[v]);
    ASSERT_EQ(view.ExternalId(v), ref.ExternalId(v));
    ASSERT_EQ(view.VertexOf(r.entities[v]), v);
  }
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    if (!k.entity[e]) {
      EXPECT_EQ(view.VertexOf(e), kNoVertex);
      EXPECT_THROW(view.VertexOfId(m.ExternalId(e)), NotFoundError);
    }
  }
  ASSERT_EQ(view.edge_count(), ref.edge_count());
  EXPECT_EQ(Vec(view.out_offsets()), Vec(ref.out_offsets()));
  EXPECT_EQ(Vec(view.out_targets()), Vec(ref.out_targets()));
  EXPECT_EQ(Vec(view.out_weights()), Vec(ref.out_weights()));
  EXPECT_EQ(Vec(view.in_offsets()), Vec(ref.in_offsets()));
  EXPECT_EQ(Vec(view.in_sources()), Vec(ref.in_sources()));
  for (VertexId v = 0; v < view.vertex_count(); ++v) {
    EXPECT_EQ(Vec(view.InWeights(v)), Vec(ref.InWeights(v))) << "v=" << v;
  }
  EXPECT_EQ(view.OutPositionEdges(), ref.OutPositionEdges());
  EXPECT_EQ(view.InPositionEdges(), ref.InPositionEdges());
  for (EdgeId e = 0; e < view.edge_count(); ++e) {
    EXPECT_EQ(view.Endpoints(e), ref.Endpoints(e)) << "e=" << e;
    EXPECT_EQ(view.EdgeWeight(e), ref.EdgeWeight(e)) << "e=" << e;
    std::vector<LinkId> expected;
    for (const LinkId l : ref.EdgeLinks(e)) expected.push_back(r.links[l]);
    EXPECT_EQ(Vec(view.EdgeLinks(e)), expected) << "e=" << e;
  }
  EXPECT_FALSE(view.derived());
  EXPECT_EQ(view.shared_model().get(), &m);
}

// ---- Tests.

TEST(View, MatchesNaiveFilterOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 80; ++seed) {
    Rng rng(seed);
    const auto model = RandomAttributedModel(rng);
    const Model& m = *model;
    const SnapshotOptions o = RandomOptions(rng);
    const Snapshot base = Snapshot::Build(model, o);
    const ViewFilter f1 = RandomFilter(rng, m);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Snapshot v1 = MakeView(base, f1);
    ExpectSameOptions(v1.options(), o);
    const Kept k1 = NaiveFilter(m, All(m), f1);
    ASSERT_NO_FATAL_FAILURE(ExpectViewMatches(v1, m, k1));

    // A view of the view filters further.
    const ViewFilter f2 = RandomFilter(rng, m);
    const Snapshot v2 = MakeView(v1, f2);
    ExpectSameOptions(v2.options(), o);
    SCOPED_TRACE("view of view");
    ASSERT_NO_FATAL_FAILURE(ExpectViewMatches(v2, m, NaiveFilter(m, k1, f2)));
  }
}

TEST(View, EmptyFilterReproducesTheParentInEveryMode) {
  for (uint64_t seed = 200; seed < 215; ++seed) {
    Rng rng(seed);
    const auto model = RandomAttributedModel(rng);
    for (bool directed : {false, true}) {
      for (bool collapse : {false, true}) {
        SnapshotOptions o;
        o.directed = directed;
        o.collapse_parallel = collapse;
        o.combine = Combine::kMax;
        const Snapshot base = Snapshot::Build(model, o);
        const Snapshot view = MakeView(base, {});
        SCOPED_TRACE("seed " + std::to_string(seed) + (directed ? " directed" : "") +
                     (collapse ? " collapsed" : ""));
        ASSERT_NO_FATAL_FAILURE(ExpectViewMatches(view, *model, All(*model)));
        EXPECT_EQ(Vec(view.out_targets()), Vec(base.out_targets()));
        EXPECT_EQ(Vec(view.out_weights()), Vec(base.out_weights()));
      }
    }
  }
}

// persons a, b, c; organisation o; links with dates, grades and handling codes.
std::shared_ptr<const Model> HandModel() {
  std::vector<EntityInput> entities = {Ent("a", "person"), Ent("b", "person"), Ent("c", "person"),
                                       Ent("o", "organization")};
  std::vector<LinkInput> links = {
      Lnk("a", "b", "met"),        // l0: undated
      Lnk("a", "b", "met"),        // l1: 2019-12-31
      Lnk("b", "c", "associate"),  // l2: 2020-01
      Lnk("a", "o", "member_of"),  // l3: ..2018 (open start)
      Lnk("c", "o", "member_of"),  // l4: 2019.. (open end)
      Lnk("c", "c", "associate"),  // l5: 2016-2017
  };
  links[1].date = "2019-12-31";
  links[2].date = "2020-01";
  links[3].end = "2018";
  links[4].start = "2019";
  links[5].start = "2016";
  links[5].end = "2017";
  links[0].grade = "A1";  // 1.0
  links[1].grade = "C3";  // 0.36
  links[2].grade = "B2";  // 0.64
  links[4].grade = "E5";  // 0.04; l3 and l5 ungraded (0.25)
  links[0].handling = 4;
  links[1].handling = 1;
  links[2].handling = 2;
  links[3].handling = 5;  // l4 and l5: no code
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

std::vector<LinkId> ViewLinks(const Snapshot& s) {
  std::vector<LinkId> out;
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    for (const LinkId l : s.EdgeLinks(e)) out.push_back(l);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST(View, HandMadeFilters) {
  const auto model = HandModel();
  const Snapshot s = Snapshot::Build(model);
  using L = std::vector<LinkId>;
  ViewFilter f;
  f.window = Range("2019", "2019");
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{0, 1, 4}));
  f.keep_undated = false;
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{1, 4}));
  f.window = Range("2020-01-31", "");  // open end
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{2, 4}));
  f.window = Range("", "2016-06");  // open start
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{3, 5}));

  f = {};
  f.min_confidence = 0.3;
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{0, 1, 2}));
  f.confidence.Set(Grade::Of('E', 5), 0.9);
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{0, 1, 2, 4}));

  f = {};
  f.max_handling = 2;  // links without a handling code are kept
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{1, 2, 4, 5}));
  f.max_handling = 5;
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{0, 1, 2, 3, 4, 5}));

  f = {};
  f.link_types = {"MET", " member_of "};
  EXPECT_EQ(ViewLinks(MakeView(s, f)), (L{0, 1, 3, 4}));

  f = {};
  f.kinds = {"Person"};
  const Snapshot persons = MakeView(s, f);
  EXPECT_EQ(persons.vertex_count(), 3u);
  EXPECT_EQ(ViewLinks(persons), (L{0, 1, 2, 5}));
  EXPECT_THROW(persons.VertexOfId("o"), NotFoundError);
  EXPECT_EQ(persons.VertexOfId("c"), 2u);

  f = {};
  f.exclude = {"b"};
  const Snapshot no_b = MakeView(s, f);
  EXPECT_EQ(no_b.vertex_count(), 3u);
  EXPECT_EQ(no_b.ExternalId(1), "c");  // relative order kept
  EXPECT_EQ(ViewLinks(no_b), (L{3, 4, 5}));
  // Excluding an id the parent view already dropped is fine.
  ViewFilter g;
  g.exclude = {"b", "a"};
  EXPECT_EQ(MakeView(no_b, g).vertex_count(), 2u);
}

TEST(View, KeepsParentOptions) {
  const auto model = HandModel();
  SnapshotOptions o;
  o.directed = true;
  o.collapse_parallel = true;
  o.combine = Combine::kMin;
  o.weights = false;
  const Snapshot s = Snapshot::Build(model, o);
  ViewFilter f;
  f.exclude = {"o"};
  const Snapshot v = MakeView(s, f);
  ExpectSameOptions(v.options(), o);
  EXPECT_TRUE(v.directed());
  EXPECT_FALSE(v.weighted());
  // a-b met twice (undirected): collapsed into one arc each way.
  EXPECT_EQ(v.OutDegree(v.VertexOfId("a")), 1u);
  EXPECT_EQ(v.EdgeLinks(v.OutEdge(v.VertexOfId("a"), 0)).size(), 2u);
  const Snapshot vv = MakeView(v, {});
  ExpectSameOptions(vv.options(), o);
}

TEST(View, UnknownNamesThrowNotFound) {
  const auto model = HandModel();
  const Snapshot s = Snapshot::Build(model);
  ViewFilter f;
  f.kinds = {"spaceship"};
  EXPECT_THROW(MakeView(s, f), NotFoundError);
  f = {};
  f.link_types = {"teleported"};
  EXPECT_THROW(MakeView(s, f), NotFoundError);
  f = {};
  f.exclude = {"a", "nobody"};
  EXPECT_THROW(MakeView(s, f), NotFoundError);
  // A built-in kind or recommended link type that nothing uses matches nothing.
  f = {};
  f.kinds = {"vehicle"};
  EXPECT_EQ(MakeView(s, f).vertex_count(), 0u);
  f = {};
  f.link_types = {"paid"};
  const Snapshot none = MakeView(s, f);
  EXPECT_EQ(none.vertex_count(), 4u);
  EXPECT_EQ(none.edge_count(), 0u);
}

TEST(View, OfProjection) {
  const auto model = HandModel();
  const Snapshot s = Snapshot::Build(model);
  ProjectionOptions po;
  po.onto = {"person"};
  const Snapshot p = Project(s, po);
  ASSERT_TRUE(p.derived());
  ViewFilter bad;
  bad.link_types = {"met"};
  EXPECT_THROW(MakeView(p, bad), UsageError);
  bad = {};
  bad.window = Range("2019", "2019");
  EXPECT_THROW(MakeView(p, bad), UsageError);
  bad = {};
  bad.min_confidence = 0.5;
  EXPECT_THROW(MakeView(p, bad), UsageError);
  bad = {};
  bad.max_handling = 3;
  EXPECT_THROW(MakeView(p, bad), UsageError);

  // Entity filters work and keep the projected weights.
  ViewFilter f;
  f.exclude = {"b"};
  const Snapshot v = MakeView(p, f);
  EXPECT_TRUE(v.derived());
  EXPECT_EQ(v.vertex_count(), 2u);
  // a and c share o.
  ASSERT_EQ(v.edge_count(), 1u);
  EXPECT_EQ(v.ExternalId(v.Endpoints(0).first), "a");
  EXPECT_EQ(v.ExternalId(v.Endpoints(0).second), "c");
  EXPECT_EQ(v.EdgeWeight(0), 1.0);
  EXPECT_TRUE(v.EdgeLinks(0).empty());
  const Snapshot all = MakeView(p, {});
  EXPECT_EQ(all.edge_count(), p.edge_count());
  EXPECT_EQ(Vec(all.out_weights()), Vec(p.out_weights()));
}

}  // namespace
}  // namespace linkscope
