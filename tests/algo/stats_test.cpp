// ComputeStats on small hand-made graphs whose every count is worked out by hand.
#include "linkscope/algo/stats.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

using testing::Ent;
using testing::Range;

using Counts = std::vector<std::pair<std::string, uint64_t>>;

EntityInput Gun(std::string id, std::string make, std::string serial) {
  EntityInput e = Ent(std::move(id), "firearm");
  e.make = std::move(make);
  e.serial = std::move(serial);
  return e;
}

LinkInput Lnk(std::string from, std::string to, std::string type, std::string grade = "",
              std::string date = "") {
  LinkInput l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.type = std::move(type);
  l.grade = std::move(grade);
  l.date = std::move(date);
  return l;
}

// Persons p1 p2 p3 p8 p9, organisation o1, one firearm recorded twice (f1, f2: same make and
// serial written differently), x1 only named by a link.
std::shared_ptr<const Model> CaseModel() {
  const std::vector<EntityInput> entities = {
      Ent("p1", "person", "GH"),    Ent("p2", "person", "GH"),
      Ent("p3", "person"),          Ent("o1", "organization", "NG"),
      Gun("f1", "Glock", "AB-123"), Gun("f2", " glock", "ab 123"),
      Ent("p9", "person"),          Ent("p8", "person")};
  const std::vector<LinkInput> links = {
      Lnk("p1", "p2", "associate", "B2", "2019"),        // l0
      Lnk("p2", "p1", "associate", "B2", "2020-03-04"),  // l1: parallel, reversed
      Lnk("p1", "o1", "member_of", "A1"),                // l2: directed
      Lnk("p2", "o1", "member_of"),                      // l3: directed
      Lnk("p3", "f1", "possessed", "C3", "2017-06"),     // l4: directed
      Lnk("p3", "f2", "possessed"),                      // l5: the same gun
      Lnk("p8", "p8", "associate"),                      // l6: self-loop
      Lnk("p1", "x1", "met"),                            // l7: x1 implicit
  };
  Graph g;
  g.Add(entities, links);
  return g.shared_model();
}

TEST(Stats, HandMadeCase) {
  const GraphStats st = ComputeStats(CaseModel());
  EXPECT_EQ(st.entities, 8u);  // f1 and f2 are one entity; x1 counts
  EXPECT_EQ(st.links, 8u);
  EXPECT_EQ(st.implicit_entities, 1u);
  EXPECT_EQ(st.firearms, 1u);
  EXPECT_EQ(st.firearm_records, 2u);
  EXPECT_EQ(st.merged_firearm_records, 1u);
  EXPECT_EQ(st.directed_links, 4u);
  EXPECT_EQ(st.self_loops, 1u);
  // {p1,p2} {p1,o1} {p2,o1} {p3,f1} {p1,x1}: parallel and reciprocal links count once.
  EXPECT_EQ(st.distinct_pairs, 5u);
  EXPECT_EQ(st.isolates, 2u);  // p9, and p8 whose only link is a loop
  EXPECT_EQ(st.graded_links, 4u);
  EXPECT_EQ(st.link_dates, Range("2017-06", "2020-03-04"));
  EXPECT_EQ(st.by_kind,
            (Counts{{"person", 5}, {"firearm", 1}, {"organization", 1}, {"unknown", 1}}));
  EXPECT_EQ(st.by_link_type,
            (Counts{{"associate", 3}, {"member_of", 2}, {"possessed", 2}, {"met", 1}}));
  EXPECT_EQ(st.by_grade, (Counts{{"A1", 1}, {"B2", 2}, {"C3", 1}, {"ungraded", 4}}));
  // Weak: {p1,p2,o1,x1} {p3,f1} {p8} {p9}.
  EXPECT_EQ(st.components, 4u);
  EXPECT_EQ(st.largest_component, 4u);
  EXPECT_EQ(st.component_sizes, (std::vector<uint64_t>{4, 2, 1, 1}));
  // Strong: {p1,p2,x1} (undirected links both ways), then o1, p3, f1, p8, p9 alone.
  EXPECT_EQ(st.strong_components, 6u);
  EXPECT_EQ(st.largest_strong_component, 3u);
  // Degrees (distinct neighbours, loops aside): p1 3, p2 2, o1 2, p3 1, f1 1, x1 1, p8 0, p9 0.
  EXPECT_EQ(st.degree.min, 0u);
  EXPECT_EQ(st.degree.max, 3u);
  EXPECT_DOUBLE_EQ(st.degree.mean, 10.0 / 8.0);
  EXPECT_DOUBLE_EQ(st.degree.median, 1.0);

  // Lone entities (p8 with its self-loop, p9) are components but not networks.
  ASSERT_EQ(st.networks.size(), 2u);
  const NetworkSummary& big = st.networks[0];
  EXPECT_EQ(big.size, 4u);
  EXPECT_EQ(big.links, 5u);  // l0 l1 l2 l3 l7
  EXPECT_EQ(big.kinds, (Counts{{"person", 2}, {"organization", 1}, {"unknown", 1}}));
  EXPECT_EQ(big.countries, (std::vector<std::string>{"GH", "NG"}));
  ASSERT_EQ(big.top_members.size(), 4u);
  EXPECT_EQ(big.top_members[0].id, "p1");
  EXPECT_EQ(big.top_members[0].degree, 3u);
  EXPECT_EQ(big.top_members[0].kind, "person");
  EXPECT_EQ(big.top_members[1].id, "o1");  // degree 2, "o1" < "p2"
  EXPECT_EQ(big.top_members[2].id, "p2");
  EXPECT_EQ(big.top_members[3].id, "x1");
  EXPECT_EQ(big.top_members[3].degree, 1u);
  const NetworkSummary& gun = st.networks[1];
  EXPECT_EQ(gun.size, 2u);
  EXPECT_EQ(gun.links, 2u);
  EXPECT_TRUE(gun.countries.empty());
  ASSERT_EQ(gun.top_members.size(), 2u);
  EXPECT_EQ(gun.top_members[0].id, "f1");  // the smaller of the merged ids
  EXPECT_EQ(gun.top_members[1].id, "p3");
}

TEST(Stats, OptionsLimitTheLists) {
  StatsOptions o;
  o.top_components = 2;
  o.networks = 1;
  o.members = 2;
  const GraphStats st = ComputeStats(CaseModel(), o);
  EXPECT_EQ(st.components, 4u);
  EXPECT_EQ(st.component_sizes, (std::vector<uint64_t>{4, 2}));
  ASSERT_EQ(st.networks.size(), 1u);
  ASSERT_EQ(st.networks[0].top_members.size(), 2u);
  EXPECT_EQ(st.networks[0].top_members[1].id, "o1");
}

TEST(Stats, EmptyModel) {
  Graph g;
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.entities, 0u);
  EXPECT_EQ(st.links, 0u);
  EXPECT_EQ(st.distinct_pairs, 0u);
  EXPECT_EQ(st.isolates, 0u);
  EXPECT_EQ(st.components, 0u);
  EXPECT_EQ(st.largest_component, 0u);
  EXPECT_EQ(st.strong_components, 0u);
  EXPECT_TRUE(st.component_sizes.empty());
  EXPECT_TRUE(st.by_kind.empty());
  EXPECT_TRUE(st.by_link_type.empty());
  EXPECT_TRUE(st.by_grade.empty());
  EXPECT_TRUE(st.networks.empty());
  EXPECT_FALSE(st.link_dates.dated());
  EXPECT_EQ(st.degree.max, 0u);
  EXPECT_EQ(st.degree.mean, 0.0);
}

TEST(Stats, PathWithParallelAndReciprocalLinks) {
  // a - b - c, with a-b three times (both ways) and b -> c directed plus c -> b directed.
  Graph g;
  const std::vector<LinkInput> links = {Lnk("a", "b", "associate"), Lnk("b", "a", "associate"),
                                        Lnk("a", "b", "met"), Lnk("b", "c", "called"),
                                        Lnk("c", "b", "called")};
  g.Add({}, links);
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.entities, 3u);
  EXPECT_EQ(st.implicit_entities, 3u);
  EXPECT_EQ(st.links, 5u);
  EXPECT_EQ(st.directed_links, 2u);
  EXPECT_EQ(st.distinct_pairs, 2u);
  EXPECT_EQ(st.isolates, 0u);
  EXPECT_EQ(st.degree.min, 1u);
  EXPECT_EQ(st.degree.max, 2u);
  EXPECT_DOUBLE_EQ(st.degree.mean, 4.0 / 3.0);
  EXPECT_DOUBLE_EQ(st.degree.median, 1.0);  // odd count: the middle one
  EXPECT_EQ(st.components, 1u);
  EXPECT_EQ(st.strong_components, 1u);  // b <-> c by two arcs, a - b undirected
  EXPECT_EQ(st.largest_strong_component, 3u);
  EXPECT_EQ(st.by_kind, (Counts{{"unknown", 3}}));
  EXPECT_EQ(st.by_link_type, (Counts{{"associate", 2}, {"called", 2}, {"met", 1}}));
  EXPECT_EQ(st.by_grade, (Counts{{"ungraded", 5}}));
  EXPECT_EQ(st.graded_links, 0u);
  EXPECT_FALSE(st.link_dates.dated());
}

TEST(Stats, UndirectedOnlyStrongEqualsWeak) {
  Graph g;
  const std::vector<EntityInput> entities = {Ent("a", "person"), Ent("b", "person"),
                                             Ent("c", "person"), Ent("d", "person")};
  const std::vector<LinkInput> links = {Lnk("a", "b", "associate"), Lnk("c", "d", "met")};
  g.Add(entities, links);
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.components, 2u);
  EXPECT_EQ(st.strong_components, 2u);
  EXPECT_EQ(st.largest_strong_component, 2u);
  EXPECT_DOUBLE_EQ(st.degree.median, 1.0);  // even count: mean of the middle two
  EXPECT_EQ(st.implicit_entities, 0u);
}

TEST(Stats, FirearmsMergedByMakeAndNormalisedSerial) {
  Graph g;
  const std::vector<EntityInput> entities = {
      Gun("g1", "Glock", "AB-123"),
      Gun("g2", "GLOCK ", "ab.123"),  // the same gun as g1
      Gun("g3", "Glock", "AB124"),    // another serial
      Gun("g4", "", "AB123"),         // no make: never merged
      Gun("g5", "Smith & Wesson", "x 1"),
      Gun("g6", "smith-wesson", "X/1"),  // the same gun as g5
      Gun("g1", "Glock", "AB123"),       // g1 again: a record, not a merge
      Ent("p1", "person"),
  };
  g.Add(entities, {});
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.entities, 5u);
  EXPECT_EQ(st.firearms, 4u);
  EXPECT_EQ(st.firearm_records, 7u);
  EXPECT_EQ(st.merged_firearm_records, 2u);
  EXPECT_EQ(st.by_kind, (Counts{{"firearm", 4}, {"person", 1}}));
  EXPECT_EQ(st.isolates, 5u);
  EXPECT_EQ(st.components, 5u);
  EXPECT_EQ(st.distinct_pairs, 0u);
}

TEST(Stats, EntityDeclaredAfterALinkNamedItIsNotImplicit) {
  Graph g;
  g.LoadText("case.jsonl",
             "{\"record\": \"link\", \"from\": \"a\", \"to\": \"b\", \"type\": \"met\"}\n"
             "{\"record\": \"entity\", \"id\": \"b\", \"kind\": \"person\"}\n");
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.entities, 2u);
  EXPECT_EQ(st.implicit_entities, 1u);
  EXPECT_EQ(st.by_kind, (Counts{{"person", 1}, {"unknown", 1}}));
}

}  // namespace
}  // namespace linkscope
