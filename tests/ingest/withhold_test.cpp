// LoadOptions::max_handling: links above the code are validated and counted, never added, and
// ids only they name are not created.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/model/model.hpp"

namespace linkscope {
namespace {

constexpr std::string_view kCase =
    "{\"record\":\"entity\",\"id\":\"A\",\"kind\":\"person\"}\n"
    "{\"record\":\"entity\",\"id\":\"B\",\"kind\":\"person\"}\n"
    "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"type\":\"met\",\"handling\":1}\n"
    "{\"record\":\"link\",\"from\":\"A\",\"to\":\"SECRET\",\"type\":\"called\",\"handling\":4,"
    "\"source\":\"wiretap W-9\"}\n"
    "{\"record\":\"link\",\"from\":\"B\",\"to\":\"C\",\"type\":\"paid\"}\n"
    "{\"record\":\"link\",\"from\":\"B\",\"to\":\"A\",\"type\":\"met\",\"handling\":3}\n";

TEST(Withhold, LinksAboveTheCodeAreLeftOut) {
  LoadOptions o;
  o.max_handling = 2;
  Graph g;
  const LoadReport r = g.LoadText("case.jsonl", kCase, o);
  const Model& m = g.model();
  EXPECT_EQ(r.withheld, 2u);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].withheld, 2u);
  EXPECT_EQ(r.files[0].links, 2u);
  EXPECT_EQ(r.files[0].records, 6u);
  ASSERT_EQ(m.link_count(), 2u);
  for (LinkId l = 0; l < m.link_count(); ++l) EXPECT_LE(m.Handling(l), 2u);
  EXPECT_FALSE(m.FindEntity("SECRET").has_value());  // only a withheld link named it
  EXPECT_TRUE(m.FindEntity("C").has_value());        // no handling code: no restriction
  for (LinkId l = 0; l < m.link_count(); ++l) EXPECT_NE(m.Source(l), "wiretap W-9");
}

TEST(Withhold, NoLimitKeepsEverything) {
  Graph g;
  const LoadReport r = g.LoadText("case.jsonl", kCase);
  EXPECT_EQ(r.withheld, 0u);
  EXPECT_EQ(g.model().link_count(), 4u);
}

TEST(Withhold, BadRecordsAreStillRejected) {
  // A withheld record is validated first: a malformed one is an error, not silently dropped.
  LoadOptions o;
  o.max_handling = 1;
  Graph g;
  EXPECT_THROW(g.LoadText("bad.jsonl",
                          "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"handling\":4,"
                          "\"grade\":\"Q7\"}\n",
                          o),
               InputError);
  EXPECT_EQ(g.model().link_count(), 0u);
}

TEST(Withhold, EdgeListsAndGmlReadTheirHandlingCode) {
  LoadOptions o;
  o.max_handling = 2;
  Graph g;
  const LoadReport r = g.LoadText("calls.csv",
                                  "source,target,weight,handling,note\n"
                                  "A,B,1,1,x\n"
                                  "A,SECRET,2,4,y\n"
                                  "B,C,1,,z\n",
                                  o);
  EXPECT_EQ(r.withheld, 1u);
  ASSERT_EQ(g.model().link_count(), 2u);
  EXPECT_EQ(g.model().Handling(0), 1u);
  EXPECT_EQ(g.model().Handling(1), 0u);
  EXPECT_FALSE(g.model().FindEntity("SECRET").has_value());
  for (LinkId l = 0; l < 2; ++l) {
    for (const Property& p : g.model().LinkProperties(l)) EXPECT_NE(p.key, "handling");
  }
  EXPECT_THROW(Graph().LoadText("bad.csv", "source,target,handling\nA,B,9\n", o), InputError);

  Graph gml;
  const LoadReport rg = gml.LoadText(
      "net.gml",
      "graph [ node [ id 1 ] node [ id 2 ] node [ id 3 ]\n"
      "  edge [ source 1 target 2 handling 1 ]\n"
      "  edge [ source 2 target 3 handling 5 ] ]\n",
      o);
  EXPECT_EQ(rg.withheld, 1u);
  EXPECT_EQ(gml.model().link_count(), 1u);
}

TEST(Withhold, AWithheldRecordLeavesNoLinkTypeBehind) {
  LoadOptions o;
  o.max_handling = 1;
  Graph g;
  g.LoadText("case.jsonl",
             "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"type\":\"met\"}\n"
             "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"type\":\"codeword_x\","
             "\"handling\":3}\n",
             o);
  EXPECT_FALSE(g.model().FindLinkType("codeword_x").has_value());
  EXPECT_EQ(g.model().link_count(), 1u);
}

}  // namespace
}  // namespace linkscope
