// LoadOptions::max_handling: links above the code are validated and counted, never added, and
// ids only they name are not created.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"

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

}  // namespace
}  // namespace linkscope
