// JSON Lines: the full schema, and bad input located exactly.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"

namespace linkscope {
namespace {

constexpr const char* kCase =
    R"({"record":"entity","id":"P1","kind":"person","name":"Kavo Lemi","aliases":["KL","Big K"],"country":"gh","date":"1980","source":"records","properties":{"role":"broker","age":44,"seen":{"date":"2019-05-02"}}}
{"record":"entity","id":"C1","kind":"commodity","category":"gold","quantity":12.5,"unit":"kg","subtype":"dore bars"}
{"record":"entity","id":"F1","kind":"firearm","make":"Glock","model":"17","calibre":"9mm","serial":"AB-123"}

{"record":"link","from":"P1","to":"C1","type":"Transported","start":"2019-01","end":"2019-03-15","source":"surveillance","grade":"b2","handling":3,"weight":2,"id":"L-7","properties":{"note":"by truck"}}
{"record":"link","from":"P1","to":"F1","type":"possessed","directed":false,"date":"2019-02-01T10:00Z"}
{"record":"link","from":"P1","to":"X9","type":"associate"}
)";

TEST(JsonLinesReader, ReadsTheFullSchema) {
  Graph g;
  const LoadReport r = g.LoadText("case.jsonl", kCase);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 4u);
  ASSERT_EQ(m.link_count(), 3u);
  EXPECT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, InputFormat::kJsonLines);
  EXPECT_EQ(r.files[0].records, 6u);
  EXPECT_EQ(r.files[0].entity_records, 3u);
  EXPECT_EQ(r.implicit_created, 1u);

  const EntityId p = *m.FindEntity("P1");
  EXPECT_EQ(m.KindName(p), "person");
  EXPECT_EQ(m.Name(p), "Kavo Lemi");
  EXPECT_EQ(m.Aliases(p), (std::vector<std::string_view>{"KL", "Big K"}));
  EXPECT_EQ(m.Country(p), "GH");
  EXPECT_EQ(FormatDateRange(m.Dates(p)), "1980");
  const auto props = m.Properties(p);
  ASSERT_EQ(props.size(), 3u);
  EXPECT_EQ(props[0].key, "role");
  EXPECT_EQ(props[0].value.text, "broker");
  EXPECT_EQ(props[1].value.type, PropertyValue::Type::kNumber);
  EXPECT_EQ(props[1].value.number, 44);
  EXPECT_EQ(props[2].value.type, PropertyValue::Type::kDate);
  EXPECT_EQ(FormatDateRange(props[2].value.date), "2019-05-02");
  const auto recs = m.Records(p);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].source, "records");
  EXPECT_EQ(recs[0].file, "case.jsonl");
  EXPECT_EQ(recs[0].line, 1u);

  const EntityId c = *m.FindEntity("C1");
  const auto commodity = m.Commodity(c);
  ASSERT_TRUE(commodity);
  EXPECT_EQ(commodity->category, CommodityCategory::kGold);
  EXPECT_EQ(commodity->quantity, 12.5);
  EXPECT_EQ(commodity->unit, "kg");
  EXPECT_EQ(commodity->subtype, "dore bars");

  const auto gun = m.Firearm(*m.FindEntity("F1"));
  ASSERT_TRUE(gun);
  EXPECT_EQ(gun->make, "Glock");
  EXPECT_EQ(gun->serial, "AB-123");
  EXPECT_EQ(gun->normalized_serial, "AB123");

  // Link 0: every field.
  EXPECT_EQ(m.TypeName(0), "transported");  // types are lower-cased
  EXPECT_TRUE(m.Directed(0));               // the vocabulary's default for "transported"
  EXPECT_EQ(m.Weight(0), 2.0);
  EXPECT_EQ(FormatDateRange(m.LinkDates(0)), "2019-01-01/2019-03-15");
  EXPECT_EQ(m.Source(0), "surveillance");
  EXPECT_EQ(m.LinkGrade(0).ToString(), "B2");
  EXPECT_EQ(m.Handling(0), 3);
  EXPECT_EQ(m.LinkExternalId(0), "L-7");
  EXPECT_DOUBLE_EQ(m.Confidence(0, ConfidenceTable()), 0.64);
  ASSERT_EQ(m.LinkProperties(0).size(), 1u);
  EXPECT_EQ(m.LinkProperties(0)[0].value.text, "by truck");
  // Link 1: explicit direction wins; a time of day is kept to the minute.
  EXPECT_FALSE(m.Directed(1));
  EXPECT_EQ(m.LinkDates(1).hi - m.LinkDates(1).lo, 59);
  // Link 2: defaults, and an implicit endpoint.
  EXPECT_FALSE(m.Directed(2));
  EXPECT_EQ(m.Weight(2), 1.0);
  EXPECT_FALSE(m.LinkGrade(2).graded());
  EXPECT_EQ(m.Handling(2), 0);
  const EntityId x = *m.FindEntity("X9");
  EXPECT_TRUE(m.Implicit(x));
  EXPECT_EQ(m.KindName(x), "unknown");
}

TEST(JsonLinesReader, IntegerIdsAreTheirDecimalText) {
  Graph g;
  g.LoadText("ints.jsonl",
             "{\"record\":\"entity\",\"id\":17,\"kind\":\"person\"}\n"
             "{\"record\":\"link\",\"from\":17,\"to\":\"18\"}\n");
  EXPECT_EQ(g.model().entity_count(), 2u);
  EXPECT_FALSE(g.model().Implicit(*g.model().FindEntity("17")));
}

TEST(JsonLinesReader, LaterDeclarationUpgradesAnImplicitEntity) {
  Graph g;
  g.LoadText("a.jsonl",
             "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\"}\n"
             "{\"record\":\"entity\",\"id\":\"B\",\"kind\":\"phone\"}\n");
  const Model& m = g.model();
  EXPECT_EQ(m.KindName(*m.FindEntity("B")), "phone");
  EXPECT_FALSE(m.Implicit(*m.FindEntity("B")));
  EXPECT_TRUE(m.Implicit(*m.FindEntity("A")));
}

struct BadLine {
  const char* name;
  const char* line;
  uint32_t column;
  const char* reason;  // a fragment of the message
};

void PrintTo(const BadLine& b, std::ostream* os) { *os << b.name; }

class JsonLinesErrors : public ::testing::TestWithParam<BadLine> {};

// The bad line sits between two good ones, on line 2.
TEST_P(JsonLinesErrors, StrictThrowsAtTheExactPlaceAndChangesNothing) {
  const BadLine& bad = GetParam();
  Graph g;
  g.LoadText("before.jsonl", "{\"record\":\"link\",\"from\":\"Z1\",\"to\":\"Z2\"}\n");
  const std::string text =
      std::string("{\"record\":\"entity\",\"id\":\"A\",\"kind\":\"person\"}\n") + bad.line +
      "\n{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\"}\n";
  try {
    g.LoadText("bad.jsonl", text);
    FAIL() << "no error for " << bad.name;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "bad.jsonl");
    EXPECT_EQ(e.line(), 2u) << e.what();
    EXPECT_EQ(e.column(), bad.column) << e.what();
    EXPECT_NE(e.reason().find(bad.reason), std::string::npos) << e.what();
  }
  EXPECT_EQ(g.model().entity_count(), 2u);
  EXPECT_EQ(g.model().link_count(), 1u);
  EXPECT_FALSE(g.model().FindEntity("A"));
}

TEST_P(JsonLinesErrors, LenientSkipsOnlyTheBadLine) {
  const BadLine& bad = GetParam();
  Graph g;
  LoadOptions o;
  o.lenient = true;
  const std::string text =
      std::string("{\"record\":\"entity\",\"id\":\"A\",\"kind\":\"person\"}\n") + bad.line +
      "\n{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\"}\n";
  const LoadReport r = g.LoadText("bad.jsonl", text, o);
  ASSERT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[0].column, bad.column);
  EXPECT_EQ(g.model().link_count(), 1u);
  EXPECT_EQ(g.model().KindName(*g.model().FindEntity("A")), "person");
  EXPECT_TRUE(g.model().FindEntity("B"));
  // Nothing of the bad record is left behind.
  EXPECT_EQ(g.model().entity_count(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    All, JsonLinesErrors,
    ::testing::Values(
        BadLine{"truncated", R"({"record":"link","from":"A","to":"C")", 37, "invalid JSON"},
        BadLine{"wrong_type_weight", R"({"record":"link","from":"A","to":"C","weight":"2"})", 47,
                "must be a number, not a string"},
        BadLine{"wrong_type_name", R"({"record":"entity","id":"C","name":5})", 36,
                "must be a string"},
        BadLine{"unknown_field", R"({"record":"link","from":"A","to":"C","wieght":2})", 38,
                "unknown field \"wieght\""},
        BadLine{"unknown_record", R"({"record":"edge","from":"A","to":"C"})", 11,
                "must be \"entity\" or \"link\""},
        BadLine{"unknown_category",
                R"({"record":"entity","id":"C","kind":"commodity","category":"silver"})", 59,
                "unknown commodity category"},
        BadLine{"bad_grade", R"({"record":"link","from":"A","to":"C","grade":"G7"})", 46,
                "bad grade \"G7\""},
        BadLine{"bad_handling", R"({"record":"link","from":"A","to":"C","handling":7})", 49,
                "handling code"},
        BadLine{"no_endpoint", R"({"record":"link","from":"A"})", 1, "without \"to\""},
        BadLine{"empty_endpoint", R"({"record":"link","from":"","to":"C"})", 25, "empty id"},
        BadLine{"invalid_utf8", "{\"record\":\"link\",\"from\":\"A\xFF\",\"to\":\"C\"}", 27,
                "invalid JSON"},
        BadLine{"two_kinds", R"({"record":"entity","id":"A","kind":"firearm"})", 36,
                "has kind \"person\""},
        BadLine{"field_of_links_on_entity", R"({"record":"entity","id":"C","grade":"B2"})", 37,
                "does not apply to entity records"},
        BadLine{"serial_on_person", R"({"record":"entity","id":"C","kind":"person","serial":"1"})",
                54, "applies to firearms only"},
        BadLine{"duplicate_field", R"({"record":"link","from":"A","from":"C","to":"D"})", 29,
                "appears twice"},
        BadLine{"bad_country", R"({"record":"entity","id":"C","country":"DRC"})", 39,
                "unknown country code \"DRC\""},
        BadLine{"bad_date", R"({"record":"link","from":"A","to":"C","date":"2019-02-30"})", 45,
                "no such day"},
        BadLine{"date_and_start",
                R"({"record":"link","from":"A","to":"C","date":"2019","start":"2018"})", 45,
                "either \"date\" or"},
        BadLine{"zero_weight", R"({"record":"link","from":"A","to":"C","weight":0})", 47,
                "weight must be a number > 0"},
        BadLine{"not_an_object", R"(["record","link"])", 1, "must be a JSON object"},
        BadLine{"trailing_text", R"({"record":"link","from":"A","to":"C"} x)", 39,
                "unexpected text after"},
        BadLine{"no_record_field", R"({"from":"A","to":"C"})", 1, "without \"record\""},
        BadLine{"aliases_not_list", R"({"record":"entity","id":"C","aliases":"x"})", 39,
                "list of strings"},
        BadLine{"bool_property", R"({"record":"entity","id":"C","properties":{"armed":true}})", 51,
                "property values must be"},
        BadLine{"properties_not_object", R"({"record":"entity","id":"C","properties":"x"})", 42,
                "must be an object"}),
    [](const ::testing::TestParamInfo<BadLine>& p) { return p.param.name; });

TEST(JsonLinesReader, ADeclarationOverridesTheDefaultKindOfAnImplicitEntity) {
  // With --default-kind person, "PH1" is first assumed a person; its record says phone.
  Graph g;
  LoadOptions o;
  o.default_kind = "person";
  g.LoadText("a.jsonl",
             "{\"record\":\"link\",\"from\":\"P1\",\"to\":\"PH1\",\"type\":\"uses\"}\n"
             "{\"record\":\"entity\",\"id\":\"PH1\",\"kind\":\"phone\"}\n",
             o);
  EXPECT_EQ(g.model().KindName(*g.model().FindEntity("PH1")), "phone");
  EXPECT_EQ(g.model().KindName(*g.model().FindEntity("P1")), "person");
  // A declared kind, though, is evidence: a second declaration may not change it.
  EXPECT_THROW(
      g.LoadText("b.jsonl", "{\"record\":\"entity\",\"id\":\"PH1\",\"kind\":\"person\"}\n"),
      InputError);
}

TEST(JsonLinesReader, AnEmbeddedNulDoesNotHideTrailingText) {
  Graph g;
  const std::string text = std::string("{\"record\":\"entity\",\"id\":\"a\"}") + '\0' + " junk\n";
  try {
    g.LoadText("nul.jsonl", text);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.column(), 29u);  // the NUL itself
    EXPECT_NE(e.reason().find("unexpected text after"), std::string::npos);
  }
}

TEST(JsonLinesReader, BlankLinesAndCrLfAndBom) {
  Graph g;
  g.LoadText("crlf.jsonl",
             "\xEF\xBB\xBF{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\"}\r\n\r\n   \n"
             "{\"record\":\"link\",\"from\":\"B\",\"to\":\"C\"}");
  EXPECT_EQ(g.model().link_count(), 2u);
  EXPECT_TRUE(g.model().FindEntity("C"));
}

TEST(JsonLinesReader, ErrorLineNumbersCountBlankLines) {
  Graph g;
  try {
    g.LoadText("x.jsonl", "\n\n{\"record\":\"link\"}\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3u);
  }
}

TEST(JsonLinesReader, LongLinesAcrossReadWindows) {
  // A line longer than the reader's window must still parse.
  std::string name(10 << 20, 'n');
  std::string text = "{\"record\":\"entity\",\"id\":\"A\",\"name\":\"" + name + "\"}\n";
  Graph g;
  g.LoadText("long.jsonl", text);
  EXPECT_EQ(g.model().Name(0).size(), name.size());
}

}  // namespace
}  // namespace linkscope
