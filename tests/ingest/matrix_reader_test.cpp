// UCINET-style adjacency and incidence matrices in CSV: engine/src/ingest/matrix_reader.cpp
// over csv.cpp, through Graph::LoadText and Graph::Load.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader_test_util.hpp"

namespace linkscope {
namespace {

using namespace testing;  // linkscope::testing: reader_test_util.hpp, test_util.hpp

// A graph with some content, so that "unchanged" means something.
Graph BaseGraph() {
  Graph g;
  g.LoadText("base-entities.csv", "id,kind,name\nX1,person,Xavier\nOrg,organization,Org\n");
  g.LoadText("base.csv", ",X1,X2\nX1,0,2\nX2,2,0\n", Format(InputFormat::kMatrix));
  return g;
}

LoadOptions Matrix(bool lenient = false) { return Format(InputFormat::kMatrix, lenient); }

// "a--b" for an undirected link, "a->b" for a directed one, with the weight when not 1.
std::vector<std::string> Links(const Model& m) {
  std::vector<std::string> out;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    std::ostringstream s;
    s << m.ExternalId(m.From(l)) << (m.Directed(l) ? "->" : "--") << m.ExternalId(m.To(l));
    if (m.Weight(l) != 1.0) s << ":" << m.Weight(l);
    out.push_back(s.str());
  }
  return out;
}

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// One-mode and two-mode matrices

TEST(MatrixReader, SymmetricMatrixGivesOneUndirectedLinkPerPair) {
  Graph g;
  const LoadReport r = g.LoadText("m.csv",
                                  ",a,b,c,d\n"
                                  "a,0,1,0,0\n"
                                  "b,1,0,2.5,0\n"
                                  "c,0,2.5,0,0\n"
                                  "d,0,0,0,0\n");
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, InputFormat::kMatrix);
  EXPECT_EQ(r.files[0].records, 4u);
  EXPECT_EQ(r.files[0].entity_records, 4u);
  EXPECT_EQ(r.files[0].links, 2u);
  EXPECT_TRUE(r.errors.empty());
  const Model& m = g.model();
  EXPECT_EQ(Links(m), (Strings{"a--b", "b--c:2.5"}));
  ASSERT_EQ(m.entity_count(), 4u);
  for (const char* id : {"a", "b", "c", "d"}) {
    const EntityId e = Find(m, id);
    EXPECT_FALSE(m.Implicit(e)) << id;  // labels declare entities, isolates too
    EXPECT_EQ(m.KindName(e), "unknown") << id;
  }
  EXPECT_EQ(m.TypeName(0), "link");
  // Each label is declared once, at its column label.
  EXPECT_EQ(m.Records(Find(m, "c")).size(), 1u);
  EXPECT_EQ(m.Records(Find(m, "c"))[0].line, 1u);
}

TEST(MatrixReader, AsymmetricMatrixGivesADirectedLinkPerCell) {
  Graph g;
  g.LoadText("m.csv",
             ",a,b,c\n"
             "a,0,1,0\n"
             "b,1,0,3\n"
             "c,0,0,0\n");
  EXPECT_EQ(Links(g.model()), (Strings{"a->b", "b->a", "b->c:3"}));
  // Mirror cells with different values are not symmetric either.
  Graph h;
  h.LoadText("m.csv", ",a,b\na,0,1\nb,2,0\n");
  EXPECT_EQ(Links(h.model()), (Strings{"a->b", "b->a:2"}));
}

TEST(MatrixReader, DiagonalCellsAreSelfLinks) {
  Graph g;
  g.LoadText("m.csv", ",a,b\na,4,1\nb,1,0\n");
  EXPECT_EQ(Links(g.model()), (Strings{"a--a:4", "a--b"}));
}

TEST(MatrixReader, TwoModeMatrixGivesIncidenceLinks) {
  Graph g;
  LoadOptions o = Matrix();
  o.default_kind = "person";
  o.column_kind = "event";
  const LoadReport r = g.LoadText("attendance.csv",
                                  ",M1,M2\n"
                                  "Ann,1,0\n"
                                  "Bob,1,2\n"
                                  "Cy,,\n",
                                  o);
  EXPECT_EQ(r.files[0].entity_records, 5u);
  const Model& m = g.model();
  EXPECT_EQ(Links(m), (Strings{"Ann--M1", "Bob--M1", "Bob--M2:2"}));
  for (const char* id : {"Ann", "Bob", "Cy"}) EXPECT_EQ(m.KindName(Find(m, id)), "person") << id;
  for (const char* id : {"M1", "M2"}) EXPECT_EQ(m.KindName(Find(m, id)), "event") << id;
  EXPECT_FALSE(m.Implicit(Find(m, "Cy")));
  EXPECT_EQ(m.Records(Find(m, "Bob"))[0].line, 3u);

  // Without a column kind, columns get the default kind.
  Graph h;
  LoadOptions p = Matrix();
  p.default_kind = "person";
  h.LoadText("attendance.csv", ",M1\nAnn,1\n", p);
  EXPECT_EQ(h.model().KindName(Find(h.model(), "M1")), "person");
}

TEST(MatrixReader, EmptyAndZeroCellsAreNoTie) {
  Graph g;
  g.LoadText("m.csv", ",a,b,c\na,,1,0.0\nb,1,, \nc,0,,\n");
  EXPECT_EQ(Links(g.model()), (Strings{"a--b"}));
  EXPECT_EQ(g.model().entity_count(), 3u);
}

TEST(MatrixReader, LinkTypeOption) {
  Graph g;
  LoadOptions o = Matrix();
  o.link_type = "Associate";
  g.LoadText("m.csv", ",a,b\na,0,1\nb,1,0\n", o);
  EXPECT_EQ(g.model().TypeName(0), "associate");
}

// ---------------------------------------------------------------------------------------------
// Separators, BOM, quoting, line endings, empty files

TEST(MatrixReader, SemicolonAndTabSeparated) {
  for (const char* text : {";a;b\na;0;1,5\nb;1,5;0\n", "\ta\tb\na\t0\t1.5\nb\t1.5\t0\n"}) {
    SCOPED_TRACE(text);
    Graph g;
    const LoadReport r = g.LoadText("m.csv", text, Matrix(true));
    if (text[0] == ';') {
      // "1,5" is not a number (decimal commas are not read): both rows are rejected.
      EXPECT_EQ(r.errors.size(), 2u);
      EXPECT_EQ(g.model().link_count(), 0u);
      EXPECT_EQ(g.model().entity_count(), 2u);
    } else {
      EXPECT_TRUE(r.errors.empty());
      EXPECT_EQ(Links(g.model()), (Strings{"a--b:1.5"}));
    }
  }
  Graph g;
  g.LoadText("m.csv", ";a;b\na;0;2\nb;2;0\n");
  EXPECT_EQ(Links(g.model()), (Strings{"a--b:2"}));
}

TEST(MatrixReader, BomAndQuotedEmptyCornerAsUcinetWritesThem) {
  Graph g;
  const LoadReport r =
      g.LoadText("ucinet.csv", "\xEF\xBB\xBF\"\",\"a\",\"b\"\r\n\"a\",0,1\r\n\"b\",1,0\r\n");
  EXPECT_EQ(r.files[0].format, InputFormat::kMatrix);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Links(g.model()), (Strings{"a--b"}));
  EXPECT_EQ(g.model().entity_count(), 2u);
  EXPECT_FALSE(g.model().FindEntity("\xEF\xBB\xBF"));
  // Columns do not count the BOM.
  const Failure f = StrictFailure(g, "ucinet.csv", "\xEF\xBB\xBF\"\",a,,b\na,0,1,0\n", Matrix());
  EXPECT_AT(f, 1u, 6u);
}

TEST(MatrixReader, NamedCornerCellWithSquareLabels) {
  Graph g;
  const LoadReport r = g.LoadText("team.csv",
                                  "players,ann,bob,cy\n"
                                  "ann,0,1,1\n"
                                  "bob,1,0,0\n"
                                  "cy,1,0,0\n");
  EXPECT_EQ(r.files[0].format, InputFormat::kMatrix);
  EXPECT_EQ(Links(g.model()), (Strings{"ann--bob", "ann--cy"}));
  EXPECT_FALSE(g.model().FindEntity("players"));
}

TEST(MatrixReader, CrlfLineEndings) {
  Graph g;
  g.LoadText("m.csv", ",a,b,c\r\na,0,1,0\r\nb,1,0,2\r\nc,0,2,0\r\n\r\n");
  EXPECT_EQ(Links(g.model()), (Strings{"a--b", "b--c:2"}));
  EXPECT_FALSE(g.model().FindEntity("c\r"));
  EXPECT_AT(StrictFailure(g, "m.csv", ",a,b\r\na,0,1\r\nb,1,x\r\n"), 3u, 5u);
}

TEST(MatrixReader, QuotedLabelsHoldDelimitersAndQuotes) {
  Graph g;
  const LoadReport r = g.LoadText("m.csv",
                                  "\"\",\"Smith, J\",\"Doe \"\"DJ\"\" A\"\n"
                                  "\"Smith, J\",0,1\n"
                                  "\"Doe \"\"DJ\"\" A\" ,1,0\n");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Links(g.model()), (Strings{"Smith, J--Doe \"DJ\" A"}));
}

TEST(MatrixReader, LineBreakInAQuotedLabel) {
  // A label is an id, and ids hold no control characters; the rows after it keep their
  // physical line numbers.
  const std::string text =
      ",\"M\n"
      "1\",M2\n"
      "Ann,1,1\n"
      "Bob,0,1\n";
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "m.csv", text, Matrix());
  EXPECT_AT(f, 1u, 2u);
  EXPECT_TRUE(Contains(f.reason, "control character")) << f.reason;
  LenientOneError(g, "m.csv", text, 1, 2, Matrix(true));
  const Model& m = g.model();
  EXPECT_TRUE(FindLink(m, "Ann", "M2"));
  EXPECT_TRUE(FindLink(m, "Bob", "M2"));
  EXPECT_EQ(m.Records(Find(m, "Bob"))[0].line, 4u);
  EXPECT_EQ(m.link_count(), 3u);  // X1--X2 of the base graph, and these two

  Graph h;
  const LoadReport r = h.LoadText("m.csv", ",\"M\n1\",M2\nAnn,1,1\nBob,x,1\n", Matrix(true));
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 4u);  // the row (rows are read before labels are declared)
  EXPECT_EQ(r.errors[0].column, 5u);
  EXPECT_EQ(r.errors[1].line, 1u);
  EXPECT_EQ(r.errors[1].column, 2u);
}

TEST(MatrixReader, EmptyFiles) {
  Graph g = BaseGraph();
  const std::string before = Dump(g.model());
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\r\n", "  \n"}) {
    const LoadReport r = g.LoadText("m.csv", text, Matrix());
    ASSERT_EQ(r.files.size(), 1u);
    EXPECT_EQ(r.files[0].records, 0u);
    EXPECT_TRUE(r.errors.empty());
  }
  EXPECT_EQ(Dump(g.model()), before);
  // Column labels alone: the column entities, no ties.
  g.LoadText("m.csv", ",p,q\n", Matrix());
  EXPECT_EQ(g.model().entity_count(), 5u);
  EXPECT_EQ(g.model().link_count(), 1u);
}

TEST(MatrixReader, ReadFromAFile) {
  testing::TempDir dir;
  const std::string path = dir.File("net.csv", ",a,b\na,0,1\nb,0,0\n");
  Graph g;
  const LoadReport r = g.Load({path});
  EXPECT_EQ(r.files[0].format, InputFormat::kMatrix);
  EXPECT_EQ(r.files[0].path, path);
  EXPECT_EQ(Links(g.model()), (Strings{"a->b"}));
  EXPECT_EQ(g.model().Records(Find(g.model(), "a"))[0].file, path);
}

// ---------------------------------------------------------------------------------------------
// Errors in the header end the file

TEST(MatrixReader, HeaderProblemsAreFatalForTheFile) {
  struct Case {
    const char* text;
    uint64_t line;
    uint32_t column;
    const char* reason;
  };
  const Case cases[] = {
      {"players\na\n", 1, 0, "at least one column label"},
      {",a,,b\na,0,1,0\n", 1, 4, "empty column label"},
      {",a,\"  \"\na,0,1\n", 1, 4, "empty column label"},
      {",a,b\xFF\na,0,1\n", 1, 5, "invalid UTF-8"},
      {",a,\"b\nc,1\n", 1, 4, "not closed"},
      // Row labels overlap the column labels without being the same list.
      {",a,b\na,0,1\nc,1,0\n", 2, 1, "row label \"a\" is also a column label"},
      {",a,b\nb,0,1\na,1,0\n", 2, 1, "row label \"b\" is also a column label"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Graph g = BaseGraph();
    const Failure f = StrictFailure(g, "m.csv", c.text, Matrix());
    EXPECT_AT(f, c.line, c.column);
    EXPECT_TRUE(Contains(f.reason, c.reason)) << f.reason;

    const std::string before = Dump(g.model());
    const LoadReport r = g.LoadText("m.csv", c.text, Matrix(true));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, c.line);
    EXPECT_EQ(r.errors[0].column, c.column);
    EXPECT_TRUE(Contains(r.errors[0].message, "rest of the file skipped"));
    EXPECT_EQ(Dump(g.model()), before);
  }
}

// ---------------------------------------------------------------------------------------------
// Bad rows: strict throws at the cell and changes nothing; lenient skips the row's ties only.

// A two-mode matrix with one bad row (Bob's, line 3): the other rows' ties are all kept and
// Bob stays an entity without ties.
void CheckBadRow(const std::string& bob_row, uint32_t column, std::string_view reason) {
  const std::string text = ",M1,M2,M3\nAnn,1,0,1\n" + bob_row + "\nCy,1,1,0\n";
  SCOPED_TRACE(text);
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "m.csv", text, Matrix());
  EXPECT_AT(f, 3u, column);
  EXPECT_TRUE(Contains(f.reason, reason)) << f.reason;

  const uint32_t before = g.model().link_count();
  const LoadReport r = LenientOneError(g, "m.csv", text, 3, column, Matrix(true));
  if (!r.errors.empty()) {
    EXPECT_TRUE(Contains(r.errors[0].message, reason)) << r.errors[0].message;
  }
  const Model& m = g.model();
  EXPECT_EQ(m.link_count(), before + 4);
  for (auto [a, b] : {std::pair{"Ann", "M1"}, {"Ann", "M3"}, {"Cy", "M1"}, {"Cy", "M2"}}) {
    EXPECT_TRUE(FindLink(m, a, b)) << a << b;
  }
  const auto bob = m.FindEntity("Bob");
  if (bob) {
    for (LinkId l = 0; l < m.link_count(); ++l) EXPECT_NE(m.From(l), *bob);
  }
}

TEST(MatrixReader, NonNumericCell) {
  CheckBadRow("Bob,0,x,1", 7, "cell \"x\" is not a number");
  CheckBadRow("Bob,0,1e999,1", 7, "is not a number");
  CheckBadRow("Bob,0,\xFF,1", 7, "is not a number");
}

TEST(MatrixReader, NegativeCell) { CheckBadRow("Bob,0,1,-2", 9, "negative tie value"); }

TEST(MatrixReader, RaggedRows) {
  CheckBadRow("Bob,0,1,1,1", 11, "ragged row: 5 cells");
  CheckBadRow("Bob,0,1", 0, "ragged row: 3 cells");
}

TEST(MatrixReader, BadRowLabels) {
  CheckBadRow(",0,1,1", 1, "empty row label");
  CheckBadRow("B\xFFob,0,1,1", 2, "invalid UTF-8");
}

TEST(MatrixReader, DuplicateLabelsAreOneEntityWithAWarning) {
  // As in the 9/11 associates matrix, where one name labels two rows and two columns.
  Graph g;
  const LoadReport r =
      g.LoadText("m.csv", ",a,b,a,c\na,0,1,0,0\nb,1,0,0,1\na,0,0,0,1\nc,0,1,1,0\n", Matrix());
  const Model& m = g.model();
  EXPECT_EQ(m.entity_count(), 3u);
  EXPECT_EQ(r.rejected, 0u);
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].line, 1u);
  EXPECT_EQ(r.warnings[0].column, 6u);
  EXPECT_TRUE(Contains(r.warnings[0].message, "column label \"a\" appears twice"));
  EXPECT_EQ(r.warnings[1].line, 4u);
  EXPECT_TRUE(Contains(r.warnings[1].message, "row label \"a\" appears twice (first at line 2)"));
  // Symmetric: a-b, b-c, a-c (from the second "a"), undirected.
  EXPECT_EQ(m.link_count(), 3u);
  EXPECT_TRUE(FindLink(m, "a", "c") || FindLink(m, "c", "a"));
  EXPECT_FALSE(m.Directed(0));
}

TEST(MatrixReader, UnclosedQuoteInARow) {
  const std::string text = ",M1,M2\nAnn,1,0\nBob,\"1,0\nCy,1,1\n";
  Graph g = BaseGraph();
  EXPECT_AT(StrictFailure(g, "m.csv", text, Matrix()), 3u, 5u);
  LenientOneError(g, "m.csv", text, 3, 5, Matrix(true));
  EXPECT_TRUE(FindLink(g.model(), "Ann", "M1"));
}

TEST(MatrixReader, LabelKindConflictsWithAnEarlierLoad) {
  // "Org" is an organization already; this matrix declares its rows persons.
  const std::string text = ",M1,M2\nAnn,1,0\nOrg,1,1\nCy,0,1\n";
  LoadOptions o = Matrix();
  o.default_kind = "person";
  o.column_kind = "event";
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "m.csv", text, o);
  EXPECT_AT(f, 3u, 1u);
  EXPECT_TRUE(Contains(f.reason, "\"Org\" has kind \"organization\"")) << f.reason;
  LenientOneError(g, "m.csv", text, 3, 1, o);
  const Model& m = g.model();
  EXPECT_TRUE(FindLink(m, "Ann", "M1"));
  EXPECT_TRUE(FindLink(m, "Cy", "M2"));
  EXPECT_FALSE(FindLink(m, "Org", "M1"));
  EXPECT_EQ(m.KindName(Find(m, "Org")), "organization");
}

TEST(MatrixReader, LenientBadRowInASymmetricMatrixKeepsItUndirected) {
  // Row b is rejected; the remaining ties are still those of a symmetric matrix (one undirected
  // link per pair), including a-b, which row a still gives.
  Graph g;
  const LoadReport r = g.LoadText("m.csv",
                                  ",a,b,c\n"
                                  "a,0,1,1\n"
                                  "b,1,0,x\n"
                                  "c,1,0,0\n",
                                  Matrix(true));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[0].column, 7u);
  EXPECT_EQ(Links(g.model()), (Strings{"a--b", "a--c"}));
}

TEST(MatrixReader, LenientBadLabelInAOneModeMatrixKeepsTheOtherRows) {
  // The row without a label keeps its place, so the matrix is still one-mode.
  Graph g;
  const LoadReport r = g.LoadText("m.csv",
                                  ",a,b,c\n"
                                  "a,0,1,1\n"
                                  ",1,0,1\n"
                                  "c,1,1,0\n",
                                  Matrix(true));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[0].column, 1u);
  EXPECT_TRUE(Contains(r.errors[0].message, "empty row label"));
  EXPECT_EQ(Links(g.model()), (Strings{"a--b", "a--c", "c--b"}));
  EXPECT_EQ(g.model().entity_count(), 3u);
}

TEST(MatrixReader, LenientKeepsEveryGoodRowAndListsEveryBadOne) {
  Graph g;
  const LoadReport r = g.LoadText("m.csv",
                                  ",M1,M2\n"
                                  "A,1,0\n"
                                  "B,x,1\n"
                                  "C,0,1\n"
                                  "D,1,-1\n"
                                  "E,1,1,1\n"
                                  "F,2,\n",
                                  Matrix(true));
  ASSERT_EQ(r.errors.size(), 3u);
  const std::pair<uint64_t, uint32_t> where[] = {{3, 3}, {5, 5}, {6, 7}};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.errors[i].line, where[i].first) << i;
    EXPECT_EQ(r.errors[i].column, where[i].second) << i;
  }
  EXPECT_EQ(r.rejected, 3u);
  EXPECT_EQ(r.files[0].records, 6u);
  EXPECT_EQ(Links(g.model()), (Strings{"A--M1", "C--M2", "F--M1:2"}));
}

}  // namespace
}  // namespace linkscope
