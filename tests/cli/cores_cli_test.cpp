// linkscope cores, run as a user would: JSON keys and order, CSV shape and quoting, the kinds
// filter and the directed modes, exit codes for bad options and missing files.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_test_util.hpp"

namespace linkscope {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::Json;
using testing::Lines;

// People A, B, C in a triangle of calls, D calling each of them (directed), and a phone X
// used by A and B. Names with a comma and a quote, for the CSV.
std::string CaseFile(const testing::TempDir& dir) {
  return dir.File("case.jsonl",
                  R"({"record":"entity","id":"A","kind":"person","name":"Smith, Jo"}
{"record":"entity","id":"B","kind":"person","name":"Lee \"Big\" Kim"}
{"record":"entity","id":"C","kind":"person"}
{"record":"entity","id":"D","kind":"person"}
{"record":"entity","id":"X","kind":"phone"}
{"record":"link","from":"A","to":"B","type":"called","directed":false}
{"record":"link","from":"B","to":"C","type":"called","directed":false}
{"record":"link","from":"C","to":"A","type":"called","directed":false}
{"record":"link","from":"C","to":"A","type":"called","directed":false}
{"record":"link","from":"D","to":"A","type":"called","directed":true}
{"record":"link","from":"D","to":"B","type":"called","directed":true}
{"record":"link","from":"D","to":"C","type":"called","directed":true}
{"record":"link","from":"X","to":"A","type":"called","directed":false}
{"record":"link","from":"X","to":"B","type":"called","directed":false}
{"record":"link","from":"X","to":"X","type":"called","directed":false}
)");
}

// The "cores" array as (id, core) pairs, in output order.
std::vector<std::pair<std::string, uint64_t>> CoreList(const rapidjson::Document& d) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const auto& c : d["cores"].GetArray()) {
    out.emplace_back(c["id"].GetString(), c["core"].GetUint64());
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, uint64_t>>;

TEST(CoresCli, HelpNamesTheOptions) {
  const CliRun r = Cli("cores --help");
  EXPECT_EQ(r.code, 0);
  for (const char* option : {"--kinds", "--mode", "--top", "--threads", "--format", "csv"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
  EXPECT_NE(Cli("--help").out.find("cores"), std::string::npos);
}

TEST(CoresCli, JsonOnTheKarateClub) {
  LINKSCOPE_REQUIRE_DATASETS();
  const CliRun r = Cli("cores " + testing::Dataset("bench_karate/karate_edges.csv") +
                       " --format json --threads 2");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto d = Json(r.out);
  for (const char* key : {"degeneracy", "shells", "cores", "files", "rejected", "mode"}) {
    EXPECT_TRUE(d.HasMember(key)) << key;
  }
  EXPECT_EQ(d["degeneracy"].GetUint64(), 4u);
  EXPECT_EQ(std::string(d["mode"].GetString()), "all");
  EXPECT_EQ(d["rejected"].GetUint64(), 0u);
  ASSERT_EQ(d["files"].Size(), 1u);
  EXPECT_NE(std::string(d["files"][0]["path"].GetString()).find("karate_edges.csv"),
            std::string::npos);
  // One shell per k from 0 to the degeneracy.
  const std::vector<uint64_t> sizes = {0, 1, 11, 12, 10};
  ASSERT_EQ(d["shells"].Size(), sizes.size());
  for (rapidjson::SizeType k = 0; k < sizes.size(); ++k) {
    EXPECT_EQ(d["shells"][k]["k"].GetUint64(), k);
    EXPECT_EQ(d["shells"][k]["size"].GetUint64(), sizes[k]);
  }
  // Every entity, core number descending, ties by id.
  const Pairs cores = CoreList(d);
  ASSERT_EQ(cores.size(), 34u);
  for (size_t i = 0; i + 1 < cores.size(); ++i) {
    EXPECT_TRUE(cores[i].second > cores[i + 1].second ||
                (cores[i].second == cores[i + 1].second && cores[i].first < cores[i + 1].first))
        << i;
  }
  EXPECT_EQ(cores.front(), (std::pair<std::string, uint64_t>{"1", 4}));
  EXPECT_EQ(cores.back(), (std::pair<std::string, uint64_t>{"12", 1}));
}

TEST(CoresCli, KindsAndModes) {
  testing::TempDir dir;
  const std::string f = CaseFile(dir);
  CliRun r = Cli("cores " + f + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  // The phone's two links make it a 2-core; the people are a K4 (the doubled call and the
  // phone's self-loop count for nothing).
  EXPECT_EQ(CoreList(Json(r.out)), (Pairs{{"A", 3}, {"B", 3}, {"C", 3}, {"D", 3}, {"X", 2}}));
  r = Cli("cores " + f + " --format json --kinds person");
  ASSERT_EQ(r.code, 0) << r.err;
  auto d = Json(r.out);
  EXPECT_EQ(d["degeneracy"].GetUint64(), 3u);
  EXPECT_EQ(CoreList(d), (Pairs{{"A", 3}, {"B", 3}, {"C", 3}, {"D", 3}}));
  // In-cores: D has no caller; A, B and C keep two each.
  r = Cli("cores " + f + " --format json --kinds person --mode in");
  ASSERT_EQ(r.code, 0) << r.err;
  d = Json(r.out);
  EXPECT_EQ(std::string(d["mode"].GetString()), "in");
  EXPECT_EQ(CoreList(d), (Pairs{{"A", 2}, {"B", 2}, {"C", 2}, {"D", 0}}));
  // Out-cores: everyone keeps two callees.
  r = Cli("cores " + f + " --format json --kinds person --mode out");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(CoreList(Json(r.out)), (Pairs{{"A", 2}, {"B", 2}, {"C", 2}, {"D", 2}}));
  // Several kinds, comma-separated.
  r = Cli("cores " + f + " --format json --kinds person,phone");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Json(r.out)["cores"].Size(), 5u);
}

TEST(CoresCli, CsvListsEveryEntity) {
  testing::TempDir dir;
  const CliRun r = Cli("cores " + CaseFile(dir) + " --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 6u) << r.out;
  EXPECT_EQ(lines[0], "id,kind,name,core");
  EXPECT_EQ(lines[1], "A,person,\"Smith, Jo\",3");
  EXPECT_EQ(lines[2], "B,person,\"Lee \"\"Big\"\" Kim\",3");
  EXPECT_EQ(lines[3], "C,person,,3");
  EXPECT_EQ(lines[5], "X,phone,,2");
}

TEST(CoresCli, TextNamesTheInnermostCore) {
  testing::TempDir dir;
  const CliRun r = Cli("cores " + CaseFile(dir) + " --top 2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("degeneracy"), std::string::npos);
  EXPECT_NE(r.out.find("Innermost core (k = 3, 4 entities)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Smith, Jo"), std::string::npos);
  EXPECT_NE(r.out.find("Top 2 by core number"), std::string::npos);
  // An empty case is not an error.
  const CliRun empty = Cli("cores " + dir.File("empty.jsonl", ""));
  EXPECT_EQ(empty.code, 0) << empty.err;
  EXPECT_NE(empty.out.find("No entities"), std::string::npos);
}

TEST(CoresCli, BadOptionsAreExitTwo) {
  testing::TempDir dir;
  const std::string f = CaseFile(dir);
  EXPECT_EQ(Cli("cores").code, 2);  // no files
  for (const char* bad : {"--mode sideways", "--format xml", "--top -1", "--top many",
                          "--threads x", "--kinds", "--no-such-option"}) {
    const CliRun r = Cli("cores " + f + " " + bad);
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
  const CliRun r = Cli("cores " + f + " --mode sideways");
  EXPECT_NE(r.err.find("--mode"), std::string::npos) << r.err;
}

TEST(CoresCli, MissingFileOrKindIsExitOne) {
  testing::TempDir dir;
  CliRun r = Cli("cores " + dir.Path("missing.csv"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("missing.csv"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = Cli("cores " + CaseFile(dir) + " --kinds submarine");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("submarine"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace linkscope
