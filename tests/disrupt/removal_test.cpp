// SimulateRemoval: a hand-made case (a gun bought in the US and seized in Colombia, the buyer
// and the seizure's suspect linked only through a broker), on a persons-only view and on the
// whole case; the flows of random cases against a verifier that follows the documented
// definition with sets; id resolution and invalid arguments.
#include "linkscope/disrupt/removal.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "disrupt/disrupt_test_util.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/centrality/centrality.hpp"
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
  // The gun: the buyer (US, purchased) and the suspect (CO, and CO through the seizure). The
  // gold: only the courier (GH), one country, no flow; the component no longer matters.
  const std::vector<CommodityFlow> before{{"firearms", C("CO"), C("US")}};
  EXPECT_EQ(r.flows_before, before);
  EXPECT_EQ(r.witnesses_before, std::vector<uint32_t>{1});
  EXPECT_TRUE(r.flows_after.empty());
  EXPECT_TRUE(r.witnesses_after.empty());
  EXPECT_EQ(r.cut, before);
  EXPECT_EQ(r.cut_witnesses, std::vector<uint32_t>{1});
  EXPECT_EQ(r.before.components, 1u);
  EXPECT_EQ(r.before.largest_component, 4u);
  EXPECT_EQ(r.after.vertices, 3u);
  EXPECT_EQ(r.after.components, 2u);
  EXPECT_EQ(r.after.largest_component, 2u);
  EXPECT_DOUBLE_EQ(r.after.largest_share, 0.5);
  EXPECT_DOUBLE_EQ(r.after.fragmentation, 1.0 - 2.0 / 6.0);
  EXPECT_EQ(r.after.distance_fragmentation, 0);  // not asked

  // Removing the courier (who is on no gun route) changes nothing; a repeat counts once.
  RemovalOptions o;
  o.distance_weighted = true;
  const RemovalResult courier = SimulateRemoval(s, Of(s, {"courier", "courier"}), o);
  EXPECT_TRUE(courier.cut.empty());
  EXPECT_EQ(courier.flows_after, before);
  EXPECT_EQ(courier.after.vertices, 3u);
  // Removing the buyer detaches the US end.
  EXPECT_EQ(SimulateRemoval(s, Of(s, {"buyer"})).cut, before);
  // Nothing removed: nothing cut.
  const RemovalResult none = SimulateRemoval(s, {});
  EXPECT_TRUE(none.cut.empty());
  EXPECT_EQ(none.flows_after, none.flows_before);
  EXPECT_EQ(none.witnesses_after, none.witnesses_before);
}

TEST(Removal, TheGunItselfStillConnectsOnTheWholeCase) {
  const Snapshot s = Snapshot::Build(GunCase());
  const std::vector<CommodityFlow> gun{{"firearms", C("CO"), C("US")}};
  // buyer - gun - seizure - suspect keeps the route without the broker.
  const RemovalResult r = SimulateRemoval(s, Of(s, {"broker"}));
  EXPECT_EQ(r.flows_before, gun);
  EXPECT_TRUE(r.cut.empty());
  EXPECT_EQ(r.after.components, 1u);
  // The seizure's vertex removed too: the suspect is cut off, but the gun (seized in CO, so
  // carrying CO) is still linked to its buyer (US).
  const RemovalResult z = SimulateRemoval(s, Of(s, {"broker", "seizure"}));
  EXPECT_TRUE(z.cut.empty());
  // The gun removed: a removed item witnesses nothing, whatever is left connected.
  const RemovalResult g = SimulateRemoval(s, Of(s, {"gun"}));
  EXPECT_EQ(g.cut, gun);
  EXPECT_EQ(g.after.components, 1u);
  // Directed: the same weak components, the same flows.
  SnapshotOptions o;
  o.directed = true;
  const Snapshot d = Snapshot::Build(GunCase(), o);
  const RemovalResult dr = SimulateRemoval(d, Of(d, {"broker", "gun", "seizure"}));
  EXPECT_EQ(dr.flows_before, gun);
  EXPECT_EQ(dr.cut, gun);
  EXPECT_EQ(SimulateRemoval(d, Of(d, {"broker"})).cut, r.cut);
}

// Two guns: one made in Brazil (its own country), both bought by the buyer and seized in
// Colombia; a third, untraced, seized in Ghana with the courier.
TEST(Removal, OwnCountriesAndWitnessCounts) {
  Graph g;
  g.Add(std::vector<EntityInput>{Ent("buyer", "person", "US"), Ent("broker", "person"),
                                 Ent("suspect", "person", "CO"), Ent("courier", "person", "GH"),
                                 Ent("gun1", "firearm", "BR"), Item("gun2", "firearm"),
                                 Item("gun3", "ammunition"), Ent("seizure", "seizure", "CO"),
                                 Ent("seizure2", "seizure", "GH")},
        std::vector<LinkInput>{
            Lnk("buyer", "gun1", "purchased"), Lnk("buyer", "gun2", "purchased"),
            Lnk("gun1", "seizure", "seized_in"), Lnk("gun2", "seizure", "seized_in"),
            Lnk("suspect", "seizure", "involved_in"), Lnk("buyer", "broker", "associate"),
            Lnk("broker", "suspect", "associate"), Lnk("suspect", "courier", "associate"),
            Lnk("gun3", "seizure2", "seized_in"), Lnk("courier", "seizure2", "called")});
  const Snapshot s = PersonsOnly(g.shared_model());
  const RemovalResult r = SimulateRemoval(s, Of(s, {"broker"}));
  // gun1: the buyer carries US and the gun's origin BR, the suspect CO (his and the
  // seizure's); gun2: the buyer US, the suspect CO; gun3: the courier alone, GH.
  const std::vector<CommodityFlow> before{{"firearms", C("BR"), C("CO")},
                                          {"firearms", C("BR"), C("US")},
                                          {"firearms", C("CO"), C("US")}};
  EXPECT_EQ(r.flows_before, before);
  EXPECT_EQ(r.witnesses_before, (std::vector<uint32_t>{1, 1, 2}));
  // Without the broker only the buyer's own (BR, US) is left: the route from Brazil and the
  // US to Colombia is cut, for both guns.
  const std::vector<CommodityFlow> after{{"firearms", C("BR"), C("US")}};
  EXPECT_EQ(r.flows_after, after);
  EXPECT_EQ(r.witnesses_after, std::vector<uint32_t>{1});
  const std::vector<CommodityFlow> cut{before[0], before[2]};
  EXPECT_EQ(r.cut, cut);
  EXPECT_EQ(r.cut_witnesses, (std::vector<uint32_t>{1, 2}));
  // Removing the buyer: nobody carries BR any more; the flows all go.
  EXPECT_EQ(SimulateRemoval(s, Of(s, {"buyer"})).cut, before);
}

TEST(Removal, TraffickingTypesDecideWhoIsAttached) {
  const Snapshot s = PersonsOnly(GunCase());
  RemovalOptions o;
  o.trafficking_types = {"possessed"};  // "purchased" no longer attaches the buyer
  const RemovalResult r = SimulateRemoval(s, {}, o);
  // The gun still reaches the suspect through the seizure, but only Colombia: no flow.
  EXPECT_TRUE(r.flows_before.empty());
  o.trafficking_types = {"purchased"};
  EXPECT_EQ(SimulateRemoval(s, {}, o).flows_before.size(), 1u);
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

// The definition of removal.hpp, by sets: per item, the countries each attached vertex carries
// for it, then every pair of countries of attached vertices that reach each other; the flows
// with the set of items witnessing them.
std::map<Flow, std::set<EntityId>> VerifierFlows(const Snapshot& s,
                                                 const std::vector<uint8_t>& removed,
                                                 const std::set<std::string>& trafficking) {
  const Model& m = s.model();
  const uint32_t n = s.vertex_count();
  auto is_seizure = [&](EntityId e) { return m.KindName(e) == "seizure"; };
  auto linked = [&](EntityId x, EntityId y) {  // some link, either direction, x != y
    for (LinkId l = 0; l < m.link_count(); ++l) {
      if ((m.From(l) == x && m.To(l) == y) || (m.From(l) == y && m.To(l) == x)) return true;
    }
    return false;
  };
  auto traffics = [&](EntityId e, EntityId x) {
    for (LinkId l = 0; l < m.link_count(); ++l) {
      if (((m.From(l) == e && m.To(l) == x) || (m.From(l) == x && m.To(l) == e)) &&
          trafficking.count(std::string(m.TypeName(l)))) {
        return true;
      }
    }
    return false;
  };
  const auto d = Distances(Adjacency(s), removed);
  std::map<Flow, std::set<EntityId>> flows;
  for (EntityId x = 0; x < m.entity_count(); ++x) {
    const std::string category(ItemCategory(m, x));
    if (category.empty()) continue;
    if (s.VertexOf(x) != kNoVertex && removed[s.VertexOf(x)]) continue;
    std::vector<std::set<CountryCode>> carries(n);
    std::vector<bool> attached(n, false);
    for (VertexId v = 0; v < n; ++v) {
      const EntityId e = s.Entity(v);
      if (removed[v]) continue;
      if (e == x || traffics(e, x)) {  // the item and its traffickers: also its origin
        attached[v] = true;
        carries[v].insert(m.CountryCodeOf(e));
        carries[v].insert(m.CountryCodeOf(x));
      }
      for (EntityId z = 0; z < m.entity_count(); ++z) {
        if (!is_seizure(z) || z == x || !linked(x, z)) continue;
        if (e == z || linked(e, z)) {
          attached[v] = true;
          carries[v].insert(m.CountryCodeOf(e));
          carries[v].insert(m.CountryCodeOf(z));
        }
      }
      carries[v].erase(kNoCountry);
    }
    for (VertexId u = 0; u < n; ++u) {
      for (VertexId w = 0; w < n; ++w) {
        if (!attached[u] || !attached[w] || d[u][w] == kUnreachable) continue;
        for (const CountryCode a : carries[u]) {
          for (const CountryCode b : carries[w]) {
            if (a < b) flows[{category, a, b}].insert(x);
          }
        }
      }
    }
  }
  return flows;
}

// The verifier's flows and witness counts in the result's form.
void ExpectMatches(const std::vector<CommodityFlow>& flows, const std::vector<uint32_t>& counts,
                   const std::map<Flow, std::set<EntityId>>& want, uint64_t seed) {
  ASSERT_EQ(flows.size(), counts.size()) << "seed " << seed;
  std::map<Flow, uint32_t> got;
  for (size_t i = 0; i < flows.size(); ++i) {
    got[{std::string(flows[i].category), flows[i].a, flows[i].b}] = counts[i];
  }
  std::map<Flow, uint32_t> expected;
  for (const auto& [f, items] : want) expected[f] = static_cast<uint32_t>(items.size());
  EXPECT_EQ(got, expected) << "seed " << seed;
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
  size_t flows_seen = 0;
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
      const auto want_before = VerifierFlows(*s, none, trafficking);
      const auto want_after = VerifierFlows(*s, mask, trafficking);
      ExpectMatches(r.flows_before, r.witnesses_before, want_before, seed);
      ExpectMatches(r.flows_after, r.witnesses_after, want_after, seed);
      std::map<Flow, std::set<EntityId>> want_cut;
      for (const auto& [x, items] : want_before) {
        if (!want_after.count(x)) want_cut[x] = items;
      }
      ExpectMatches(r.cut, r.cut_witnesses, want_cut, seed);
      flows_seen += want_before.size();
      with_cut += want_cut.empty() ? 0 : 1;
      // Sorted by category name, then a, then b.
      EXPECT_TRUE(std::is_sorted(r.flows_before.begin(), r.flows_before.end(),
                                 [](const CommodityFlow& x, const CommodityFlow& y) {
                                   return std::tie(x.category, x.a, x.b) <
                                          std::tie(y.category, y.a, y.b);
                                 }));
    }
  }
  std::printf("removal: %u of 80 random cases cut a flow (%zu flows before in all)\n", with_cut,
              flows_seen);
  EXPECT_GE(with_cut, 10u);  // the cases exercise cuts, not only empty flow lists
}

// The embedded sample case (planted networks with brokers, guns, seizures and routes across
// countries), persons view, removing the top-k betweenness entities. The top 10 cut no flow:
// the view stays one giant component (largest 1 328 -> 1 313 of the 1 340 left, 17 -> 19
// components), so the
// traffickers and seizure suspects of every item stay connected, and each flow has about five
// witnessing items (743 witnesses of 144 flows). What the removal does is detach or disconnect
// a few item witnesses (743 -> 739). Deeper removals cut flows; nested removals cut more.
TEST(Removal, TopBetweennessOnTheSample) {
  Graph g;
  g.Load({std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl"});
  const Snapshot s = PersonsOnly(g.shared_model());
  ASSERT_GT(s.vertex_count(), 1000u);
  const std::vector<VertexId> order = OrderByScore(s, Betweenness(s, CentralityOptions{}).vertex);
  auto sum = [](const std::vector<uint32_t>& w) {
    uint64_t total = 0;
    for (const uint32_t x : w) total += x;
    return total;
  };
  size_t last_cut = 0;
  for (const size_t k : {size_t{10}, size_t{100}, size_t{200}, size_t{400}}) {
    const RemovalResult r = SimulateRemoval(s, std::span(order.data(), k));
    std::printf(
        "sample, top %zu betweenness: %zu flows (%llu item witnesses) before, %zu cut, %llu "
        "witnesses after; largest component %u -> %u, components %u -> %u\n",
        k, r.flows_before.size(), static_cast<unsigned long long>(sum(r.witnesses_before)),
        r.cut.size(), static_cast<unsigned long long>(sum(r.witnesses_after)),
        r.before.largest_component, r.after.largest_component, r.before.components,
        r.after.components);
    for (size_t i = 0; i < r.cut.size() && k <= 100; ++i) {
      std::printf("  cut %.*s %s-%s (%u items before)\n",
                  static_cast<int>(r.cut[i].category.size()), r.cut[i].category.data(),
                  CountryToString(r.cut[i].a).c_str(), CountryToString(r.cut[i].b).c_str(),
                  r.cut_witnesses[i]);
    }
    EXPECT_FALSE(r.flows_before.empty());
    EXPECT_EQ(r.flows_before.size(), r.flows_after.size() + r.cut.size());
    EXPECT_LT(sum(r.witnesses_after), sum(r.witnesses_before)) << k;
    EXPECT_GE(r.cut.size(), last_cut) << k;
    last_cut = r.cut.size();
  }
  EXPECT_GE(last_cut, 1u);  // 400 removed: some flows are cut
}

}  // namespace
}  // namespace linkscope
