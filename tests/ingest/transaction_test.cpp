// Strict loads are all or nothing; lenient loads keep every good record.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

// Everything observable about a model, to compare before and after a failed load.
std::string Fingerprint(const Model& m) {
  std::string out;
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    out += std::string(m.ExternalId(e)) + "|" + std::string(m.KindName(e)) + "|" +
           std::string(m.Name(e)) + "|" + m.Country(e) + "|" + (m.Implicit(e) ? "i" : "d") + "|" +
           std::to_string(m.Records(e).size()) + "|" + std::to_string(m.Aliases(e).size()) + "|" +
           std::to_string(m.Properties(e).size()) + "\n";
  }
  for (LinkId l = 0; l < m.link_count(); ++l) {
    out += std::to_string(m.From(l)) + ">" + std::to_string(m.To(l)) + ":" +
           std::string(m.TypeName(l)) + "\n";
  }
  out += std::to_string(m.kind_count()) + "/" + std::to_string(m.link_type_count());
  return out;
}

TEST(Transaction, AFailingFileUndoesTheWholeLoad) {
  testing::TempDir dir;
  Graph g;
  g.LoadText("base.jsonl",
             R"({"record":"link","from":"P1","to":"P2","type":"associate"})"
             "\n"
             R"({"record":"entity","id":"F1","kind":"firearm","make":"Glock","serial":"A1"})"
             "\n");
  const std::string before = Fingerprint(g.model());
  // The first file is fine and touches existing entities (upgrades P1, merges a gun record,
  // adds kinds and types); the second fails on its last line.
  const std::string good = dir.File(
      "good.jsonl",
      R"({"record":"entity","id":"P1","kind":"person","name":"N","aliases":["x"],"country":"GH","properties":{"a":1}})"
      "\n"
      R"({"record":"link","from":"F9","to":"P1","type":"new_type"})"
      "\n"
      R"({"record":"entity","id":"F9","kind":"firearm","make":"GLOCK","serial":"a-1"})"
      "\n"
      R"({"record":"entity","id":"V1","kind":"drone"})"
      "\n");
  const std::string bad = dir.File("bad.csv", "from,to,grade\nP1,P2,B2\nP2,P3,ZZ\n");
  try {
    g.Load({good, bad});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), bad);
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 7u);
  }
  EXPECT_EQ(Fingerprint(g.model()), before);
  // And the graph still works normally.
  g.Load({good});
  EXPECT_EQ(g.model().KindName(*g.model().FindEntity("P1")), "person");
  EXPECT_EQ(*g.model().FindEntity("F9"), *g.model().FindEntity("F1"));
}

TEST(Transaction, MissingFileIsAnIoErrorAndChangesNothing) {
  testing::TempDir dir;
  const std::string good = dir.File("good.csv", "from,to\nA,B\n");
  Graph g;
  EXPECT_THROW(g.Load({good, dir.Path("missing.csv")}), IoError);
  EXPECT_EQ(g.model().entity_count(), 0u);
}

TEST(Transaction, LenientKeepsEveryGoodRecordAcrossFiles) {
  testing::TempDir dir;
  const std::string a = dir.File("a.csv", "from,to,weight\nA,B,1\nB,C,-1\nC,D,2\n");
  const std::string b = dir.File("b.jsonl", R"({"record":"link","from":"D","to":"E"})"
                                            "\n{oops\n"
                                            R"({"record":"link","from":"E","to":"F"})"
                                            "\n");
  Graph g;
  LoadOptions o;
  o.lenient = true;
  const LoadReport r = g.Load({a, b}, o);
  EXPECT_EQ(r.rejected, 2u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].file, a);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[1].file, b);
  EXPECT_EQ(r.errors[1].line, 2u);
  EXPECT_EQ(g.model().link_count(), 4u);
  EXPECT_FALSE(g.model().FindEntity("C") == std::nullopt);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].records, 3u);
  EXPECT_EQ(r.files[0].rejected, 1u);
  EXPECT_EQ(r.files[1].links, 2u);
}

TEST(Transaction, LenientReportsAFileLevelProblemAndGoesOn) {
  testing::TempDir dir;
  const std::string broken = dir.File("broken.gml", "graph [ node [ id 1 ] node [ id 2 ");
  const std::string good = dir.File("good.csv", "from,to\nA,B\n");
  Graph g;
  LoadOptions o;
  o.lenient = true;
  const LoadReport r = g.Load({broken, dir.Path("nothere.csv"), good}, o);
  EXPECT_EQ(r.rejected, 2u);
  EXPECT_EQ(g.model().link_count(), 1u);
}

TEST(Transaction, SnapshotsDoNotSeeLaterLoads) {
  Graph g;
  g.LoadText("a.csv", "from,to\nA,B\n");
  const Snapshot s = g.TakeSnapshot();
  g.LoadText("b.csv", "from,to\nB,C\n");
  EXPECT_EQ(s.vertex_count(), 2u);
  EXPECT_EQ(s.model().link_count(), 1u);
  EXPECT_EQ(g.model().link_count(), 2u);
}

TEST(Transaction, ConflictingValuesAreKeptFirstAndReported) {
  Graph g;
  const LoadReport r = g.LoadText(
      "a.jsonl", R"({"record":"entity","id":"P","kind":"person","name":"Ann","country":"GH"})"
                 "\n"
                 R"({"record":"entity","id":"P","kind":"person","name":"Anne","country":"NG"})"
                 "\n");
  EXPECT_EQ(g.model().Country(0), "GH");
  EXPECT_EQ(g.model().Name(0), "Ann");
  EXPECT_EQ(g.model().Aliases(0), (std::vector<std::string_view>{"Anne"}));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_NE(r.warnings[0].message.find("country \"GH\" kept"), std::string::npos);
}

TEST(Transaction, ProgrammaticRecordsGoThroughTheSameRules) {
  Graph g;
  EntityInput p;
  p.id = "P1";
  p.kind = "person";
  g.AddEntity(p);
  LinkInput l;
  l.from = "P1";
  l.to = "F1";
  l.grade = "Q9";
  try {
    g.AddLink(l);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(e.reason().find("bad grade"), std::string::npos);
  }
  EXPECT_EQ(g.model().entity_count(), 1u);
  l.grade = "A1";
  l.type = "possessed";
  EXPECT_EQ(g.AddLink(l), 0u);
  EXPECT_TRUE(g.model().Directed(0));
  EntityInput bad;
  bad.id = "P1";
  bad.kind = "vehicle";
  EXPECT_THROW(g.AddEntity(bad), InputError);
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

TEST(Transaction, ARejectedRecordLeavesNoKindOrLinkTypeBehind) {
  Graph g;
  LoadOptions o;
  o.lenient = true;
  const uint32_t kinds = g.model().kind_count();
  const LoadReport r = g.LoadText(
      "a.jsonl",
      "{\"record\":\"entity\",\"id\":\"D1\",\"kind\":\"drone\",\"country\":\"ZZZ\"}\n"
      "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"type\":\"smuggled\",\"grade\":\"Q1\"}\n",
      o);
  EXPECT_EQ(r.rejected, 2u);
  EXPECT_EQ(g.model().kind_count(), kinds);
  EXPECT_FALSE(g.model().FindKind("drone"));
  EXPECT_FALSE(g.model().FindLinkType("smuggled"));
  EXPECT_EQ(g.model().link_type_count(), 1u);  // only the default type, "link"
}

}  // namespace
}  // namespace linkscope
