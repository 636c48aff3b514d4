// Community profiles on a small case worked out by hand: structure, kinds, the commodity mix
// reached through seizures and trafficking links, convergence, countries, top members and
// bridges; on a persons-only view (reaching through the whole case) and on the whole graph.
#include "linkscope/algo/profile.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/view.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;

// Network A: PA1-PA2-PA3 (a triangle, Ghana), PA1 arrested in seizure SA1 of a gun and gold,
// PA1 transported drugs. Network B: PB1-PB2 (Nigeria), PB1 possessed ivory. PA3 knows PB1.
std::shared_ptr<const Model> Case() {
  Graph g;
  std::vector<EntityInput> e = {
      Ent("PA1", "person", "GH"), Ent("PA2", "person", "GH"), Ent("PA3", "person", "GH"),
      Ent("PB1", "person", "NG"), Ent("PB2", "person", "NG"), Ent("SA1", "seizure", "GH"),
      Ent("FA1", "firearm"),      Ent("CA1", "commodity"),    Ent("CA2", "commodity"),
      Ent("CB1", "commodity"),    Ent("LX", "location", "TG")};
  e[7].category = "gold";
  e[8].category = "drugs";
  e[9].category = "wildlife";
  auto link = [](std::string a, std::string b, std::string type, double w = 1) {
    LinkInput l;
    l.from = std::move(a);
    l.to = std::move(b);
    l.type = std::move(type);
    l.weight = w;
    return l;
  };
  std::vector<LinkInput> l = {
      link("PA1", "PA2", "associate", 2), link("PA2", "PA3", "associate"),
      link("PA1", "PA3", "associate"),    link("PA1", "SA1", "arrested_in"),
      link("FA1", "SA1", "seized_in"),    link("CA1", "SA1", "seized_in"),
      link("PA1", "CA2", "transported"),  link("PB1", "PB2", "associate"),
      link("PB1", "CB1", "possessed"),    link("PA3", "PB1", "associate"),
      link("CA1", "LX", "located_in"),  // a location is no trafficking partner
  };
  g.Add(e, l);
  return g.shared_model();
}

uint32_t Of(const Snapshot& s, const std::vector<uint32_t>& m, const char* id) {
  return m[s.VertexOfId(id)];
}

TEST(Profile, PersonsViewReachesThroughTheCase) {
  const Snapshot all = Snapshot::Build(Case());
  ViewFilter f;
  f.kinds = {"person"};
  const Snapshot s = MakeView(all, f);
  std::vector<uint32_t> m(s.vertex_count());
  for (const char* id : {"PA1", "PA2", "PA3"}) m[s.VertexOfId(id)] = 0;
  for (const char* id : {"PB1", "PB2"}) m[s.VertexOfId(id)] = 1;
  const std::vector<CommunityProfile> p = ProfileCommunities(s, m);
  ASSERT_EQ(p.size(), 2u);

  const CommunityProfile& a = p[0];
  EXPECT_EQ(a.id, 0u);
  EXPECT_EQ(a.size, 3u);
  ASSERT_EQ(a.members.size(), 3u);
  EXPECT_EQ(s.ExternalId(a.members[0]), "PA1");
  EXPECT_EQ(s.ExternalId(a.members[2]), "PA3");
  EXPECT_EQ(a.internal_links, 3u);
  EXPECT_EQ(a.external_links, 1u);
  EXPECT_DOUBLE_EQ(a.internal_weight, 4.0);
  EXPECT_DOUBLE_EQ(a.external_weight, 1.0);
  EXPECT_DOUBLE_EQ(a.density, 1.0);
  ASSERT_EQ(a.kinds.size(), 1u);
  EXPECT_EQ(a.kinds[0], std::make_pair(std::string("person"), uint64_t{3}));
  EXPECT_EQ(a.seizures, 1u);
  // firearm and gold through the seizure, drugs through "transported".
  ASSERT_EQ(a.commodities.size(), 3u);
  for (const auto& [name, count] : a.commodities) {
    EXPECT_TRUE(name == "firearms" || name == "gold" || name == "drugs") << name;
    EXPECT_EQ(count, 1u);
  }
  EXPECT_EQ(a.categories, 3u);
  EXPECT_NEAR(a.entropy, std::log2(3.0), 1e-12);
  ASSERT_EQ(a.countries.size(), 1u);
  EXPECT_EQ(a.countries[0], std::make_pair(std::string("GH"), uint64_t{4}));  // 3 + the seizure
  // Strength inside: PA1 3 (2 + 1), PA2 3, PA3 2.
  ASSERT_EQ(a.top_members.size(), 3u);
  EXPECT_EQ(s.ExternalId(a.top_members[0].vertex), "PA1");
  EXPECT_DOUBLE_EQ(a.top_members[0].strength, 3.0);
  EXPECT_EQ(s.ExternalId(a.top_members[1].vertex), "PA2");
  EXPECT_EQ(s.ExternalId(a.top_members[2].vertex), "PA3");
  EXPECT_EQ(a.top_members[2].neighbours, 2u);
  ASSERT_EQ(a.bridges.size(), 1u);
  EXPECT_EQ(a.bridge_count, 1u);
  EXPECT_EQ(s.ExternalId(a.bridges[0].vertex), "PA3");
  EXPECT_EQ(a.bridges[0].reaches, std::vector<uint32_t>{1});

  const CommunityProfile& b = p[1];
  EXPECT_EQ(b.size, 2u);
  EXPECT_EQ(b.internal_links, 1u);
  EXPECT_EQ(b.external_links, 1u);
  EXPECT_EQ(b.seizures, 0u);
  ASSERT_EQ(b.commodities.size(), 1u);
  EXPECT_EQ(b.commodities[0], std::make_pair(std::string("wildlife"), uint64_t{1}));
  EXPECT_EQ(b.categories, 1u);
  EXPECT_EQ(b.entropy, 0.0);
  EXPECT_EQ(b.countries[0], std::make_pair(std::string("NG"), uint64_t{2}));
  EXPECT_EQ(s.ExternalId(b.bridges[0].vertex), "PB1");
}

TEST(Profile, WholeGraphCountsMembersAndLimits) {
  const Snapshot s = Snapshot::Build(Case());
  std::vector<uint32_t> m(s.vertex_count(), 1);
  for (const char* id : {"PA1", "PA2", "PA3", "SA1", "FA1", "CA1", "CA2"}) {
    m[s.VertexOfId(id)] = 0;
  }
  ProfileOptions o;
  o.top_members = 2;
  o.bridges = 0;
  const std::vector<CommunityProfile> p = ProfileCommunities(s, m, o);
  const CommunityProfile& a = p[Of(s, m, "PA1")];
  EXPECT_EQ(a.size, 7u);
  EXPECT_EQ(a.seizures, 1u);  // a member seizure
  EXPECT_EQ(a.categories, 3u);
  EXPECT_EQ(a.top_members.size(), 2u);
  EXPECT_TRUE(a.bridges.empty());
  EXPECT_EQ(a.bridge_count, 2u);  // PA3 (to PB1) and CA1 (to the location)
  // The seizure is a member: its country counts once.
  EXPECT_EQ(a.countries[0], std::make_pair(std::string("GH"), uint64_t{4}));
  // Members of the other community: the location's country too.
  const CommunityProfile& b = p[Of(s, m, "PB1")];
  bool togo = false;
  for (const auto& [c, n] : b.countries) togo = togo || c == "TG";
  EXPECT_TRUE(togo);
  // "located_in" is no trafficking link: the location's community reaches no gold.
  for (const auto& [name, n] : b.commodities) EXPECT_NE(name, "gold");
}

TEST(Profile, DirectedSnapshotCountsEachArcOnce) {
  SnapshotOptions d;
  d.directed = true;
  const Snapshot s = Snapshot::Build(Case(), d);
  std::vector<uint32_t> m(s.vertex_count(), 1);
  for (const char* id : {"PA1", "PA2", "PA3"}) m[s.VertexOfId(id)] = 0;
  const std::vector<CommunityProfile> p = ProfileCommunities(s, m);
  // Undirected associate links are two arcs each in a directed snapshot.
  EXPECT_EQ(p[0].internal_links, 6u);
  EXPECT_DOUBLE_EQ(p[0].density, 1.0);
  EXPECT_EQ(p[0].top_members[0].neighbours, 2u);
}

TEST(Profile, BadInput) {
  const Snapshot s = Snapshot::Build(Case());
  EXPECT_THROW(ProfileCommunities(s, std::vector<uint32_t>{0, 1}), UsageError);
  std::vector<uint32_t> sparse(s.vertex_count(), 0);
  sparse[0] = UINT32_MAX;
  EXPECT_THROW(ProfileCommunities(s, sparse), UsageError);
  ProfileOptions o;
  o.trafficking_types = {"smuggled_by_unicorn"};
  EXPECT_THROW(ProfileCommunities(s, std::vector<uint32_t>(s.vertex_count(), 0), o), NotFoundError);
  // Empty graph: no communities.
  Graph g;
  EXPECT_TRUE(ProfileCommunities(g.TakeSnapshot(), {}).empty());
}

TEST(Profile, ItemCategories) {
  const auto model = Case();
  EXPECT_EQ(ItemCategory(*model, *model->FindEntity("FA1")), "firearms");
  EXPECT_EQ(ItemCategory(*model, *model->FindEntity("CA1")), "gold");
  EXPECT_EQ(ItemCategory(*model, *model->FindEntity("PA1")), "");
}

}  // namespace
}  // namespace linkscope
