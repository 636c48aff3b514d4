// The report on the embedded sample: golden JSON, byte-identical reruns (any thread count),
// redaction item by item in HTML, JSON and CSV, and the config file's errors.
#include "linkscope/report/report.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

const std::string kSample = std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl";
const std::string kConfig = std::string(LINKSCOPE_SOURCE_DIR) + "/tests/report/sample_config.json";
const std::string kGolden =
    std::string(LINKSCOPE_SOURCE_DIR) + "/tests/report/golden/sample_report.json";

// Every file of a report directory: name -> bytes.
std::map<std::string, std::string> Files(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out[e.path().filename().string()] = testing::ReadFile(e.path().string());
  }
  return out;
}

std::map<std::string, std::string> MakeReport(const std::string& dir, uint32_t threads,
                                       uint8_t max_handling = 0) {
  ReportConfig config = ReadReportConfig(kConfig);
  config.threads = threads;
  LoadOptions lo;
  lo.max_handling = max_handling;
  Graph g;
  const LoadReport load = g.Load({kSample}, lo);
  // Inputs are named as given; the test gives the same name on every machine.
  ReportInput in = DigestFile(kSample);
  in.path = "datasets/sample/case.jsonl";
  LoadReport named = load;
  named.files[0].path = in.path;
  WriteReport(g, named, {in}, config, max_handling, dir);
  return Files(dir);
}

TEST(Report, SampleMatchesTheGoldenJson) {
  testing::TempDir tmp;
  const auto files = MakeReport(tmp.Path("out"), 0);
  ASSERT_TRUE(files.contains("report.html"));
  ASSERT_TRUE(files.contains("report.json"));
  for (const char* csv : {"inputs.csv", "networks.csv", "network_members.csv", "key_players.csv",
                          "convergence.csv", "firearm_traces.csv", "watch_paths.csv",
                          "timeline.csv", "evidence.csv", "parameters.csv"}) {
    EXPECT_TRUE(files.contains(csv)) << csv;
  }
  const std::string& json = files.at("report.json");
  if (std::getenv("LINKSCOPE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(kGolden, std::ios::binary) << json;
    GTEST_SKIP() << "golden file rewritten: " << kGolden;
  }
  const std::string golden = testing::ReadFile(kGolden);
  ASSERT_FALSE(golden.empty()) << "missing " << kGolden
                               << " (run with LINKSCOPE_UPDATE_GOLDEN=1 to make it)";
  EXPECT_TRUE(json == golden) << "report.json differs from " << kGolden
                              << "; if the change is meant, rerun with LINKSCOPE_UPDATE_GOLDEN=1";
}

TEST(Report, SampleContentsAreConsistent) {
  testing::TempDir tmp;
  const auto files = MakeReport(tmp.Path("out"), 0);
  rapidjson::Document d;
  d.Parse(files.at("report.json").c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["overview"]["statistics"]["entities"].GetUint64(), 3026u);
  EXPECT_EQ(d["overview"]["files"][0]["sha256"].GetStringLength(), 64u);
  const auto& ranking = d["networks"]["ranking"].GetArray();
  ASSERT_GE(ranking.Size(), 6u);
  double last = 101;
  for (const auto& n : ranking) {
    EXPECT_LE(n["risk"].GetDouble(), last);  // ranked by risk
    last = n["risk"].GetDouble();
  }
  EXPECT_TRUE(ranking[0]["detailed"].GetBool());
  EXPECT_FALSE(ranking[6]["detailed"].GetBool());
  EXPECT_GT(ranking[0]["drawing"]["nodes"].Size(), 0u);
  // The watch list: an unknown id is listed as missing, the others connected pairwise.
  const auto& watch = d["watch_list"];
  ASSERT_EQ(watch["missing"].Size(), 1u);
  EXPECT_STREQ(watch["missing"][0].GetString(), "NOBODY");
  EXPECT_EQ(watch["paths"].Size(), 6u);  // 4 entities: 6 pairs
  // Every evidence row of a path is in the evidence table and cites a source and a grade field.
  std::set<std::string> cited;
  for (const auto& e : d["evidence"].GetArray()) {
    cited.insert(fmt::format("{}|{}|{}|{}", e["from"].GetString(), e["to"].GetString(),
                             e["type"].GetString(), e["date"].GetString()));
    EXPECT_TRUE(e.HasMember("source") && e.HasMember("grade"));
  }
  for (const auto& p : watch["paths"].GetArray()) {
    for (const auto& e : p["links"].GetArray()) {
      EXPECT_TRUE(cited.contains(fmt::format("{}|{}|{}|{}", e["from"].GetString(),
                                             e["to"].GetString(), e["type"].GetString(),
                                             e["date"].GetString())));
    }
  }
  // Firearm traces: each has 2+ records or 2+ seizures, its chain in date order.
  for (const auto& f : d["firearm_traces"]["firearms"].GetArray()) {
    EXPECT_TRUE(f["records"].GetUint() >= 2 || f["seizures"].GetUint() >= 2);
    std::string previous;
    for (const auto& s : f["chain"].GetArray()) {
      const std::string date = s["date"].GetString();
      if (date.empty()) continue;
      EXPECT_LE(previous.substr(0, 10), date.substr(0, 10));
      previous = date;
    }
  }
  EXPECT_GT(d["timeline"]["years"].Size(), 0u);
  EXPECT_EQ(d["handling"]["withheld"].GetUint64(), 0u);
}

TEST(Report, RerunsAreByteIdenticalForAnyThreadCount) {
  testing::TempDir tmp;
  const auto a = MakeReport(tmp.Path("a"), 0);
  const auto b = MakeReport(tmp.Path("b"), 1);
  const auto c = MakeReport(tmp.Path("c"), 0);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    EXPECT_TRUE(bytes == b.at(name)) << name << " differs between 1 thread and all threads";
    EXPECT_TRUE(bytes == c.at(name)) << name << " differs between two runs";
  }
}

// Every link record above the handling code, and every id only such links name, must be
// absent from every file; every cited link must be at or below the code.
TEST(Report, RedactionRemovesEveryRestrictedItem) {
  constexpr uint8_t kMax = 2;
  Graph full;
  full.Load({kSample});
  const Model& m = full.model();
  std::set<std::string> kept_sources, restricted_sources, kept_ids, restricted_ids;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const bool restricted = m.Handling(l) > kMax;
    (restricted ? restricted_sources : kept_sources).insert(std::string(m.Source(l)));
    for (const EntityId e : {m.From(l), m.To(l)}) {
      if (m.Implicit(e)) (restricted ? restricted_ids : kept_ids).insert(std::string(m.ExternalId(e)));
    }
  }
  // Entity records carry sources too (and no handling code): those may appear.
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    for (const EntityRecord& r : m.Records(e)) kept_sources.insert(std::string(r.source));
  }
  std::vector<std::string> only_restricted_sources, only_restricted_ids;
  for (const std::string& s : restricted_sources) {
    if (!kept_sources.contains(s) && !s.empty()) only_restricted_sources.push_back(s);
  }
  for (const std::string& id : restricted_ids) {
    if (!kept_ids.contains(id)) only_restricted_ids.push_back(id);
  }
  ASSERT_GT(only_restricted_sources.size(), 100u) << "the sample should have restricted items";
  // Each restricted record by its content, unless a permitted record says the same.
  auto tuple_of = [&](LinkId l) {
    return fmt::format("{}|{}|{}|{}|{}", m.ExternalId(m.From(l)), m.ExternalId(m.To(l)),
                       m.TypeName(l), FormatDateRange(m.LinkDates(l)), m.Source(l));
  };
  std::set<std::string> restricted_links, kept_links;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    (m.Handling(l) > kMax ? restricted_links : kept_links).insert(tuple_of(l));
  }
  for (const std::string& t : kept_links) restricted_links.erase(t);
  ASSERT_GT(restricted_links.size(), 1000u);

  testing::TempDir tmp;
  const auto files = MakeReport(tmp.Path("out"), 0, kMax);
  for (const auto& [name, bytes] : files) {
    for (const std::string& s : only_restricted_sources) {
      EXPECT_EQ(bytes.find(s), std::string::npos) << name << " cites withheld source " << s;
    }
    for (const std::string& id : only_restricted_ids) {
      // Ids are whole tokens in every format: quoted in JSON/HTML, a field in CSV.
      for (const std::string& token : {fmt::format("\"{}\"", id), fmt::format(">{}<", id),
                                       fmt::format(",{},", id), fmt::format("\n{},", id)}) {
        EXPECT_EQ(bytes.find(token), std::string::npos) << name << " names withheld id " << id;
      }
    }
  }
  rapidjson::Document d;
  d.Parse(files.at("report.json").c_str());
  ASSERT_FALSE(d.HasParseError());
  const uint64_t withheld = d["handling"]["withheld"].GetUint64();
  EXPECT_GT(withheld, 0u);
  EXPECT_EQ(d["handling"]["max_handling_code"].GetUint(), kMax);
  EXPECT_EQ(d["overview"]["withheld"].GetUint64(), withheld);
  for (const auto& e : d["evidence"].GetArray()) {
    EXPECT_LE(e["handling"].GetUint(), kMax);
    const std::string t = fmt::format("{}|{}|{}|{}|{}", e["from"].GetString(), e["to"].GetString(),
                                      e["type"].GetString(), e["date"].GetString(),
                                      e["source"].GetString());
    EXPECT_FALSE(restricted_links.contains(t)) << "withheld link cited: " << t;
  }
  // The HTML states how many were withheld.
  EXPECT_NE(files.at("report.html").find(fmt::format("{}", withheld)), std::string::npos);
  // CSV evidence: the handling column (8th) is at most the code on every row.
  std::istringstream csv(files.at("evidence.csv"));
  std::string line;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (const char ch : line) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else if (ch != '\r') {
        cell += ch;
      }
    }
    cells.push_back(cell);
    ASSERT_EQ(cells.size(), 9u) << line;
    EXPECT_LE(std::stoi(cells[7]), kMax) << line;
  }
}

TEST(Report, ConfigErrorsNameTheFileLineAndKey) {
  testing::TempDir tmp;
  const std::string bad = tmp.File("bad.json", "{\n  \"networks\": 3,\n  \"colour\": \"red\"\n}\n");
  try {
    ReadReportConfig(bad);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), bad);
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(e.reason().find("colour"), std::string::npos);
  }
  const std::string broken = tmp.File("broken.json", "{\n  \"networks\": ,\n}\n");
  EXPECT_THROW(ReadReportConfig(broken), InputError);
  const std::string typed = tmp.File("typed.json", "{\"watch_list\": \"P00001\"}");
  EXPECT_THROW(ReadReportConfig(typed), InputError);
  const std::string weights = tmp.File("w.json", "{\"risk\": {\"size\": 1, \"glamour\": 2}}");
  EXPECT_THROW(ReadReportConfig(weights), InputError);
  EXPECT_THROW(ReadReportConfig(tmp.Path("missing.json")), IoError);
  const ReportConfig ok = ReadReportConfig(kConfig);
  EXPECT_EQ(ok.networks, 6u);
  EXPECT_EQ(ok.watch_list.size(), 5u);
}

}  // namespace
}  // namespace linkscope
