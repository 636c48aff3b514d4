// linkscope path, neighbors, connect, centrality, keyplayers, remove and robustness, run as a
// user would: JSON keys, answers on small cases where they are known, evidence, exit codes for
// unknown ids and bad options.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "cli/cli_test_util.hpp"

namespace linkscope {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::Json;

// A reaches firearm F two ways: A-B-F, two weakly graded links (E5: confidence 0.04 each),
// dated in order; or A-C-D-F, three A1 links (confidence 1), but C-D is dated before A-C, so
// that way is not time-respecting. Person E is isolated.
std::string CaseFile(const testing::TempDir& dir) {
  return dir.File("case.jsonl",
                  R"({"record":"entity","id":"A","kind":"person","name":"Ana"}
{"record":"entity","id":"B","kind":"person"}
{"record":"entity","id":"C","kind":"person"}
{"record":"entity","id":"D","kind":"person"}
{"record":"entity","id":"E","kind":"person"}
{"record":"entity","id":"F","kind":"firearm","serial":"X123"}
{"record":"link","from":"A","to":"B","type":"associate","grade":"E5","date":"2020-02","source":"rep-1"}
{"record":"link","from":"B","to":"F","type":"possessed","grade":"E5","date":"2020-03","source":"rep-2"}
{"record":"link","from":"A","to":"C","type":"associate","grade":"A1","date":"2020-01","source":"rep-3"}
{"record":"link","from":"C","to":"D","type":"associate","grade":"A1","date":"2019-01","source":"rep-4"}
{"record":"link","from":"D","to":"F","type":"possessed","grade":"A1","date":"2020-04","source":"rep-5"}
)");
}

std::vector<std::string> Strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
  return out;
}

using Ids = std::vector<std::string>;

TEST(PathCli, FewestHopsWithEvidence) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --format json --from A --to F");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_TRUE(d["found"].GetBool());
  ASSERT_EQ(d["paths"].Size(), 1u);
  const auto& p = d["paths"][0];
  EXPECT_EQ(Strings(p["entities"]), (Ids{"A", "B", "F"}));
  EXPECT_EQ(p["hops"].GetUint64(), 2u);
  EXPECT_DOUBLE_EQ(p["cost"].GetDouble(), 2.0);
  ASSERT_EQ(p["links"].Size(), 2u);
  const auto& first = p["links"][0];
  EXPECT_STREQ(first["from"].GetString(), "A");
  EXPECT_STREQ(first["to"].GetString(), "B");
  EXPECT_STREQ(first["type"].GetString(), "associate");
  EXPECT_STREQ(first["grade"].GetString(), "E5");
  EXPECT_STREQ(first["source"].GetString(), "rep-1");
  EXPECT_STREQ(first["date"].GetString(), "2020-02");
  EXPECT_NEAR(first["confidence"].GetDouble(), 0.04, 1e-12);
  EXPECT_STREQ(p["links"][1]["to"].GetString(), "F");
}

TEST(PathCli, MostReliableTakesTheWellGradedWay) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --weight reliability");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  const auto& p = d["paths"][0];
  EXPECT_EQ(Strings(p["entities"]), (Ids{"A", "C", "D", "F"}));
  EXPECT_NEAR(p["reliability"].GetDouble(), 1.0, 1e-12);
}

TEST(PathCli, TimeRespectingAvoidsTheStepBackInTime) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --weight reliability --time-respecting");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_EQ(d["paths"].Size(), 1u);
  EXPECT_EQ(Strings(d["paths"][0]["entities"]), (Ids{"A", "B", "F"}));
}

// A link dated only by its year may have been taken late in that year: a 30-day gap to a step
// on 2020-12-15 is possible (taking A-B on 2020-12-10, say).
TEST(PathCli, MaxGapCountsFromTheLatestPossibleTime) {
  testing::TempDir dir;
  const std::string file = dir.File("gap.jsonl", R"({"record":"link","from":"A","to":"B","type":"associate","date":"2020"}
{"record":"link","from":"B","to":"C","type":"associate","date":"2020-12-15"}
)");
  CliRun r = Cli("path " + file + " --format json --from A --to C --time-respecting --max-gap 30");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d = Json(r.out);
  ASSERT_TRUE(d["found"].GetBool());
  const auto& links = d["paths"][0]["links"];
  ASSERT_EQ(links.Size(), 2u);
  EXPECT_STREQ(links[1]["time"].GetString(), "2020-12-15T00:00:00Z");
  // The other way round both steps can be on 2020-12-15, even with no gap at all.
  r = Cli("path " + file + " --format json --from C --to A --time-respecting --max-gap 0");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Json(r.out)["found"].GetBool());
  // A link of 2019 is over 11 months before 2020-12-15: no 30-day chain.
  const std::string early = dir.File("early.jsonl", R"({"record":"link","from":"A","to":"B","type":"associate","date":"2019"}
{"record":"link","from":"B","to":"C","type":"associate","date":"2020-12-15"}
)");
  r = Cli("path " + early + " --format json --from A --to C --time-respecting --max-gap 30");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(Json(r.out)["found"].GetBool());
}

TEST(PathCli, KShortestAreDistinctAndOrdered) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --k 5");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_EQ(d["paths"].Size(), 2u);  // only two loopless paths exist
  EXPECT_EQ(Strings(d["paths"][0]["entities"]), (Ids{"A", "B", "F"}));
  EXPECT_EQ(Strings(d["paths"][1]["entities"]), (Ids{"A", "C", "D", "F"}));
}

TEST(PathCli, ConstraintsAndNoPath) {
  testing::TempDir dir;
  // Excluding B and keeping only A-graded links leave A-C-D-F; max-hops 2 leaves nothing.
  CliRun r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --exclude B");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Strings(Json(r.out)["paths"][0]["entities"]), (Ids{"A", "C", "D", "F"}));
  r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --min-confidence 0.5");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Strings(Json(r.out)["paths"][0]["entities"]), (Ids{"A", "C", "D", "F"}));
  r = Cli("path " + CaseFile(dir) + " --format json --from A --to F --exclude B --max-hops 2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(Json(r.out)["found"].GetBool());
  EXPECT_EQ(Json(r.out)["paths"].Size(), 0u);
  r = Cli("path " + CaseFile(dir) + " --from A --to E");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("No path"), std::string::npos) << r.out;
}

TEST(PathCli, UnknownIdIsAClearError) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --from A --to NOPE");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("NOPE"), std::string::npos) << r.err;
  const CliRun bad = Cli("path " + CaseFile(dir) + " --from A --to F --max-gap 3");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--time-respecting"), std::string::npos) << bad.err;
}

TEST(PathCli, TextShowsTheChain) {
  testing::TempDir dir;
  const CliRun r = Cli("path " + CaseFile(dir) + " --from A --to F");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("A Ana (person)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("grade E5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source rep-2"), std::string::npos) << r.out;
}

TEST(NeighborsCli, DepthsAroundAnEntity) {
  testing::TempDir dir;
  const CliRun r = Cli("neighbors " + CaseFile(dir) + " --format json --of A --depth 1");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  Ids ids;
  for (const auto& e : d["entities"].GetArray()) {
    ids.emplace_back(e["id"].GetString());
    EXPECT_EQ(e["depth"].GetUint64(), ids.back() == "A" ? 0u : 1u);
  }
  EXPECT_EQ(ids, (Ids{"A", "B", "C"}));
  EXPECT_EQ(d["links"].GetUint64(), 2u);
}

TEST(ConnectCli, LinksTheTerminals) {
  testing::TempDir dir;
  const CliRun r = Cli("connect " + CaseFile(dir) + " --format json --ids B,D,E");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  EXPECT_FALSE(d["connected"].GetBool());
  EXPECT_EQ(Strings(d["unreachable"]), (Ids{"E"}));
  // B and D: through F (B-F-D) or A-C (B-A-C-D); the first is shorter.
  EXPECT_EQ(Strings(d["entities"]), (Ids{"B", "D", "F"}));
  EXPECT_EQ(d["links"].Size(), 2u);
  EXPECT_DOUBLE_EQ(d["cost"].GetDouble(), 2.0);
  EXPECT_EQ(Cli("connect " + CaseFile(dir) + " --ids A").code, 2);
}

// X - Y - Z, and W alone.
std::string LineFile(const testing::TempDir& dir) {
  return dir.File("line.jsonl", R"({"record":"entity","id":"X","kind":"person"}
{"record":"entity","id":"Y","kind":"person"}
{"record":"entity","id":"Z","kind":"person"}
{"record":"link","from":"X","to":"Y","type":"associate"}
{"record":"link","from":"Y","to":"Z","type":"associate"}
)");
}

TEST(CentralityCli, ScoresSortedHighestFirst) {
  testing::TempDir dir;
  CliRun r = Cli("centrality " + LineFile(dir) + " --format json --measure betweenness");
  ASSERT_EQ(r.code, 0) << r.err;
  rapidjson::Document d = Json(r.out);
  ASSERT_EQ(d["scores"].Size(), 3u);
  EXPECT_STREQ(d["scores"][0]["id"].GetString(), "Y");
  EXPECT_DOUBLE_EQ(d["scores"][0]["score"].GetDouble(), 1.0);
  EXPECT_STREQ(d["scores"][1]["id"].GetString(), "X");  // ties by id
  EXPECT_DOUBLE_EQ(d["scores"][2]["score"].GetDouble(), 0.0);
  r = Cli("centrality " + LineFile(dir) + " --format json --measure degree --top 1");
  ASSERT_EQ(r.code, 0) << r.err;
  d = Json(r.out);
  ASSERT_EQ(d["scores"].Size(), 1u);
  EXPECT_DOUBLE_EQ(d["scores"][0]["score"].GetDouble(), 1.0);
  for (const char* m : {"closeness", "harmonic", "pagerank", "eigenvector"}) {
    r = Cli("centrality " + LineFile(dir) + " --format json --measure " + std::string(m));
    ASSERT_EQ(r.code, 0) << m << r.err;
    EXPECT_STREQ(Json(r.out)["scores"][0]["id"].GetString(), "Y") << m;
  }
  EXPECT_EQ(Cli("centrality " + LineFile(dir) + " --measure nonsense").code, 2);
  EXPECT_EQ(Cli("centrality " + LineFile(dir) + " --measure pagerank --pivots 2").code, 2);
}

TEST(StructureCli, CutVerticesAndBridges) {
  testing::TempDir dir;
  const CliRun r = Cli("structure " + LineFile(dir) + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  EXPECT_EQ(Strings(d["articulation_points"]), (Ids{"Y"}));
  ASSERT_EQ(d["bridges"].Size(), 2u);
  EXPECT_EQ(Strings(d["bridges"][0]), (Ids{"X", "Y"}));
  EXPECT_EQ(Strings(d["bridges"][1]), (Ids{"Y", "Z"}));
  // In the case file, the cycle A-C-D-F-B-A has no bridge; E is isolated.
  const CliRun c = Cli("structure " + CaseFile(dir) + " --format json");
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(Json(c.out)["bridges"].Size(), 0u);
  EXPECT_EQ(Json(c.out)["articulation_points"].Size(), 0u);
}

// A hub with four leaves; the hub's removal isolates them.
std::string StarFile(const testing::TempDir& dir) {
  std::string text;
  for (const char* id : {"H", "L1", "L2", "L3", "L4"}) {
    text += std::string(R"({"record":"entity","id":")") + id + R"(","kind":"person"})" + "\n";
  }
  for (const char* id : {"L1", "L2", "L3", "L4"}) {
    text += std::string(R"({"record":"link","from":"H","to":")") + id + R"(","type":"associate"})" + "\n";
  }
  return dir.File("star.jsonl", text);
}

TEST(KeyPlayersCli, TheHubFragmentsTheStar) {
  testing::TempDir dir;
  const CliRun r = Cli("keyplayers " + StarFile(dir) + " --format json --k 1");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  EXPECT_EQ(Strings(d["set"]), (Ids{"H"}));
  EXPECT_EQ(d["before"]["components"].GetUint64(), 1u);
  EXPECT_EQ(d["before"]["largest_component"].GetUint64(), 5u);
  EXPECT_DOUBLE_EQ(d["before"]["fragmentation"].GetDouble(), 0.0);
  EXPECT_EQ(d["after"]["components"].GetUint64(), 4u);
  EXPECT_EQ(d["after"]["largest_component"].GetUint64(), 1u);
  EXPECT_DOUBLE_EQ(d["after"]["fragmentation"].GetDouble(), 1.0);
  const CliRun reach = Cli("keyplayers " + StarFile(dir) + " --format json --k 1 --mode reach");
  ASSERT_EQ(reach.code, 0) << reach.err;
  EXPECT_EQ(Strings(Json(reach.out)["set"]), (Ids{"H"}));
  EXPECT_EQ(Cli("keyplayers " + StarFile(dir) + " --k 9").code, 2);
}

TEST(RemoveCli, BeforeAndAfter) {
  testing::TempDir dir;
  CliRun r = Cli("remove " + StarFile(dir) + " --format json --ids H,L1");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  EXPECT_EQ(d["after"]["vertices"].GetUint64(), 3u);
  EXPECT_EQ(d["after"]["components"].GetUint64(), 3u);
  EXPECT_TRUE(d["cut"].IsArray());
  r = Cli("remove " + StarFile(dir) + " --ids H,NOPE");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("NOPE"), std::string::npos) << r.err;
}

TEST(RobustnessCli, CurveFallsWhenTheHubGoes) {
  testing::TempDir dir;
  const CliRun r = Cli("robustness " + StarFile(dir) + " --format json --order degree --steps 0");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_EQ(d["curve"].Size(), 6u);
  EXPECT_DOUBLE_EQ(d["curve"][0]["largest_share"].GetDouble(), 1.0);
  EXPECT_DOUBLE_EQ(d["curve"][1]["largest_share"].GetDouble(), 0.2);
  EXPECT_EQ(d["curve"][5]["components"].GetUint64(), 0u);
  EXPECT_EQ(Cli("robustness " + StarFile(dir) + " --order ids").code, 2);
}

TEST(PathCli, OptionsACommandWouldIgnoreAreRefused) {
  testing::TempDir dir;
  for (const std::string& args :
       {std::string("connect --ids B,D --max-hops 1"), std::string("connect --ids B,D --time-respecting"),
        std::string("connect --ids B,D --direction forward"),
        std::string("neighbors --of A --max-hops 1"), std::string("neighbors --of A --max-gap 2"),
        std::string("path --from A --to F --drop-undated")}) {
    const std::string command = args.substr(0, args.find(' '));
    const CliRun r = Cli(command + " " + CaseFile(dir) + args.substr(command.size()));
    EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
    EXPECT_NE(r.err.find("--"), std::string::npos) << r.err;
  }
  const CliRun depth = Cli("keyplayers " + StarFile(dir) + " --k 1 --depth 2");
  EXPECT_EQ(depth.code, 2);
  EXPECT_NE(depth.err.find("--depth"), std::string::npos) << depth.err;
  // --drop-undated with --time-respecting is fine.
  EXPECT_EQ(Cli("path " + CaseFile(dir) + " --from A --to F --time-respecting --drop-undated").code, 0);
}

TEST(RemoveCli, RepeatedIdsCountOnce) {
  testing::TempDir dir;
  const CliRun r = Cli("remove " + StarFile(dir) + " --format json --ids L1,L1");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  EXPECT_EQ(Strings(d["removed"]), (Ids{"L1"}));
  EXPECT_EQ(d["after"]["vertices"].GetUint64(), 4u);
}

TEST(CentralityCli, PageRankWithoutTeleport) {
  testing::TempDir dir;
  // X - Y - Z is bipartite (the walk is periodic); add X - Z for a triangle: 1/3 each.
  const std::string file = dir.File("tri.jsonl", R"({"record":"link","from":"X","to":"Y","type":"associate"}
{"record":"link","from":"Y","to":"Z","type":"associate"}
{"record":"link","from":"Z","to":"X","type":"associate"}
)");
  const CliRun r = Cli("centrality " + file + " --format json --measure pagerank --damping 1");
  ASSERT_EQ(r.code, 0) << r.err;
  const rapidjson::Document d = Json(r.out);
  ASSERT_EQ(d["scores"].Size(), 3u);
  for (const auto& e : d["scores"].GetArray()) EXPECT_NEAR(e["score"].GetDouble(), 1.0 / 3, 1e-9);
}

TEST(PathCli, SampleCaseRunsEveryCommand) {
  const std::string sample = testing::kSample;
  for (const std::string& args :
       {std::string("path --from P00001 --to P00004 --weight reliability --k 3"),
        std::string("neighbors --of P00001 --depth 2"), std::string("connect --ids P00001,P00004,F00001"),
        std::string("centrality --measure pagerank --top 5"), std::string("keyplayers --k 3"),
        std::string("remove --ids P00001"), std::string("robustness --order degree")}) {
    const std::string command = args.substr(0, args.find(' '));
    const CliRun r = Cli(command + " " + sample + " --format json" + args.substr(command.size()));
    EXPECT_EQ(r.code, 0) << args << "\n" << r.err;
    Json(r.out);
  }
}

}  // namespace
}  // namespace linkscope
