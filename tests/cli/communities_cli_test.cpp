// linkscope communities, run as a user would on the embedded sample: the JSON keys the issue
// promises, methods and objectives, views and projections, CSV and text, identical output for
// any thread count, and exit codes for bad options and input.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>
#include <string>

#include "cli/cli_test_util.hpp"

namespace linkscope {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::Json;
using testing::kSample;
using testing::Lines;

TEST(CommunitiesCli, JsonOnTheSample) {
  const CliRun r = Cli("communities " + kSample + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["method"].GetString(), "leiden");
  EXPECT_STREQ(d["objective"].GetString(), "modularity");
  EXPECT_GT(d["modularity"].GetDouble(), 0.9);
  EXPECT_LE(d["modularity"].GetDouble(), 1.0);
  const uint64_t count = d["count"].GetUint64();
  EXPECT_EQ(d["listed"].GetUint64(), count);
  const auto& list = d["communities"].GetArray();
  ASSERT_EQ(list.Size(), count);
  uint64_t members = 0;
  uint64_t previous = UINT64_MAX;
  std::set<std::string> ids;
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const auto& c = list[i];
    EXPECT_EQ(c["id"].GetUint64(), i);
    const uint64_t size = c["size"].GetUint64();
    EXPECT_LE(size, previous);  // largest first
    previous = size;
    EXPECT_EQ(c["members"].Size(), size);
    for (const auto& m : c["members"].GetArray()) EXPECT_TRUE(ids.insert(m.GetString()).second);
    members += size;
    for (const char* key :
         {"internal_links", "external_links", "density", "kinds", "seizures", "commodities",
          "categories", "entropy", "countries", "top_members", "bridges", "bridge_count"}) {
      EXPECT_TRUE(c.HasMember(key)) << key;
    }
  }
  EXPECT_EQ(members, d["entities"].GetUint64());
  // The largest network of the sample deals in several commodities.
  EXPECT_GE(list[0]["categories"].GetUint(), 2u);
  EXPECT_GT(list[0]["entropy"].GetDouble(), 0.5);
  EXPECT_GT(list[0]["top_members"].Size(), 0u);
}

TEST(CommunitiesCli, MethodsAndObjectives) {
  for (const char* method : {"louvain", "lpa"}) {
    const CliRun r = Cli("communities " + kSample + " --method " + method + " --format json");
    ASSERT_EQ(r.code, 0) << method << r.err;
    const rapidjson::Document d = Json(r.out);
    EXPECT_STREQ(d["method"].GetString(), method);
    EXPECT_GT(d["modularity"].GetDouble(), 0.5);
  }
  const CliRun cpm =
      Cli("communities " + kSample + " --objective cpm --resolution 0.05 --format json");
  ASSERT_EQ(cpm.code, 0) << cpm.err;
  const rapidjson::Document d = Json(cpm.out);
  EXPECT_STREQ(d["objective"].GetString(), "cpm");
  EXPECT_EQ(d["resolution"].GetDouble(), 0.05);
  EXPECT_NE(d["quality"].GetDouble(), d["modularity"].GetDouble());
  // Denser than 0.05: more, smaller communities than modularity finds.
  const rapidjson::Document mod = Json(Cli("communities " + kSample + " --format json").out);
  EXPECT_GT(d["count"].GetUint64(), mod["count"].GetUint64());
}

TEST(CommunitiesCli, SameOutputForAnyThreadCountAndRun) {
  const CliRun one = Cli("communities " + kSample + " --format json --threads 1 --seed 4");
  const CliRun two = Cli("communities " + kSample + " --format json --threads 2 --seed 4");
  ASSERT_EQ(one.code, 0);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, Cli("communities " + kSample + " --format json --seed 4").out);
}

TEST(CommunitiesCli, ViewsAndProjections) {
  const CliRun persons = Cli("communities " + kSample + " --kinds person --format json");
  ASSERT_EQ(persons.code, 0) << persons.err;
  const rapidjson::Document d = Json(persons.out);
  const rapidjson::Document stats = Json(Cli("stats " + kSample + " --format json").out);
  EXPECT_EQ(d["entities"].GetUint64(), stats["by_kind"]["person"].GetUint64());
  for (const auto& c : d["communities"].GetArray()) {
    for (const auto& k : c["kinds"].GetObject()) EXPECT_STREQ(k.name.GetString(), "person");
  }
  const CliRun projected =
      Cli("communities " + kSample + " --kinds person --via seizure,event --format json");
  ASSERT_EQ(projected.code, 0) << projected.err;
  const rapidjson::Document p = Json(projected.out);
  EXPECT_TRUE(p["projection"].GetBool());
  EXPECT_EQ(p["entities"].GetUint64(), stats["by_kind"]["person"].GetUint64());
  // Unweighted and link-type filters run too.
  EXPECT_EQ(Cli("communities " + kSample + " --unweighted --link-types called,uses").code, 0);
}

TEST(CommunitiesCli, CsvAndText) {
  const CliRun csv = Cli("communities " + kSample + " --format csv");
  ASSERT_EQ(csv.code, 0) << csv.err;
  const std::vector<std::string> lines = Lines(csv.out);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("id,kind,name,community,level_1", 0), 0u) << lines[0];
  const rapidjson::Document d = Json(Cli("communities " + kSample + " --format json").out);
  EXPECT_EQ(lines.size(), d["entities"].GetUint64() + 1);
  const CliRun big = Cli("communities " + kSample + " --format csv --min-size 10");
  EXPECT_LT(Lines(big.out).size(), lines.size());

  const CliRun text = Cli("communities " + kSample + " --top 2");
  ASSERT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("modularity"), std::string::npos);
  EXPECT_NE(text.out.find("#0 "), std::string::npos);
  EXPECT_NE(text.out.find("#1 "), std::string::npos);
  EXPECT_EQ(text.out.find("#2 "), std::string::npos);
  EXPECT_NE(text.out.find("trafficking:"), std::string::npos);
}

TEST(CommunitiesCli, BadOptionsAndInput) {
  EXPECT_EQ(Cli("communities " + kSample + " --method walktrap").code, 2);
  EXPECT_EQ(Cli("communities " + kSample + " --resolution -1").code, 2);
  EXPECT_EQ(Cli("communities " + kSample + " --objective size").code, 2);
  EXPECT_EQ(Cli("communities " + kSample + " --format xml").code, 2);
  CliRun r = Cli("communities " + kSample + " --method lpa --objective cpm");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("lpa"), std::string::npos);
  EXPECT_EQ(Cli("communities " + kSample + " --method louvain --iterations 3").code, 2);
  EXPECT_EQ(Cli("communities " + kSample + " --via seizure").code, 2);
  r = Cli("communities " + kSample + " --kinds spaceship");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("spaceship"), std::string::npos);
  r = Cli("communities /no/such/case.jsonl");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/no/such/case.jsonl"), std::string::npos);
  EXPECT_EQ(Cli("communities --help").code, 0);
}

}  // namespace
}  // namespace linkscope
