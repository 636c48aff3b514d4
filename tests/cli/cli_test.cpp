// The command-line program, run as a user would: exit codes, messages, JSON keys.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <string>

#include "cli/cli_test_util.hpp"

namespace linkscope {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::Json;

using testing::kSample;

TEST(Cli, HelpVersionAndUsageErrors) {
  CliRun r = Cli("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"stats", "validate", "generate"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
  for (const char* cmd : {"stats", "validate", "generate"}) {
    r = Cli(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("--format"), std::string::npos) << cmd;
  }
  r = Cli("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find('.'), std::string::npos);
  EXPECT_EQ(Cli("").code, 2);
  EXPECT_EQ(Cli("frobnicate").code, 2);
  EXPECT_EQ(Cli("stats").code, 2);  // no files
  EXPECT_EQ(Cli("stats " + kSample + " --no-such-option").code, 2);
  r = Cli("stats " + kSample + " --input-format bogus");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--input-format"), std::string::npos);
  r = Cli("stats " + kSample + " --format xml");
  EXPECT_EQ(r.code, 2);
}

TEST(Cli, StatsJsonOnTheSample) {
  const CliRun r = Cli("stats " + kSample + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  for (const char* key : {"entities", "links", "distinct_pairs", "by_kind", "by_link_type",
                          "components", "largest_component", "implicit_entities",
                          "merged_firearm_records", "degree", "networks", "files", "rejected"}) {
    EXPECT_TRUE(d.HasMember(key)) << key;
  }
  EXPECT_GT(d["entities"].GetUint64(), 2000u);
  EXPECT_GT(d["links"].GetUint64(), d["distinct_pairs"].GetUint64());
  EXPECT_GT(d["implicit_entities"].GetUint64(), 0u);
  EXPECT_GT(d["merged_firearm_records"].GetUint64(), 0u);
  EXPECT_TRUE(d["by_kind"].HasMember("person"));
  EXPECT_TRUE(d["by_link_type"].HasMember("called"));
  EXPECT_LE(d["largest_component"].GetUint64(), d["entities"].GetUint64());
  // The largest networks, largest first; lone entities are not networks.
  ASSERT_GE(d["networks"].Size(), 1u);
  EXPECT_EQ(d["networks"][0]["size"].GetUint64(), d["largest_component"].GetUint64());
  for (const auto& n : d["networks"].GetArray()) EXPECT_GE(n["size"].GetUint64(), 2u);
}

TEST(Cli, StatsTextNamesTheLargestNetworks) {
  const CliRun r = Cli("stats " + kSample);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Largest connected networks"), std::string::npos);
  EXPECT_NE(r.out.find("Entities by kind"), std::string::npos);
}

TEST(Cli, BadInputIsExitOneWithFileLineAndColumn) {
  testing::TempDir dir;
  const std::string bad = dir.File("bad.csv", "from,to,grade\nA,B,B2\nB,C,Q7\n");
  CliRun r = Cli("stats " + bad);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(bad + ":3:5: bad grade \"Q7\""), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = Cli("stats " + dir.Path("missing.csv"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("missing.csv"), std::string::npos);
  // Lenient: the good record is kept and the bad one reported.
  r = Cli("stats " + bad + " --lenient --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  EXPECT_EQ(d["links"].GetUint64(), 1u);
  EXPECT_EQ(d["rejected"].GetUint64(), 1u);
  EXPECT_EQ(d["errors"][0]["line"].GetUint64(), 3u);
  EXPECT_EQ(d["errors"][0]["column"].GetUint64(), 5u);
}

TEST(Cli, ValidateListsEveryProblem) {
  testing::TempDir dir;
  const std::string good = dir.File("good.csv", "from,to\nA,B\n");
  const std::string bad =
      dir.File("bad.jsonl",
               "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\",\"grade\":\"Z1\"}\n"
               "{\"record\":\"link\",\"from\":\"A\",\"to\":\"B\"}\n"
               "{\"record\":\"entity\",\"id\":\"A\",\"kind\":\"person\",\"country\":\"DRC\"}\n");
  CliRun r = Cli("validate " + good);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("no problems"), std::string::npos);
  r = Cli("validate " + good + " " + bad);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find(bad + ":1:46: error: bad grade"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(bad + ":3:55: error: unknown country code"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 problems"), std::string::npos) << r.out;
  r = Cli("validate " + bad + " --format json");
  EXPECT_EQ(r.code, 1);
  const auto d = Json(r.out);
  EXPECT_FALSE(d["valid"].GetBool());
  EXPECT_EQ(d["errors"].Size(), 2u);
}

TEST(Cli, GenerateIsDeterministicAndLoadable) {
  testing::TempDir dir;
  const std::string a = dir.Path("a.jsonl");
  const std::string b = dir.Path("b.jsonl");
  CliRun r = Cli("generate --entities 500 --seed 9 -o " + a + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto g = Json(r.out);
  EXPECT_EQ(g["entity_records"].GetUint64(), 500u);
  ASSERT_EQ(Cli("generate --entities 500 --seed 9 -o " + b).code, 0);
  EXPECT_EQ(testing::ReadFile(a), testing::ReadFile(b));
  EXPECT_FALSE(testing::ReadFile(dir.Path("a.truth.csv")).empty());
  r = Cli("stats " + a + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Json(r.out)["links"].GetUint64(), g["links"].GetUint64());
  EXPECT_EQ(Cli("generate --entities 500").code, 2);                   // no output
  EXPECT_EQ(Cli("generate --entities 10 -o " + a).code, 2);            // too small
  EXPECT_EQ(Cli("generate -o " + dir.Path("nodir/x.jsonl")).code, 1);  // cannot write
}

TEST(Cli, InputOptionsReachTheReaders) {
  testing::TempDir dir;
  const std::string edges = dir.File("calls.txt", "1 2\n2 3\n");
  CliRun r = Cli("stats " + edges +
                 " --directed --default-kind phone --link-type called "
                 "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  EXPECT_EQ(d["directed_links"].GetUint64(), 2u);
  EXPECT_EQ(d["by_kind"]["phone"].GetUint64(), 3u);
  EXPECT_EQ(d["by_link_type"]["called"].GetUint64(), 2u);
  const std::string odd = dir.File("calls.weird", "1,2\n");
  r = Cli("stats " + odd);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--input-format"), std::string::npos);
  EXPECT_EQ(Cli("stats " + odd + " --input-format edgelist").code, 0);
}

TEST(Cli, OpenDateSpansAreNullInJson) {
  testing::TempDir dir;
  const std::string f = dir.File("open.csv", "from,to,start\nA,B,2019-05\n");
  const CliRun r = Cli("stats " + f + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  EXPECT_EQ(std::string(d["link_dates"]["start"].GetString()), "2019-05-01T00:00:00Z");
  EXPECT_TRUE(d["link_dates"]["end"].IsNull());
  EXPECT_EQ(std::string(d["link_dates"]["text"].GetString()), "2019-05-01/..");
}

TEST(Cli, JsonStaysValidUtf8WhateverTheInput) {
  testing::TempDir dir;
  const std::string f =
      dir.File("bad.tsv", "a\tb\t\xFF\n" + std::string(59, 'x') + "\xC3\xA9\xC3\xA9\tb\t0\n");
  const CliRun r = Cli("validate " + f + " --format json");
  EXPECT_EQ(r.code, 1);
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(r.out.c_str());
  EXPECT_FALSE(d.HasParseError()) << r.out;
}

// The acceptance command, at full size.
TEST(SlowCli, GenerateHundredThousandAndStats) {
  testing::TempDir dir;
  const std::string x = dir.Path("x.jsonl");
  ASSERT_EQ(Cli("generate --entities 100000 --seed 1 -o " + x).code, 0);
  const CliRun r = Cli("stats " + x + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  for (const char* key : {"entities", "links", "distinct_pairs", "by_kind", "by_link_type",
                          "components", "largest_component"}) {
    EXPECT_TRUE(d.HasMember(key)) << key;
  }
}

}  // namespace
}  // namespace linkscope
