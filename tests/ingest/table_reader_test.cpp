// Links and entities tables (CSV/TSV with a header of field names): engine/src/ingest/
// table_reader.cpp over csv.cpp, driven through Graph::LoadText and Graph::Load.
#include <gtest/gtest.h>

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
  g.LoadText("base-entities.csv",
             "id,kind,name,country\nX1,person,Xavier,FR\nX2,organization,Xcorp,\n");
  g.LoadText("base-links.csv", "from,to,type,weight,grade\nX1,X2,member_of,2,B2\nX2,X3,,,\n");
  return g;
}

// ---------------------------------------------------------------------------------------------
// Links tables

TEST(TableReader, LinksTableReadsEveryField) {
  Graph g;
  const LoadReport r = g.LoadText(
      "links.csv",
      "from,to,type,directed,weight,date,source,grade,handling,id,since:date,amount:number,"
      "note\n"
      "A,B,supplied,,2.5,2019-03,informant 7,B2,3,L1,2018,1200.5,first contact\n"
      "B,C,associate,,,,,,,,,,\n"
      "C,A,associate,yes,1,,,c6,,,,,\n");
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, InputFormat::kLinksTable);
  EXPECT_EQ(r.files[0].records, 3u);
  EXPECT_EQ(r.files[0].links, 3u);
  EXPECT_EQ(r.links_added, 3u);
  EXPECT_TRUE(r.errors.empty());

  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 3u);
  ASSERT_EQ(m.entity_count(), 3u);
  EXPECT_EQ(m.ExternalId(m.From(0)), "A");
  EXPECT_EQ(m.ExternalId(m.To(0)), "B");
  EXPECT_EQ(m.TypeName(0), "supplied");
  EXPECT_TRUE(m.Directed(0));  // "supplied" is directed by default
  EXPECT_DOUBLE_EQ(m.Weight(0), 2.5);
  EXPECT_EQ(m.LinkDates(0), Date("2019-03"));
  EXPECT_EQ(m.Source(0), "informant 7");
  EXPECT_EQ(m.LinkGrade(0).ToString(), "B2");
  EXPECT_EQ(m.Handling(0), 3);
  EXPECT_EQ(m.LinkExternalId(0), "L1");
  const auto props = m.LinkProperties(0);
  ASSERT_EQ(props.size(), 3u);
  auto since = Prop(props, "since");
  ASSERT_TRUE(since);
  EXPECT_EQ(since->type, PropertyValue::Type::kDate);
  EXPECT_EQ(since->date, Date("2018"));
  auto amount = Prop(props, "amount");
  ASSERT_TRUE(amount);
  EXPECT_EQ(amount->type, PropertyValue::Type::kNumber);
  EXPECT_DOUBLE_EQ(amount->number, 1200.5);
  auto note = Prop(props, "note");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->type, PropertyValue::Type::kString);
  EXPECT_EQ(note->text, "first contact");

  // Empty cells are absent fields: defaults apply.
  EXPECT_FALSE(m.Directed(1));  // "associate" is undirected
  EXPECT_DOUBLE_EQ(m.Weight(1), 1.0);
  EXPECT_FALSE(m.LinkDates(1).dated());
  EXPECT_EQ(m.Source(1), "");
  EXPECT_FALSE(m.LinkGrade(1).graded());
  EXPECT_EQ(m.Handling(1), 0);
  EXPECT_EQ(m.LinkExternalId(1), "");
  EXPECT_TRUE(m.LinkProperties(1).empty());

  // An explicit "directed" overrides the type's default; grades are case-insensitive.
  EXPECT_TRUE(m.Directed(2));
  EXPECT_EQ(m.LinkGrade(2).ToString(), "C6");
}

TEST(TableReader, LinkEndpointsBecomeImplicitEntitiesOfTheDefaultKind) {
  Graph g;
  LoadOptions o;
  o.default_kind = "person";
  o.link_type = "met";
  g.LoadText("links.csv", "from,to\nAnn,Bob\nBob, Cy \n", o);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 3u);
  for (const char* id : {"Ann", "Bob", "Cy"}) {
    const EntityId e = Find(m, id);  // " Cy " is trimmed
    EXPECT_TRUE(m.Implicit(e)) << id;
    EXPECT_EQ(m.KindName(e), "person") << id;
  }
  ASSERT_EQ(m.link_count(), 2u);
  EXPECT_EQ(m.TypeName(0), "met");
  EXPECT_EQ(m.TypeName(1), "met");
  EXPECT_FALSE(m.Directed(0));
}

TEST(TableReader, StartAndEndColumnsGiveAnInterval) {
  Graph g;
  g.LoadText("links.csv", "from,to,start,end\nA,B,2019-01,2019-06-30\nB,C,2020,\n");
  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 2u);
  EXPECT_EQ(m.LinkDates(0).lo, Date("2019-01").lo);
  EXPECT_EQ(m.LinkDates(0).hi, Date("2019-06-30").hi);
  EXPECT_EQ(m.LinkDates(1).lo, Date("2020").lo);
  EXPECT_EQ(m.LinkDates(1).hi, kOpenEnd);
}

TEST(TableReader, SemicolonAndTabSeparatedTables) {
  Graph g;
  g.LoadText("links.csv", "from;to;weight;note\nA;B;2;x,y\n");
  g.LoadText("people.tsv", "id\tname\tcountry\nA\tAnn, the first\tGH\n");
  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 1u);
  EXPECT_DOUBLE_EQ(m.Weight(0), 2.0);
  auto note = Prop(m.LinkProperties(0), "note");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->text, "x,y");
  const EntityId a = Find(m, "A");
  EXPECT_EQ(m.Name(a), "Ann, the first");
  EXPECT_EQ(m.Country(a), "GH");
  EXPECT_FALSE(m.Implicit(a));
}

TEST(TableReader, ColumnsThatAreNotFieldsOfTheTableBecomeProperties) {
  Graph g;
  // "name" is not a link field and "weight" is not an entity field.
  g.LoadText("links.csv", "from,to,name\nA,B,the deal\n");
  g.LoadText("entities.csv", "id,weight\nA,80kg\n");
  const Model& m = g.model();
  auto name = Prop(m.LinkProperties(0), "name");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->text, "the deal");
  auto weight = Prop(m.Properties(Find(m, "A")), "weight");
  ASSERT_TRUE(weight);
  EXPECT_EQ(weight->text, "80kg");
}

// ---------------------------------------------------------------------------------------------
// Entities tables

TEST(TableReader, EntitiesTableReadsEveryField) {
  Graph g;
  const LoadReport r =
      g.LoadText("entities.csv",
                 "id,kind,name,aliases,country,start,end,source,dob:date,age:number,note\n"
                 "P1,person,Ann Smith,Annie|A. Smith| ,GHA,2015,2019-06,police,1980-02-01,43,tall\n"
                 "O1,Organisation,Acme Ltd,,cd,,,,,,\n"
                 "L1,location,Accra,,XK,,,,,,\n");
  EXPECT_EQ(r.files[0].format, InputFormat::kEntitiesTable);
  EXPECT_EQ(r.files[0].entity_records, 3u);
  EXPECT_EQ(r.entities_created, 3u);
  EXPECT_EQ(r.implicit_created, 0u);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 3u);

  const EntityId p = Find(m, "P1");
  EXPECT_EQ(m.KindName(p), "person");
  EXPECT_EQ(m.Name(p), "Ann Smith");
  EXPECT_EQ(m.Aliases(p), (std::vector<std::string_view>{"Annie", "A. Smith"}));
  EXPECT_EQ(m.Country(p), "GH");  // alpha-3 converted
  EXPECT_EQ(m.Dates(p).lo, Date("2015").lo);
  EXPECT_EQ(m.Dates(p).hi, Date("2019-06").hi);
  EXPECT_FALSE(m.Implicit(p));
  const auto records = m.Records(p);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].source, "police");
  EXPECT_EQ(records[0].file, "entities.csv");
  EXPECT_EQ(records[0].line, 2u);
  const auto props = m.Properties(p);
  ASSERT_EQ(props.size(), 3u);
  EXPECT_EQ(Prop(props, "dob")->date, Date("1980-02-01"));
  EXPECT_DOUBLE_EQ(Prop(props, "age")->number, 43.0);
  EXPECT_EQ(Prop(props, "note")->text, "tall");

  const EntityId o = Find(m, "O1");
  EXPECT_EQ(m.KindName(o), "organization");
  EXPECT_EQ(m.Country(o), "CD");
  EXPECT_TRUE(m.Aliases(o).empty());
  EXPECT_FALSE(m.Dates(o).dated());
  EXPECT_TRUE(m.Properties(o).empty());
  EXPECT_EQ(m.Country(Find(m, "L1")), "XK");
  EXPECT_EQ(m.Records(Find(m, "L1"))[0].line, 4u);
}

TEST(TableReader, CommodityAndFirearmColumns) {
  Graph g;
  const LoadReport r =
      g.LoadText("items.csv",
                 "id,kind,category,quantity,unit,subtype,make,model,calibre,serial\n"
                 "C1,commodity,gold,12.5,kg,dore bars,,,,\n"
                 "F1,firearm,,,,,Glock,19,9mm,AB-123\n"
                 "F2,firearm,,,,,glock,,,ab123\n");
  const Model& m = g.model();
  const auto c = m.Commodity(Find(m, "C1"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->category, CommodityCategory::kGold);
  ASSERT_TRUE(c->quantity);
  EXPECT_DOUBLE_EQ(*c->quantity, 12.5);
  EXPECT_EQ(c->unit, "kg");
  EXPECT_EQ(c->subtype, "dore bars");
  // Same make and serial written differently: one gun.
  EXPECT_EQ(r.firearm_merges, 1u);
  EXPECT_EQ(Find(m, "F1"), Find(m, "F2"));
  const auto f = m.Firearm(Find(m, "F1"));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->make, "Glock");
  EXPECT_EQ(f->model, "19");
  EXPECT_EQ(f->calibre, "9mm");
  EXPECT_EQ(f->normalized_serial, "AB123");
}

TEST(TableReader, LinksResolveToEntitiesDeclaredInAnotherFile) {
  testing::TempDir dir;
  const std::string people = dir.File("people.csv", "id,kind,name\nP1,person,Ann\nP2,person,Bob\n");
  const std::string calls =
      dir.File("calls.tsv", "from\tto\ttype\nP1\tP2\tcalled\nP2\tP3\tcalled\n");
  Graph g;
  const LoadReport r = g.Load({people, calls});
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].format, InputFormat::kEntitiesTable);
  EXPECT_EQ(r.files[1].format, InputFormat::kLinksTable);
  EXPECT_EQ(r.files[0].path, people);
  EXPECT_EQ(r.implicit_created, 1u);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 3u);
  ASSERT_EQ(m.link_count(), 2u);
  EXPECT_EQ(m.From(0), Find(m, "P1"));
  EXPECT_EQ(m.To(0), Find(m, "P2"));
  EXPECT_TRUE(m.Directed(0));
  EXPECT_FALSE(m.Implicit(Find(m, "P2")));
  EXPECT_TRUE(m.Implicit(Find(m, "P3")));
  EXPECT_EQ(m.KindName(Find(m, "P3")), "unknown");
}

// ---------------------------------------------------------------------------------------------
// Line endings, BOM, quoting, empty files

TEST(TableReader, CrlfLineEndings) {
  Graph g;
  g.LoadText("links.csv",
             "from,to,weight,grade,note\r\nA,B,2,B2,plain\r\nB,C,3,A1,\"quoted\"\r\n\r\n"
             "C,D,4,C3,last\r\n");
  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 3u);
  EXPECT_DOUBLE_EQ(m.Weight(2), 4.0);
  EXPECT_EQ(Prop(m.LinkProperties(0), "note")->text, "plain");
  EXPECT_EQ(Prop(m.LinkProperties(1), "note")->text, "quoted");
  EXPECT_EQ(Prop(m.LinkProperties(2), "note")->text, "last");
  EXPECT_TRUE(m.FindEntity("D"));

  // Places are the same as with LF endings; the blank CRLF line still counts as a line.
  const Failure f = StrictFailure(g, "bad.csv", "from,to,weight\r\nA,B,1\r\n\r\nB,C,x\r\n");
  EXPECT_AT(f, 4u, 5u);
}

TEST(TableReader, CrlfOnALastUnquotedCellIsNotPartOfTheValue) {
  Graph g;
  // The grade is the last cell: "G7\r" must be reported as "G7".
  const Failure f = StrictFailure(g, "links.csv", "from,to,grade\r\nA,B,B2\r\nB,C,G7\r\n");
  EXPECT_AT(f, 3u, 5u);
  EXPECT_TRUE(Contains(f.reason, "\"G7\"")) << f.reason;
  EXPECT_FALSE(Contains(f.reason, "\\x0d")) << f.reason;
}

TEST(TableReader, Utf8ByteOrderMark) {
  Graph g;
  const LoadReport r = g.LoadText("people.csv", "\xEF\xBB\xBFid,name\nP1,Ann\n");
  EXPECT_EQ(r.files[0].format, InputFormat::kEntitiesTable);
  EXPECT_EQ(g.model().Name(Find(g.model(), "P1")), "Ann");
  g.LoadText("links.csv", "\xEF\xBB\xBF\"from\",to\r\nP1,P2\r\n");
  ASSERT_EQ(g.model().link_count(), 1u);
  EXPECT_EQ(g.model().From(0), Find(g.model(), "P1"));
  // Columns do not count the BOM.
  const Failure f = StrictFailure(g, "dup.csv",
                                  "\xEF\xBB\xBF"
                                  "from,to,from\nA,B,C\n",
                                  Format(InputFormat::kLinksTable));
  EXPECT_AT(f, 1u, 9u);
}

TEST(TableReader, QuotedCellsHoldDelimitersQuotesAndLineBreaks) {
  Graph g;
  const LoadReport r = g.LoadText("people.csv",
                                  "id,name,note\n"
                                  "P1,\"Smith, John\",\"says \"\"hi\"\"\"\n"
                                  "P2,\"two\n"
                                  "lines\",x\n"
                                  "\"P3\" ,Bob,\"a,b\"\n");
  EXPECT_TRUE(r.errors.empty());
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 3u);
  EXPECT_EQ(m.Name(Find(m, "P1")), "Smith, John");
  EXPECT_EQ(Prop(m.Properties(Find(m, "P1")), "note")->text, "says \"hi\"");
  EXPECT_EQ(m.Name(Find(m, "P2")), "two\nlines");
  EXPECT_EQ(Prop(m.Properties(Find(m, "P3")), "note")->text, "a,b");
  // Line numbers after a multi-line cell are physical lines.
  EXPECT_EQ(m.Records(Find(m, "P2"))[0].line, 3u);
  EXPECT_EQ(m.Records(Find(m, "P3"))[0].line, 5u);
}

TEST(TableReader, ErrorAfterAMultiLineCellHasThePhysicalLine) {
  const std::string text =
      "id,name,note\n"
      "P1,\"two\n"
      "lines\",x\n"
      "P2,Bob,\"ok\",extra\n"  // ragged: the fourth cell starts at column 13
      "P3,Cy,y\n";
  Graph g = BaseGraph();
  EXPECT_AT(StrictFailure(g, "people.csv", text), 4u, 13u);
  LenientOneError(g, "people.csv", text, 4, 13);
  EXPECT_TRUE(g.model().FindEntity("P1"));
  EXPECT_FALSE(g.model().FindEntity("P2"));
  EXPECT_TRUE(g.model().FindEntity("P3"));
}

TEST(TableReader, UnclosedQuoteSwallowsTheRestOfTheFile) {
  const std::string text = "from,to,note\nA,B,ok\nB,C,\"never closed\nC,D,x\n";
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "links.csv", text);
  EXPECT_AT(f, 3u, 5u);
  EXPECT_TRUE(Contains(f.reason, "not closed")) << f.reason;
  const uint32_t before = g.model().link_count();
  LenientOneError(g, "links.csv", text, 3, 5);
  EXPECT_EQ(g.model().link_count(), before + 1);
  EXPECT_TRUE(FindLink(g.model(), "A", "B"));
}

TEST(TableReader, TextAfterAClosingQuoteRejectsThatLineOnly) {
  const std::string text = "from,to,note\nA,B,ok\nB,\"C\"x,y\nC,D,z\n";
  Graph g = BaseGraph();
  EXPECT_AT(StrictFailure(g, "links.csv", text), 3u, 6u);
  const uint32_t before = g.model().link_count();
  LenientOneError(g, "links.csv", text, 3, 6);
  EXPECT_EQ(g.model().link_count(), before + 2);
  EXPECT_TRUE(FindLink(g.model(), "A", "B"));
  EXPECT_TRUE(FindLink(g.model(), "C", "D"));
  EXPECT_FALSE(g.model().FindEntity("\"C\"x"));
}

TEST(TableReader, EmptyFilesAndBlankLines) {
  Graph g = BaseGraph();
  const std::string before = Dump(g.model());
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n\r\n"}) {
    for (InputFormat f : {InputFormat::kLinksTable, InputFormat::kEntitiesTable}) {
      const LoadReport r = g.LoadText("empty.csv", text, Format(f));
      ASSERT_EQ(r.files.size(), 1u);
      EXPECT_EQ(r.files[0].records, 0u);
      EXPECT_TRUE(r.errors.empty());
    }
  }
  // A header alone, and blank lines between rows.
  g.LoadText("links.csv", "from,to\n");
  g.LoadText("people.csv", "id,name\r\n");
  EXPECT_EQ(Dump(g.model()), before);
  const LoadReport r = g.LoadText("links.csv", "from,to\n\nA,B\n\n\nB,C\n\n");
  EXPECT_EQ(r.files[0].records, 2u);
  EXPECT_EQ(r.links_added, 2u);
}

TEST(TableReader, WhitespaceOnlyLinesAreBlank) {
  Graph g;
  const LoadReport r = g.LoadText("links.csv", "from,to,weight\nA,B,1\n   \nB,C,2\n  \t\n");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.files[0].records, 2u);
  EXPECT_EQ(g.model().link_count(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Header problems end the file

TEST(TableReader, HeaderProblemsAreFatalForTheFile) {
  struct Case {
    const char* text;
    InputFormat format;
    uint64_t line;
    uint32_t column;
    const char* reason;
  };
  const Case cases[] = {
      {"from,to,weight,Weight\nA,B,1,2\n", InputFormat::kLinksTable, 1, 16, "appears twice"},
      {"from,to,,note\nA,B,,x\n", InputFormat::kLinksTable, 1, 9, "empty column name"},
      {"from,target\nA,B\n", InputFormat::kLinksTable, 1, 0, "\"from\" and \"to\""},
      {"name,kind\nAnn,person\n", InputFormat::kEntitiesTable, 1, 0, "\"id\""},
      {"id,na\xFFme\nP1,Ann\n", InputFormat::kEntitiesTable, 1, 6, "invalid UTF-8"},
      {"id,\"name\nP1,Ann\n", InputFormat::kEntitiesTable, 1, 4, "not closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Graph g = BaseGraph();
    const Failure f = StrictFailure(g, "t.csv", c.text, Format(c.format));
    EXPECT_AT(f, c.line, c.column);
    EXPECT_TRUE(Contains(f.reason, c.reason)) << f.reason;

    const std::string before = Dump(g.model());
    const LoadReport r = g.LoadText("t.csv", c.text, Format(c.format, true));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, c.line);
    EXPECT_EQ(r.errors[0].column, c.column);
    EXPECT_TRUE(Contains(r.errors[0].message, "rest of the file skipped"));
    EXPECT_EQ(r.rejected, 1u);
    EXPECT_EQ(Dump(g.model()), before);
  }
}

TEST(TableReader, LenientHeaderErrorSkipsOnlyThatFile) {
  testing::TempDir dir;
  const std::string bad = dir.File("bad.csv", "from,to,to\nA,B,C\n");
  const std::string good = dir.File("good.csv", "from,to\nA,B\n");
  Graph g;
  LoadOptions o = Format(InputFormat::kLinksTable, true);
  const LoadReport r = g.Load({bad, good}, o);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, bad);
  EXPECT_EQ(g.model().link_count(), 1u);
  EXPECT_TRUE(FindLink(g.model(), "A", "B"));
}

// ---------------------------------------------------------------------------------------------
// Bad records: strict throws at the place and changes nothing; lenient skips only that record.

// A links table with one bad record; `good` are the links a lenient load must keep.
void CheckBadLink(const std::string& text, uint64_t line, uint32_t column, std::string_view reason,
                  const std::vector<std::pair<const char*, const char*>>& good) {
  Graph g = BaseGraph();
  CheckBadLinkRecord(g, "links.csv", text, line, column, reason, good);
}

TEST(TableReader, RaggedRows) {
  SCOPED_TRACE("too many cells: at the first extra cell");
  CheckBadLink("from,to,weight\nA,B,1\nB,C,1,extra\nC,D,1\n", 3, 7, "row has 4 cells",
               {{"A", "B"}, {"C", "D"}});
  SCOPED_TRACE("too few cells: the whole line");
  CheckBadLink("from,to,weight\nA,B,1\nB,C\nC,D,1\n", 3, 0, "row has 2 cells",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, NonNumericWeight) {
  CheckBadLink("from,to,weight,grade\nA,B,1,A1\nB,C,heavy,A1\nC,D,3,C3\n", 3, 5, "is not a number",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, NonPositiveWeight) {
  CheckBadLink("from,to,weight\nA,B,1\nB,C,0\nC,D,3\n", 3, 5, "weight must be a number > 0",
               {{"A", "B"}, {"C", "D"}});
  CheckBadLink("from,to,weight\nA,B,1\nB,C, -2\nC,D,3\n", 3, 5, "weight must be a number > 0",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, BadGrade) {
  CheckBadLink("from,to,weight,grade\nA,B,1,A1\nB,C,1,G7\nC,D,1,F6\n", 3, 7, "bad grade \"G7\"",
               {{"A", "B"}, {"C", "D"}});
  CheckBadLink("from,to,grade\nA,B,A1\nB,C,B0\n", 3, 5, "bad grade", {{"A", "B"}});
}

TEST(TableReader, BadHandlingCodeAndDirected) {
  CheckBadLink("from,to,handling\nA,B,5\nB,C,6\n", 3, 5, "handling code", {{"A", "B"}});
  CheckBadLink("from,to,directed\nA,B,no\nB,C,maybe\n", 3, 5, "not true or false", {{"A", "B"}});
}

TEST(TableReader, LinkWithoutAnEndpoint) {
  // The empty cell is the place of the error.
  CheckBadLink("type,from,to\nmet,A,B\nmet,,C\nmet,C,D\n", 3, 5, "link without \"from\"",
               {{"A", "B"}, {"C", "D"}});
  CheckBadLink("from,to,weight\nA,B,1\nB,  ,1\nC,D,1\n", 3, 3, "link without \"to\"",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, InvalidUtf8IsReportedAtTheBadByte) {
  CheckBadLink("from,to,weight\nA,B,1\nB,Cx\xFFy,1\nC,D,1\n", 3, 5, "invalid UTF-8",
               {{"A", "B"}, {"C", "D"}});
  // In a quoted cell the column counts the opening quote.
  CheckBadLink("from,to,weight\nA,B,1\nB,\"C\xFF\",1\nC,D,1\n", 3, 5, "invalid UTF-8",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, BadDateInALinksTable) {
  CheckBadLink("from,to,date\nA,B,2019-01-31\nB,C,2019-13-01\nC,D,2020\n", 3, 5, "date",
               {{"A", "B"}, {"C", "D"}});
  // A reversed interval is blamed on its end.
  CheckBadLink("from,to,start,end\nA,B,2019,2020\nB,C,2021,2020\n", 3, 10,
               "ends (2020) before it starts (2021)", {{"A", "B"}});
  // A typed property column.
  CheckBadLink("from,to,since:date\nA,B,2019\nB,C,last week\nC,D,\n", 3, 5, "since",
               {{"A", "B"}, {"C", "D"}});
}

TEST(TableReader, NonNumericNumberProperty) {
  CheckBadLink("from,to,amount:number\nA,B,12\nB,C,twelve\nC,D,\n", 3, 5,
               "\"twelve\" is not a number", {{"A", "B"}, {"C", "D"}});
}

// Entities: strict throws at the place and changes nothing; lenient keeps the other records.
void CheckBadEntity(const std::string& text, uint64_t line, uint32_t column,
                    std::string_view reason, const std::vector<const char*>& good,
                    const char* bad_id) {
  Graph g = BaseGraph();
  const Failure f = StrictFailure(g, "entities.csv", text);
  EXPECT_AT(f, line, column);
  EXPECT_TRUE(Contains(f.reason, reason)) << f.reason;

  const LoadReport r = LenientOneError(g, "entities.csv", text, line, column);
  if (!r.errors.empty()) {
    EXPECT_TRUE(Contains(r.errors[0].message, reason)) << r.errors[0].message;
  }
  EXPECT_EQ(r.files[0].entity_records, good.size());
  for (const char* id : good) {
    const auto e = g.model().FindEntity(id);
    ASSERT_TRUE(e) << id;
    EXPECT_FALSE(g.model().Implicit(*e)) << id;
  }
  if (bad_id) {
    EXPECT_FALSE(g.model().FindEntity(bad_id)) << bad_id;
  }
}

TEST(TableReader, IdDeclaredWithTwoKinds) {
  CheckBadEntity(
      "id,kind,name\nP1,person,Ann\nO1,organization,Acme\nP1,organization,Ann Co\n"
      "P2,person,Bob\n",
      4, 4, "entity \"P1\" has kind \"person\" (entities.csv:2)", {"P1", "O1", "P2"}, nullptr);
  // The lenient load kept P1 a person with its first name.
  Graph g;
  g.LoadText("e.csv", "id,kind,name\nP1,person,Ann\nP1,organization,Ann Co\n", Lenient());
  const EntityId p = Find(g.model(), "P1");
  EXPECT_EQ(g.model().KindName(p), "person");
  EXPECT_EQ(g.model().Name(p), "Ann");
  EXPECT_TRUE(g.model().Aliases(p).empty());
}

TEST(TableReader, KindConflictWithAnEarlierLoad) {
  Graph g = BaseGraph();  // X1 is a person
  const Failure f = StrictFailure(g, "more.csv", "id,name,kind\nX9,Nine,person\nX1,X,vehicle\n");
  EXPECT_AT(f, 3u, 6u);
  EXPECT_TRUE(Contains(f.reason, "base-entities.csv:2")) << f.reason;
  EXPECT_FALSE(g.model().FindEntity("X9"));
}

TEST(TableReader, UnknownCountryCode) {
  CheckBadEntity("id,name,country\nP1,Ann,GH\nP2,Bob,ZZ\nP3,Cy,gha\n", 3, 8,
                 "unknown country code \"ZZ\"", {"P1", "P3"}, "P2");
}

TEST(TableReader, BadDateInAnEntitiesTable) {
  CheckBadEntity("id,name,date\nP1,Ann,2019\nP2,Bob,2019-13-01\nP3,Cy,\n", 3, 8, "date",
                 {"P1", "P3"}, "P2");
  CheckBadEntity("id,start,end\nP1,2019,\nP2,2020,2019\nP3,,2019\n", 3, 9,
                 "ends (2019) before it starts (2020)", {"P1", "P3"}, "P2");
  CheckBadEntity("id,dob:date,age:number\nP1,1980,40\nP2,1981,forty\nP3,,\n", 3, 9,
                 "\"forty\" is not a number", {"P1", "P3"}, "P2");
}

TEST(TableReader, EntityWithoutIdOrWithABadKind) {
  CheckBadEntity("name,id\nAnn,P1\nBob,\nCy,P3\n", 3, 5, "without \"id\"", {"P1", "P3"}, nullptr);
  CheckBadEntity("id,kind\nP1,person\nP2,9lives\nP3,boat_2\n", 3, 4, "bad kind", {"P1", "P3"},
                 "P2");
  CheckBadEntity("id,kind,serial\nP1,person,\nP2,person,X1\nP3,firearm,X2\n", 3, 11,
                 "applies to firearms only", {"P1", "P3"}, "P2");
}

TEST(TableReader, StrictFailureUndoesEditsToExistingEntities) {
  Graph g = BaseGraph();  // X3 is implicit (named only by a link)
  ASSERT_TRUE(g.model().Implicit(Find(g.model(), "X3")));
  const Failure f = StrictFailure(
      g, "entities.csv",
      "id,kind,name,country,aliases\nX3,organization,Third,NG,T3\nX1,person,Xav,FR,X\n"
      "X4,person,Four,QQ,\n");
  EXPECT_AT(f, 4u, 16u);
  // StrictFailure compared the whole model; spot-check the edited rows anyway.
  const Model& m = g.model();
  EXPECT_TRUE(m.Implicit(Find(m, "X3")));
  EXPECT_EQ(m.Name(Find(m, "X3")), "");
  EXPECT_EQ(m.Country(Find(m, "X3")), "");
  EXPECT_TRUE(m.Aliases(Find(m, "X1")).empty());
  EXPECT_EQ(m.Records(Find(m, "X1")).size(), 1u);
}

TEST(TableReader, StrictFailureInALaterFileUndoesTheEarlierFiles) {
  testing::TempDir dir;
  const std::string first = dir.File("a.csv", "from,to\nN1,N2\n");
  const std::string second = dir.File("b.csv", "from,to,weight\nN2,N3,1\nN3,N4,0\n");
  Graph g = BaseGraph();
  const std::string before = Dump(g.model());
  try {
    g.Load({first, second});
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), second);
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 7u);
  }
  EXPECT_EQ(Dump(g.model()), before);
}

TEST(TableReader, LenientKeepsEveryGoodRecordAndListsEveryBadOne) {
  Graph g;
  const LoadReport r = g.LoadText("links.csv",
                                  "from,to,weight,grade\n"
                                  "A,B,1,A1\n"
                                  "B,C,x,A1\n"
                                  "C,D,2,G7\n"
                                  "D,E,3,B2\n"
                                  ",E,1,\n"
                                  "E,F,1,A1,extra\n"
                                  "F,G,4,\n",
                                  Lenient());
  ASSERT_EQ(r.errors.size(), 4u);
  const std::pair<uint64_t, uint32_t> where[] = {{3, 5}, {4, 7}, {6, 1}, {7, 10}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.errors[i].line, where[i].first) << i;
    EXPECT_EQ(r.errors[i].column, where[i].second) << i;
    EXPECT_EQ(r.errors[i].file, "links.csv");
  }
  EXPECT_EQ(r.rejected, 4u);
  EXPECT_EQ(r.files[0].records, 7u);
  EXPECT_EQ(r.files[0].links, 3u);
  EXPECT_EQ(r.files[0].rejected, 4u);
  const Model& m = g.model();
  EXPECT_EQ(m.link_count(), 3u);
  EXPECT_TRUE(FindLink(m, "A", "B"));
  EXPECT_TRUE(FindLink(m, "D", "E"));
  EXPECT_TRUE(FindLink(m, "F", "G"));
  // Rejected records leave no implicit entities behind.
  EXPECT_FALSE(m.FindEntity("C"));
  EXPECT_EQ(m.entity_count(), 6u);  // A B D E F G
}

TEST(TableReader, MaxDiagnosticsLimitsTheListButNotTheCount) {
  Graph g;
  LoadOptions o = Lenient();
  o.max_diagnostics = 2;
  const LoadReport r = g.LoadText("links.csv", "from,to,weight\nA,B,0\nB,C,0\nC,D,0\nD,E,1\n", o);
  EXPECT_EQ(r.rejected, 3u);
  EXPECT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(g.model().link_count(), 1u);
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

TEST(TableReader, ErrorsNameThePhysicalLine) {
  Graph g;
  try {  // the extra cell follows a quoted cell spanning two lines
    g.LoadText("l.csv", "from,to\na,\"b\nc\",extra\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 4u);
  }
  LoadOptions o;
  o.format = InputFormat::kLinksTable;
  try {  // the header is on line 3
    g.LoadText("l.csv", "\n\nsource,target\na,b\n", o);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(e.reason().find("needs columns"), std::string::npos);
  }
}

}  // namespace
}  // namespace linkscope
