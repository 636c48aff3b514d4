// SimulateRemoval: a hand-made case (a gun bought in the US and seized in Colombia, the buyer
// and the seizure's suspect linked only through a broker), on a persons-only view and on the
// whole case; the flows of random cases against a verifier that follows the documented
// definition with sets; id resolution and invalid arguments.
#include "linkscope/disrupt/removal.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "disrupt/disrupt_test_util.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using namespace linkscope::testing;

CountryCode C(const char* code) { return *ParseCountry(code); }

EntityInput Item(std::string id, std::string kind, std::string category = "") {
  EntityInput e = Ent(std::move(id), std::move(kind));
  e.category = std::move(category);
  return e;
}

// buyer (US) -purchased- gun -seized_in- seizure (CO) -involved_in- suspect (CO);
// buyer - broker - suspect; suspect - courier (GH); and gold carried by the courier.
std::shared_ptr<const Model> GunCase() {
  Graph g;
  g.Add(std::vector<EntityInput>{Ent("buyer", "person", "US"), Ent("broker", "person"),
                                 Ent("suspect", "person", "CO"), Ent("courier", "person", "GH"),
                                 Item("gun", "firearm"), Ent("seizure", "seizure", "CO"),
                                 Item("bars", "commodity", "gold")},
        std::vector<LinkInput>{
            Lnk("buyer", "gun", "purchased"), Lnk("gun", "seizure", "seized_in"),
            Lnk("suspect", "seizure", "involved_in"), Lnk("buyer", "broker", "associate"),
            Lnk("broker", "suspect", "associate"), Lnk("suspect", "courier", "associate"),
            Lnk("courier", "bars", "transported")});
  return g.shared_model();
}

Snapshot PersonsOnly(const std::shared_ptr<const Model>& m) {
  const Snapshot full = Snapshot::Build(m);
  ViewFilter f;
  f.kinds = {"person"};
  return MakeView(full, f);
}

std::vector<VertexId> Of(const Snapshot& s, std::vector<std::string> ids) {
  return VerticesOfIds(s, ids);
}

TEST(Removal, BrokerCutsTheGunRouteOnAPersonsView) {
  const Snapshot s = PersonsOnly(GunCase());
  ASSERT_EQ(s.vertex_count(), 4u);
  const RemovalResult r = SimulateRemoval(s, Of(s, {"broker"}));
  const std::vector<CommodityFlow> before{
      {"firearms", C("CO"), C("GH")}, {"firearms", C("CO"), C("US")},
      {"firearms", C("GH"), C("US")}, {"gold", C("CO"), C("GH")},
      {"gold", C("CO"), C("US")},     {"gold", C("GH"), C("US")}};
  EXPECT_EQ(r.flows_before, before);
  // Left: {buyer} (firearms, US) and {suspect, courier} (firearms and gold, CO and GH).
  const std::vector<CommodityFlow> after{{"firearms", C("CO"), C("GH")},
                                         {"gold", C("CO"), C("GH")}};
  EXPECT_EQ(r.flows_after, after);
  const std::vector<CommodityFlow> cut{{"firearms", C("CO"), C("US")},
                                       {"firearms", C("GH"), C("US")},
                                       {"gold", C("CO"), C("US")},
                                       {"gold", C("GH"), C("US")}};
  EXPECT_EQ(r.cut, cut);
  EXPECT_EQ(r.before.components, 1u);
  EXPECT_EQ(r.before.largest_component, 4u);
  EXPECT_EQ(r.after.vertices, 3u);
  EXPECT_EQ(r.after.components, 2u);
  EXPECT_EQ(r.after.largest_component, 2u);
  EXPECT_DOUBLE_EQ(r.after.largest_share, 0.5);
  EXPECT_DOUBLE_EQ(r.after.fragmentation, 1.0 - 2.0 / 6.0);
  EXPECT_EQ(r.after.distance_fragmentation, 0);  // not asked

  // Removing the courier too ends the gold and Ghana entirely; a repeat counts once.
  RemovalOptions o;
  o.distance_weighted = true;
  const RemovalResult both = SimulateRemoval(s, Of(s, {"broker", "courier", "broker"}), o);
  EXPECT_TRUE(both.flows_after.empty());
  EXPECT_EQ(both.cut, both.flows_before);
  EXPECT_EQ(both.after.vertices, 2u);
  EXPECT_EQ(both.after.distance_fragmentation, 1);
  // Nothing removed: nothing cut.
  const RemovalResult none = SimulateRemoval(s, {});
  EXPECT_TRUE(none.cut.empty());
  EXPECT_EQ(none.flows_after, none.flows_before);
}

TEST(Removal, TheGunItselfStillConnectsOnTheWholeCase) {
  const Snapshot s = Snapshot::Build(GunCase());
  // buyer - gun - seizure - suspect keeps the route without the broker.
  const RemovalResult r = SimulateRemoval(s, Of(s, {"broker"}));
  EXPECT_TRUE(r.cut.empty());
  EXPECT_EQ(r.after.components, 1u);
  // Without the broker, the gun and the seizure: the buyer is alone, but still carries the gun
  // he bought (what a vertex carries is read through the model's links).
  const RemovalResult g = SimulateRemoval(s, Of(s, {"broker", "gun", "seizure"}));
  const std::vector<CommodityFlow> after{{"firearms", C("CO"), C("GH")},
                                         {"gold", C("CO"), C("GH")}};
  EXPECT_EQ(g.flows_after, after);
  EXPECT_EQ(g.cut.size(), 4u);
  // Directed: the same weak components, the same flows.
  SnapshotOptions o;
  o.directed = true;
  const Snapshot d = Snapshot::Build(GunCase(), o);
  const RemovalResult dr = SimulateRemoval(d, Of(d, {"broker", "gun", "seizure"}));
  EXPECT_EQ(dr.flows_before, g.flows_before);
  EXPECT_EQ(dr.cut, g.cut);
  EXPECT_EQ(dr.after.components, g.after.components);
}

TEST(Removal, TraffickingTypesDecideWhatAPersonCarries) {
  const Snapshot s = PersonsOnly(GunCase());
  RemovalOptions o;
  o.trafficking_types = {"possessed"};  // "purchased" and "transported" no longer count
  const RemovalResult r = SimulateRemoval(s, Of(s, {"broker"}), o);
  // The gun still reaches the suspect through the seizure; the gold reaches nobody.
  const std::vector<CommodityFlow> before{{"firearms", C("CO"), C("GH")},
                                          {"firearms", C("CO"), C("US")},
                                          {"firearms", C("GH"), C("US")}};
  EXPECT_EQ(r.flows_before, before);
  o.trafficking_types = {"no_such_type"};
  EXPECT_THROW(SimulateRemoval(s, {}, o), NotFoundError);
}

TEST(Removal, IdsAndInvalidArguments) {
  const Snapshot s = PersonsOnly(GunCase());
  try {
    Of(s, {"buyer", "nobody"});
    ADD_FAILURE() << "an unknown id was accepted";
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("nobody"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Of(s, {"gun"}), NotFoundError);  // in the case, not in the persons view
  const std::vector<VertexId> bad{0, 9};
  EXPECT_THROW(SimulateRemoval(s, bad), UsageError);
  Graph empty;
  const RemovalResult e = SimulateRemoval(empty.TakeSnapshot(), {});
  EXPECT_EQ(e.before.vertices, 0u);
  EXPECT_TRUE(e.flows_before.empty());
}

// --- random cases against a verifier with sets.

using Flow = std::tuple<std::string, CountryCode, CountryCode>;

// The definition of removal.hpp, by sets: what each vertex carries, then every (category,
// country, country) of vertices that reach each other.
std::set<Flow> VerifierFlows(const Snapshot& s, const std::vector<uint8_t>& removed,
                             const std::set<std::string>& trafficking) {
  const Model& m = s.model();
  const uint32_t n = s.vertex_count();
  auto is_seizure = [&](EntityId e) { return m.KindName(e) == "seizure"; };
  std::vector<std::set<std::string>> items(n);
  std::vector<std::set<CountryCode>> countries(n);
  for (VertexId v = 0; v < n; ++v) {
    const EntityId e = s.Entity(v);
    std::set<EntityId> seizures;
    if (is_seizure(e)) seizures.insert(e);
    if (!ItemCategory(m, e).empty()) items[v].insert(std::string(ItemCategory(m, e)));
    if (m.CountryCodeOf(e) != kNoCountry) countries[v].insert(m.CountryCodeOf(e));
    for (LinkId l = 0; l < m.link_count(); ++l) {
      EntityId other;
      if (m.From(l) == e) {
        other = m.To(l);
      } else if (m.To(l) == e) {
        other = m.From(l);
      } else {
        continue;
      }
      if (other == e) continue;
      if (is_seizure(other)) seizures.insert(other);
      if (!ItemCategory(m, other).empty() && trafficking.count(std::string(m.TypeName(l)))) {
        items[v].insert(std::string(ItemCategory(m, other)));
      }
    }
    for (const EntityId z : seizures) {
      if (m.CountryCodeOf(z) != kNoCountry) countries[v].insert(m.CountryCodeOf(z));
      for (LinkId l = 0; l < m.link_count(); ++l) {
        const EntityId other = m.From(l) == z ? m.To(l) : m.To(l) == z ? m.From(l) : z;
        if (other != z && !ItemCategory(m, other).empty()) {
          items[v].insert(std::string(ItemCategory(m, other)));
        }
      }
    }
  }
  const auto d = Distances(Adjacency(s), removed);
  std::set<Flow> flows;
  for (VertexId u = 0; u < n; ++u) {
    for (VertexId v = 0; v < n; ++v) {
      if (d[u][v] == kUnreachable) continue;
      for (VertexId w = 0; w < n; ++w) {
        if (d[u][w] == kUnreachable) continue;
        for (const auto& c : items[u]) {
          for (const CountryCode a : countries[v]) {
            for (const CountryCode b : countries[w]) {
              if (a < b) flows.emplace(c, a, b);
            }
          }
        }
      }
    }
  }
  return flows;
}

std::set<Flow> AsSet(const std::vector<CommodityFlow>& flows) {
  std::set<Flow> out;
  for (const auto& f : flows) out.emplace(std::string(f.category), f.a, f.b);
  return out;
}

TEST(Removal, FlowsMatchVerifierOnRandomCases) {
  const char* kinds[] = {"person",     "person",  "person",    "firearm",
                         "ammunition", "seizure", "commodity", "location"};
  const char* categories[] = {"gold", "drugs", "wildlife", "cash", "fuel", ""};
  const char* countries[] = {"", "", "US", "CO", "GH", "BR", "AE"};
  const char* types[] = {"associate", "purchased", "seized_in", "transported", "called"};
  const RemovalOptions options;
  const std::set<std::string> trafficking(options.trafficking_types.begin(),
                                          options.trafficking_types.end());
  uint32_t with_cut = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    Rng rng(seed * 31337);
    const auto n = static_cast<uint32_t>(3 + rng.Below(12));
    std::vector<EntityInput> ents;
    for (uint32_t i = 0; i < n; ++i) {
      EntityInput e = Ent(Id("e", i), kinds[rng.Below(8)], countries[rng.Below(7)]);
      if (e.kind == "commodity") e.category = categories[rng.Below(6)];
      ents.push_back(e);
    }
    std::vector<LinkInput> links;
    const auto m = static_cast<uint32_t>(rng.Below(2 * n));
    for (uint32_t i = 0; i < m; ++i) {
      links.push_back(
          Lnk(Id("e", rng.Below(n)), Id("e", rng.Below(n)), types[rng.Below(5)], rng.Chance(0.3)));
    }
    Graph g;
    g.Add(ents, links);
    const Snapshot full = g.TakeSnapshot();
    ViewFilter f;
    f.kinds = {"person"};
    const Snapshot persons = MakeView(full, f);
    for (const Snapshot* s : {&full, &persons}) {
      std::vector<VertexId> removed;
      std::vector<uint8_t> mask(s->vertex_count(), 0);
      for (VertexId v = 0; v < s->vertex_count(); ++v) {
        if (rng.Chance(0.3)) {
          removed.push_back(v);
          mask[v] = 1;
        }
      }
      const RemovalResult r = SimulateRemoval(*s, removed);
      const std::vector<uint8_t> none(s->vertex_count(), 0);
      EXPECT_EQ(AsSet(r.flows_before), VerifierFlows(*s, none, trafficking)) << "seed " << seed;
      EXPECT_EQ(AsSet(r.flows_after), VerifierFlows(*s, mask, trafficking)) << "seed " << seed;
      std::set<Flow> cut;
      for (const Flow& x : AsSet(r.flows_before)) {
        if (!AsSet(r.flows_after).count(x)) cut.insert(x);
      }
      EXPECT_EQ(AsSet(r.cut), cut);
      with_cut += cut.empty() ? 0 : 1;
      // Sorted by category name, then a, then b.
      EXPECT_TRUE(std::is_sorted(r.flows_before.begin(), r.flows_before.end(),
                                 [](const CommodityFlow& x, const CommodityFlow& y) {
                                   return std::tie(x.category, x.a, x.b) <
                                          std::tie(y.category, y.a, y.b);
                                 }));
    }
  }
  std::printf("removal: %u of 80 random cases cut a flow\n", with_cut);
  EXPECT_GE(with_cut, 10u);  // the cases exercise cuts, not only empty flow lists
}

}  // namespace
}  // namespace linkscope
