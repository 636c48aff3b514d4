// GML (Graph Modelling Language): engine/src/ingest/gml_reader.cpp, through Graph::LoadText and
// Graph::Load.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ingest/reader_test_util.hpp"

namespace linkscope {
namespace {

using namespace testing;  // linkscope::testing: reader_test_util.hpp, test_util.hpp

// A graph with some content, so that "unchanged" means something.
Graph BaseGraph() {
  Graph g;
  g.LoadText("base-entities.csv", "id,kind,name\nX1,person,Xavier\n9,person,Nine\n");
  g.LoadText("base.gml",
             "graph [ node [ id \"X2\" label \"Two\" ] edge [ source \"X1\" target \"X2\" ] ]");
  return g;
}

// ---------------------------------------------------------------------------------------------
// Nodes, edges, attributes

TEST(GmlReader, NodesAndEdgesWithTheirAttributes) {
  Graph g;
  const LoadReport r = g.LoadText("net.gml",
                                  "Creator \"igraph version 0.10\"\n"
                                  "Version 1\n"
                                  "graph [\n"
                                  "  directed 0\n"
                                  "  label \"a test\"\n"
                                  "  node [ id 1 label \"Ann\" age 42 role \"boss\" ]\n"
                                  "  node [ id 2 label \"Bob\" ]\n"
                                  "  node [ id 3 ]\n"
                                  "  edge [ source 1 target 2 value 2.5 since \"2019\" ]\n"
                                  "  edge [ source 2 target 4 ]\n"
                                  "]\n");
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, InputFormat::kGml);
  EXPECT_EQ(r.files[0].records, 5u);
  EXPECT_EQ(r.files[0].entity_records, 3u);
  EXPECT_EQ(r.files[0].links, 2u);
  EXPECT_TRUE(r.errors.empty());
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 4u);
  const EntityId ann = Find(m, "1");
  EXPECT_EQ(m.Name(ann), "Ann");
  EXPECT_EQ(m.KindName(ann), "unknown");
  EXPECT_FALSE(m.Implicit(ann));
  EXPECT_EQ(m.Records(ann)[0].line, 6u);
  const auto props = m.Properties(ann);
  ASSERT_EQ(props.size(), 2u);
  EXPECT_EQ(Prop(props, "age")->type, PropertyValue::Type::kNumber);
  EXPECT_DOUBLE_EQ(Prop(props, "age")->number, 42.0);
  EXPECT_EQ(Prop(props, "role")->text, "boss");
  EXPECT_EQ(m.Name(Find(m, "3")), "");
  EXPECT_FALSE(m.Implicit(Find(m, "3")));
  EXPECT_TRUE(m.Implicit(Find(m, "4")));  // named only by an edge

  ASSERT_EQ(m.link_count(), 2u);
  EXPECT_EQ(m.From(0), ann);
  EXPECT_EQ(m.To(0), Find(m, "2"));
  EXPECT_FALSE(m.Directed(0));
  EXPECT_DOUBLE_EQ(m.Weight(0), 2.5);
  EXPECT_EQ(m.TypeName(0), "link");
  const auto lp = m.LinkProperties(0);
  ASSERT_EQ(lp.size(), 1u);
  EXPECT_EQ(Prop(lp, "since")->text, "2019");
  EXPECT_DOUBLE_EQ(m.Weight(1), 1.0);
}

TEST(GmlReader, DirectedFlag) {
  Graph g;
  g.LoadText("d.gml",
             "graph [ directed 1 node [ id 1 ] node [ id 2 ] edge [ source 2 target 1 ] ]");
  ASSERT_EQ(g.model().link_count(), 1u);
  EXPECT_TRUE(g.model().Directed(0));
  EXPECT_EQ(g.model().From(0), Find(g.model(), "2"));
  // The flag may follow the edges; LoadOptions::directed does not apply to GML.
  Graph h;
  LoadOptions o;
  o.directed = true;
  h.LoadText("d.gml", "graph [ edge [ source 1 target 2 ] directed 0 ]", o);
  EXPECT_FALSE(h.model().Directed(0));
  Graph k;
  k.LoadText("d.gml", "graph [ edge [ source 1 target 2 ] directed 1 ]");
  EXPECT_TRUE(k.model().Directed(0));
}

TEST(GmlReader, WeightTakesPrecedenceOverValue) {
  Graph g;
  g.LoadText("w.gml",
             "graph [\n"
             "  edge [ source 1 target 2 value 3 weight 4 ]\n"
             "  edge [ source 2 target 3 weight 5 value 6 ]\n"
             "  edge [ source 3 target 4 value 7 ]\n"
             "]\n");
  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 3u);
  EXPECT_DOUBLE_EQ(m.Weight(0), 4.0);
  EXPECT_DOUBLE_EQ(m.Weight(1), 5.0);
  EXPECT_DOUBLE_EQ(Prop(m.LinkProperties(1), "value")->number, 6.0);
  EXPECT_DOUBLE_EQ(m.Weight(2), 7.0);
}

TEST(GmlReader, OptionsGiveKindAndType) {
  Graph g;
  LoadOptions o;
  o.default_kind = "person";
  o.link_type = "met";
  g.LoadText("k.gml", "graph [ node [ id 1 ] edge [ source 1 target 2 ] ]", o);
  EXPECT_EQ(g.model().KindName(Find(g.model(), "1")), "person");
  EXPECT_EQ(g.model().KindName(Find(g.model(), "2")), "person");
  EXPECT_EQ(g.model().TypeName(0), "met");
}

TEST(GmlReader, StringAndIntegerIdsNameTheSameEntity) {
  Graph g;
  g.LoadText("ids.gml",
             "graph [ node [ id \"7\" label \"Seven\" ] node [ id \"n1\" ] node [ id +8 ] "
             "node [ id -3 ] edge [ source 7 target \"n1\" ] edge [ source \"8\" target -3 ] ]");
  const Model& m = g.model();
  EXPECT_EQ(m.entity_count(), 4u);
  EXPECT_EQ(m.From(0), Find(m, "7"));
  EXPECT_EQ(m.Name(m.From(0)), "Seven");
  EXPECT_EQ(m.To(0), Find(m, "n1"));
  EXPECT_EQ(m.From(1), Find(m, "8"));
  EXPECT_EQ(m.To(1), Find(m, "-3"));
  // Ids of earlier loads too.
  Graph h = BaseGraph();
  h.LoadText("more.gml", "graph [ edge [ source 9 target \"X1\" ] ]");
  const Model& n = h.model();
  EXPECT_EQ(n.From(n.link_count() - 1), Find(n, "9"));
  EXPECT_EQ(n.Name(Find(n, "9")), "Nine");
  EXPECT_EQ(n.To(n.link_count() - 1), Find(n, "X1"));
}

TEST(GmlReader, HtmlEntitiesInStrings) {
  Graph g;
  g.LoadText("e.gml",
             "graph [ node [ id 1 label \"&quot;Bull&quot; &amp; Caf&#233; &#x41;&#X42;&lt;&gt;"
             "&apos; &nbsp; &#0; &#xD800; & alone\" ] ]");
  EXPECT_EQ(g.model().Name(Find(g.model(), "1")),
            "\"Bull\" & Caf\xC3\xA9 AB<>' &nbsp; &#0; &#xD800; & alone");
  Graph h;
  h.LoadText("e.gml", "graph [ node [ id \"&#8364;&#128512;\" ] ]");
  EXPECT_TRUE(h.model().FindEntity("\xE2\x82\xAC\xF0\x9F\x98\x80"));
}

TEST(GmlReader, NestedListsAreFlattenedToDottedNames) {
  Graph g;
  g.LoadText("n.gml",
             "graph [\n"
             "  node [ id 1 graphics [ x 1.5 y -2 fill \"#ff0000\" Line [ point [ x 1e2 ] ] ] ]\n"
             "  edge [ source 1 target 1 graphics [ width 3 ] ]\n"
             "]\n");
  const Model& m = g.model();
  const auto props = m.Properties(Find(m, "1"));
  ASSERT_EQ(props.size(), 4u);
  EXPECT_DOUBLE_EQ(Prop(props, "graphics.x")->number, 1.5);
  EXPECT_DOUBLE_EQ(Prop(props, "graphics.y")->number, -2.0);
  EXPECT_EQ(Prop(props, "graphics.fill")->text, "#ff0000");
  EXPECT_DOUBLE_EQ(Prop(props, "graphics.Line.point.x")->number, 100.0);
  const auto lp = m.LinkProperties(0);
  ASSERT_EQ(lp.size(), 1u);
  EXPECT_DOUBLE_EQ(Prop(lp, "graphics.width")->number, 3.0);
}

TEST(GmlReader, CommentsAndMultiLineStrings) {
  Graph g;
  g.LoadText("c.gml",
             "# written by hand\n"
             "graph [ # the graph\n"
             "  node [ id 1 label \"two\n"
             "lines\" ] # a node\n"
             "  node [ id 2 ]\n"
             "]\n");
  const Model& m = g.model();
  EXPECT_EQ(m.Name(Find(m, "1")), "two\nlines");
  EXPECT_EQ(m.Records(Find(m, "2"))[0].line, 5u);
}

// ---------------------------------------------------------------------------------------------
// Line endings, BOM, empty files

TEST(GmlReader, CrlfLineEndings) {
  const std::string text =
      "graph [\r\n  node [ id 1 label \"A\" ]\r\n  edge [ source 1 target 2 value 2 ]\r\n]\r\n";
  Graph g;
  g.LoadText("crlf.gml", text);
  EXPECT_EQ(g.model().Name(Find(g.model(), "1")), "A");
  EXPECT_DOUBLE_EQ(g.model().Weight(0), 2.0);
  EXPECT_AT(StrictFailure(g, "crlf.gml", "graph [\r\n  node [ id 1 ]\r\n  node [ id 1 ]\r\n]\r\n"),
            3u, 3u);
}

TEST(GmlReader, Utf8ByteOrderMark) {
  Graph g;
  g.LoadText("bom.gml", "\xEF\xBB\xBFgraph [ node [ id 1 label \"A\" ] ]");
  EXPECT_EQ(g.model().Name(Find(g.model(), "1")), "A");
  // Columns do not count the BOM.
  EXPECT_AT(StrictFailure(g, "bom.gml", "\xEF\xBB\xBFgraph [ node [ label \"x\" ] ]"), 1u, 9u);
}

TEST(GmlReader, EmptyGraph) {
  Graph g = BaseGraph();
  const std::string before = Dump(g.model());
  for (const char* text : {"graph [ ]", "Creator \"x\"\ngraph [\n]\n", "graph [ directed 1 ]"}) {
    const LoadReport r = g.LoadText("empty.gml", text);
    EXPECT_EQ(r.files[0].records, 0u);
    EXPECT_TRUE(r.errors.empty());
  }
  EXPECT_EQ(Dump(g.model()), before);
}

TEST(GmlReader, FileWithoutAGraphIsAnError) {
  for (const char* text : {"", "\xEF\xBB\xBF", "  \n# nothing\n", "Creator \"x\"\n"}) {
    SCOPED_TRACE(text);
    Graph g = BaseGraph();
    const Failure f = StrictFailure(g, "none.gml", text);
    EXPECT_AT(f, 0u, 0u);
    EXPECT_TRUE(Contains(f.reason, "no \"graph")) << f.reason;
    LenientOneError(g, "none.gml", text, 0, 0);
  }
}

TEST(GmlReader, ReadFromAFile) {
  testing::TempDir dir;
  const std::string path =
      dir.File("net.gml", "graph [ node [ id 1 ] edge [ source 1 target 2 ] ]");
  Graph g;
  const LoadReport r = g.Load({path});
  EXPECT_EQ(r.files[0].format, InputFormat::kGml);
  EXPECT_EQ(g.model().link_count(), 1u);
  EXPECT_EQ(g.model().Records(Find(g.model(), "1"))[0].file, path);
}

// ---------------------------------------------------------------------------------------------
// Bad records: strict throws at the place and changes nothing; lenient skips only that record.

// `middle` is line 3 of a graph whose other lines hold good nodes 1 and 2 and edges 1-2 and
// 2-3. Strict must fail at line 3, `column`; lenient must keep all the good records.
void CheckBadRecord(const std::string& middle, uint32_t column, std::string_view reason) {
  const std::string text =
      "graph [\n"
      "  node [ id 1 label \"A\" ] edge [ source 1 target 2 ]\n" +
      middle +
      "\n"
      "  node [ id 2 label \"B\" ] edge [ source 2 target 3 ]\n"
      "]\n";
  SCOPED_TRACE(text);
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "bad.gml", text);
  EXPECT_AT(f, 3u, column);
  EXPECT_TRUE(Contains(f.reason, reason)) << f.reason;

  const uint32_t links_before = g.model().link_count();
  const LoadReport r = LenientOneError(g, "bad.gml", text, 3, column);
  if (!r.errors.empty()) {
    EXPECT_TRUE(Contains(r.errors[0].message, reason)) << r.errors[0].message;
  }
  const Model& m = g.model();
  EXPECT_EQ(m.Name(Find(m, "1")), "A");
  EXPECT_EQ(m.Name(Find(m, "2")), "B");
  EXPECT_EQ(m.link_count(), links_before + 2);
  EXPECT_TRUE(FindLink(m, "1", "2"));
  EXPECT_TRUE(FindLink(m, "2", "3"));
}

TEST(GmlReader, NodeWithoutId) {
  CheckBadRecord("  node [ label \"nobody\" ]", 3, "node without id");
}

TEST(GmlReader, DuplicateNodeId) {
  CheckBadRecord("  node [ id 1 label \"again\" ]", 3, "declared twice (first at line 2)");
  // The first declaration wins.
  Graph g;
  const LoadReport r = g.LoadText(
      "dup.gml", "graph [\n node [ id 5 label \"first\" ]\n node [ id 5 label \"second\" ]\n]",
      Lenient());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(Contains(r.errors[0].message, "declared twice (first at line 2)"))
      << r.errors[0].message;
  EXPECT_EQ(g.model().Name(Find(g.model(), "5")), "first");
  EXPECT_TRUE(g.model().Aliases(Find(g.model(), "5")).empty());
}

TEST(GmlReader, EdgeWithoutAnEndpoint) {
  CheckBadRecord("  edge [ source 1 ]", 3, "edge without target");
  CheckBadRecord("  edge [ target 1 weight 2 ]", 3, "edge without source");
}

TEST(GmlReader, NonIntegerId) {
  CheckBadRecord("  node [ id 1.5 ]", 13, "integers or strings");
  CheckBadRecord("  edge [ source 1 target 2e0 ]", 26, "integers or strings");
}

TEST(GmlReader, NonPositiveWeight) {
  CheckBadRecord("  edge [ source 1 target 2 weight 0 ]", 35, "weight must be a number > 0");
  CheckBadRecord("  edge [ source 1 target 2 value -1.5 ]", 34, "weight must be a number > 0");
}

TEST(GmlReader, NonNumericWeight) {
  CheckBadRecord("  edge [ source 1 target 2 weight \"heavy\" ]", 35, "weight");
}

TEST(GmlReader, InvalidUtf8InAString) {
  CheckBadRecord(
      "  node [ id 3 label \"A\xFF"
      "B\" ]",
      23, "invalid UTF-8");
  CheckBadRecord("  node [ id \"\xC3\" ]", 14, "invalid UTF-8");
}

TEST(GmlReader, BadIdText) { CheckBadRecord("  node [ id \"  \" ]", 13, "empty id"); }

TEST(GmlReader, LenientKeepsEveryGoodRecordAndListsEveryBadOne) {
  Graph g;
  const LoadReport r = g.LoadText("net.gml",
                                  "graph [\n"
                                  "  node [ id 1 ]\n"
                                  "  node [ label \"x\" ]\n"
                                  "  node [ id 2 ]\n"
                                  "  node [ id 1 ]\n"
                                  "  edge [ source 1 target 2 ]\n"
                                  "  edge [ source 2 ]\n"
                                  "  edge [ source 2 target 3 weight 0 ]\n"
                                  "  edge [ source 3 target 1 ]\n"
                                  "]\n",
                                  Lenient());
  ASSERT_EQ(r.errors.size(), 4u);
  const std::pair<uint64_t, uint32_t> where[] = {{3, 3}, {5, 3}, {7, 3}, {8, 35}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.errors[i].line, where[i].first) << i;
    EXPECT_EQ(r.errors[i].column, where[i].second) << i;
  }
  EXPECT_EQ(r.rejected, 4u);
  EXPECT_EQ(r.files[0].records, 8u);
  EXPECT_EQ(r.files[0].entity_records, 2u);
  EXPECT_EQ(r.files[0].links, 2u);
  const Model& m = g.model();
  EXPECT_EQ(m.entity_count(), 3u);
  EXPECT_TRUE(FindLink(m, "1", "2"));
  EXPECT_TRUE(FindLink(m, "3", "1"));
}

// ---------------------------------------------------------------------------------------------
// Syntax errors end the file: strict throws; lenient keeps the records read before.

struct SyntaxCase {
  const char* text;
  uint64_t line;
  uint32_t column;
  const char* reason;
  uint32_t nodes_kept;  // of "1", "2", "3", in that order
  uint32_t links_kept;
};

void CheckSyntaxError(const SyntaxCase& c) {
  SCOPED_TRACE(c.text);
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "broken.gml", c.text);
  EXPECT_AT(f, c.line, c.column);
  EXPECT_TRUE(Contains(f.reason, c.reason)) << f.reason;

  const uint32_t links_before = g.model().link_count();
  const LoadReport r = LenientOneError(g, "broken.gml", c.text, c.line, c.column);
  if (!r.errors.empty()) {
    EXPECT_TRUE(Contains(r.errors[0].message, c.reason)) << r.errors[0].message;
    EXPECT_TRUE(Contains(r.errors[0].message, "rest of the file skipped"));
  }
  const Model& m = g.model();
  const char* ids[] = {"2", "3", "4"};
  for (uint32_t i = 0; i < 3; ++i) {
    const auto e = m.FindEntity(ids[i]);
    if (i < c.nodes_kept) {
      EXPECT_TRUE(e && !m.Implicit(*e)) << ids[i];
    } else {
      EXPECT_TRUE(!e || m.Implicit(*e)) << ids[i];
    }
  }
  EXPECT_EQ(m.link_count(), links_before + c.links_kept);
}

TEST(GmlReader, UnclosedList) {
  CheckSyntaxError(
      {"graph [\n  node [ id 2 ]\n  node [ id 3 ]\n  edge [ source 2 target 3 ]\n"
       "  node [ id 4 label \"x\"\n",
       5, 8, "list opened here is not closed", 2, 1});
  CheckSyntaxError({"graph [\n  node [ id 2 ]\n  node [ id 3 graphics [ x 1\n", 3, 24,
                    "list opened here is not closed", 1, 0});
  CheckSyntaxError({"graph [\n  node [ id 2 ]\n  node [ id 3 graphics [ x 1 ]\n]\n", 1, 7,
                    "graph list opened here is not closed", 2, 0});
  CheckSyntaxError({"graph [\n  node [ id 2 ]\n  node [ id 3 ]\n  node [ id 4 ]\n", 1, 7,
                    "graph list opened here is not closed", 3, 0});
}

TEST(GmlReader, OtherSyntaxErrors) {
  CheckSyntaxError(
      {"graph [\n  node [ id 2 ]\n  node [ id 3 @ ]\n]\n", 3, 15, "unexpected character", 1, 0});
  CheckSyntaxError(
      {"graph [\n  node [ id 2 label \"open ]\n]\n", 2, 21, "string is not closed", 0, 0});
  CheckSyntaxError(
      {"graph [\n  node [ id 2 ]\n  node [ id 3 ]\n  node 4\n]\n", 4, 8, "expected '['", 2, 0});
  CheckSyntaxError({"graph [\n  node [ id 2 ]\n  directed \"yes\"\n]\n", 3, 12,
                    "directed must be 0 or 1", 1, 0});
  CheckSyntaxError(
      {"graph [\n  node [ id 2 ]\n  node [ id ]\n]\n", 3, 13, "expected a value", 1, 0});
  CheckSyntaxError(
      {"graph [ node [ id 2 ] ]\ngraph [ node [ id 3 ] ]\n", 2, 1, "more than one graph", 1, 0});
  CheckSyntaxError(
      {"graph [\n  node [ id 2 ]\n  node [ id 3 x 1.2.3 ]\n]\n", 3, 17, "bad number", 1, 0});
  CheckSyntaxError({"graph 5\n", 1, 7, "expected '[' after graph", 0, 0});
}

}  // namespace
}  // namespace linkscope
