// Graph::AddTables: columns held in memory load with the same rules as a file, strict or
// lenient, naming the table and row of a bad value.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"

namespace linkscope {
namespace {

using Views = std::vector<std::string_view>;

struct Tables {
  Views id{"A", "B", "G1"};
  Views kind{"person", "person", "firearm"};
  Views name{"Ann", "", ""};
  Views serial{"", "", "SN-001"};
  std::vector<double> age{31, NAN, NAN};
  Views from{"A", "B", "A", "C"};
  Views to{"B", "G1", "G1", "A"};
  Views type{"met", "possessed", "", ""};
  Views date{"2020-01-02", "", "2021", ""};
  Views grade{"B2", "", "", "A1"};
  std::vector<double> weight{2, NAN, 1, 3};
  std::vector<int8_t> directed{-1, 1, 0, -1};
  Views note{"x", "", "z", ""};

  EntityTable Entities() const {
    EntityTable t;
    t.rows = id.size();
    t.id = id;
    t.kind = kind;
    t.label = name;
    t.serial = serial;
    t.properties.push_back(PropertyColumn{"age", {}, age});
    return t;
  }
  LinkTable Links() const {
    LinkTable t;
    t.rows = from.size();
    t.from = from;
    t.to = to;
    t.type = type;
    t.date = date;
    t.grade = grade;
    t.weight = weight;
    t.directed = directed;
    t.properties.push_back(PropertyColumn{"note", note, {}});
    return t;
  }
};

TEST(AddTables, LoadsLikeRecords) {
  const Tables t;
  Graph g;
  const LoadReport r = g.AddTables(t.Entities(), t.Links());
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 4u);  // C is implicit
  ASSERT_EQ(m.link_count(), 4u);
  EXPECT_EQ(r.links_added, 4u);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].records, 3u);
  EXPECT_EQ(r.files[1].links, 4u);
  EXPECT_EQ(m.Name(*m.FindEntity("A")), "Ann");
  EXPECT_TRUE(m.Implicit(*m.FindEntity("C")));
  EXPECT_EQ(m.Firearm(*m.FindEntity("G1"))->serial, "SN-001");
  const auto props = m.Properties(*m.FindEntity("A"));
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(props[0].key, "age");
  EXPECT_EQ(props[0].value.number, 31);
  EXPECT_TRUE(m.Properties(*m.FindEntity("B")).empty());  // NaN: not given
  EXPECT_EQ(m.TypeName(0), "met");
  EXPECT_EQ(m.Weight(0), 2);
  EXPECT_EQ(m.Weight(1), 1);  // NaN: the default
  EXPECT_TRUE(m.Directed(1));
  EXPECT_FALSE(m.Directed(2));
  EXPECT_EQ(m.LinkGrade(3).ToString(), "A1");
  EXPECT_EQ(FormatDateRange(m.LinkDates(2)), "2021");
  EXPECT_EQ(m.LinkProperties(0).size(), 1u);
  EXPECT_TRUE(m.LinkProperties(1).empty());

  // The same records through the record API give the same model.
  Graph h;
  std::vector<EntityInput> es(3);
  es[0].id = "A", es[0].kind = "person", es[0].name = "Ann";
  es[0].properties.push_back({"age", 31.0});
  es[1].id = "B", es[1].kind = "person";
  es[2].id = "G1", es[2].kind = "firearm", es[2].serial = "SN-001";
  std::vector<LinkInput> ls(4);
  ls[0].from = "A", ls[0].to = "B", ls[0].type = "met", ls[0].date = "2020-01-02";
  ls[0].grade = "B2", ls[0].weight = 2, ls[0].properties.push_back({"note", std::string("x")});
  ls[1].from = "B", ls[1].to = "G1", ls[1].type = "possessed", ls[1].directed = true;
  ls[2].from = "A", ls[2].to = "G1", ls[2].date = "2021", ls[2].directed = false;
  ls[2].properties.push_back({"note", std::string("z")});
  ls[3].from = "C", ls[3].to = "A", ls[3].grade = "A1", ls[3].weight = 3;
  h.Add(es, ls);
  const Snapshot a = g.TakeSnapshot();
  const Snapshot b = h.TakeSnapshot();
  ASSERT_EQ(a.vertex_count(), b.vertex_count());
  for (VertexId v = 0; v < a.vertex_count(); ++v) {
    EXPECT_EQ(a.ExternalId(v), b.ExternalId(v));
    EXPECT_EQ(std::vector<VertexId>(a.Out(v).begin(), a.Out(v).end()),
              std::vector<VertexId>(b.Out(v).begin(), b.Out(v).end()));
  }
}

TEST(AddTables, StrictErrorNamesTableAndRowAndKeepsTheGraph) {
  Tables t;
  t.weight[2] = -1;
  Graph g;
  g.AddTables({}, [] {
    LinkTable one;
    static const Views f{"X"}, to{"Y"};
    one.rows = 1;
    one.from = f;
    one.to = to;
    return one;
  }());
  try {
    g.AddTables(t.Entities(), t.Links());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "links");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(e.reason().find("weight"), std::string::npos) << e.reason();
  }
  EXPECT_EQ(g.model().entity_count(), 2u);  // only X and Y from before
  EXPECT_EQ(g.model().link_count(), 1u);
}

TEST(AddTables, LenientSkipsBadRowsAndKeepsTheRest) {
  Tables t;
  t.to[1] = "";        // missing end
  t.grade[3] = "Z9";   // bad grade
  LoadOptions lenient;
  lenient.lenient = true;
  Graph g;
  const LoadReport r = g.AddTables(t.Entities(), t.Links(), lenient);
  EXPECT_EQ(g.model().link_count(), 2u);
  EXPECT_EQ(r.rejected, 2u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].file, "links");
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[1].line, 4u);
}

// Tables of bare ends and weights take a shorter path; it must give what the full validation
// gives, bad rows included.
TEST(AddTables, BareTablesLoadLikeRecords) {
  const Views from{" A", "B", "A", "C", "", "D\x01"};
  const Views to{"B ", "C", "A", "A", "B", "A"};
  const std::vector<double> weight{1.5, NAN, 2, -1, 1, 1};
  LinkTable t;
  t.rows = from.size();
  t.from = from;
  t.to = to;
  t.weight = weight;
  LoadOptions lenient;
  lenient.lenient = true;
  Graph g;
  const LoadReport r = g.AddTables({}, t, lenient);
  ASSERT_EQ(r.rejected, 3u);  // weight -1, empty end, control character
  EXPECT_EQ(r.errors[0].line, 4u);
  EXPECT_EQ(r.errors[1].line, 5u);
  EXPECT_EQ(r.errors[2].line, 6u);
  EXPECT_EQ(r.files[1].records, 6u);

  Graph h;
  std::vector<LinkInput> ls(3);
  ls[0].from = "A", ls[0].to = "B", ls[0].weight = 1.5;
  ls[1].from = "B", ls[1].to = "C";
  ls[2].from = "A", ls[2].to = "A", ls[2].weight = 2;
  h.Add({}, ls);
  const Model& a = g.model();
  const Model& b = h.model();
  ASSERT_EQ(a.entity_count(), b.entity_count());
  ASSERT_EQ(a.link_count(), b.link_count());
  for (LinkId l = 0; l < a.link_count(); ++l) {
    EXPECT_EQ(a.ExternalId(a.From(l)), b.ExternalId(b.From(l)));
    EXPECT_EQ(a.ExternalId(a.To(l)), b.ExternalId(b.To(l)));
    EXPECT_EQ(a.TypeName(l), b.TypeName(l));
    EXPECT_EQ(a.Directed(l), b.Directed(l));
    EXPECT_EQ(a.Weight(l), b.Weight(l));
    EXPECT_EQ(a.LinkDates(l), b.LinkDates(l));
    EXPECT_EQ(a.Source(l), b.Source(l));
  }
  for (EntityId e = 0; e < a.entity_count(); ++e) {
    EXPECT_EQ(a.ExternalId(e), b.ExternalId(e));
    EXPECT_EQ(a.KindName(e), b.KindName(e));
    EXPECT_TRUE(a.Implicit(e));
  }
  Graph strict;
  EXPECT_THROW(strict.AddTables({}, t), InputError);
  EXPECT_EQ(strict.model().link_count(), 0u);
}

TEST(AddTables, RefusesColumnsOfTheWrongLength) {
  Tables t;
  LinkTable l = t.Links();
  l.rows = 3;
  Graph g;
  EXPECT_THROW(g.AddTables({}, l), UsageError);
  LinkTable no_ends;
  no_ends.rows = 2;
  EXPECT_THROW(g.AddTables({}, no_ends), UsageError);
  EntityTable no_id;
  no_id.rows = 1;
  EXPECT_THROW(g.AddTables(no_id, {}), UsageError);
  EXPECT_EQ(g.model().entity_count(), 0u);
}

}  // namespace
}  // namespace linkscope
