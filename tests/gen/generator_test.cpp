// The synthetic case generator: deterministic, loadable, and shaped like the problem.
#include "linkscope/gen/generator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "linkscope/algo/stats.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

struct Generated {
  testing::TempDir dir;
  std::string path;
  std::string truth;
  GeneratorReport report;
};

std::unique_ptr<Generated> Make(uint64_t entities, uint64_t seed) {
  auto g = std::make_unique<Generated>();
  g->path = g->dir.Path("case.jsonl");
  g->truth = g->dir.Path("case.truth.csv");
  GeneratorOptions o;
  o.entities = entities;
  o.seed = seed;
  g->report = GenerateCase(o, g->path, g->truth);
  return g;
}

// id -> (network, role) from the truth file.
std::map<std::string, std::pair<std::string, std::string>> Truth(const std::string& path) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "id,network,role");
  while (std::getline(in, line)) {
    const size_t a = line.find(',');
    const size_t b = line.find(',', a + 1);
    out[line.substr(0, a)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return out;
}

TEST(Generator, SameSeedSameBytesOtherSeedOtherCase) {
  auto a = Make(2000, 5);
  auto b = Make(2000, 5);
  auto c = Make(2000, 6);
  EXPECT_EQ(testing::ReadFile(a->path), testing::ReadFile(b->path));
  EXPECT_EQ(testing::ReadFile(a->truth), testing::ReadFile(b->truth));
  EXPECT_NE(testing::ReadFile(a->path), testing::ReadFile(c->path));
}

TEST(Generator, LoadsStrictlyAndMatchesItsReport) {
  auto g = Make(4000, 11);
  Graph graph;
  const LoadReport r = graph.Load({g->path});
  EXPECT_EQ(r.rejected, 0u);
  EXPECT_EQ(r.warning_count, 0u);
  EXPECT_EQ(graph.model().link_count(), g->report.links);
  EXPECT_EQ(r.files[0].entity_records, g->report.entity_records);
  const GraphStats st = ComputeStats(graph.shared_model());
  EXPECT_EQ(st.firearm_records, g->report.firearm_records);
  EXPECT_EQ(st.firearms, g->report.firearms);
  EXPECT_GT(st.merged_firearm_records, 0u);  // serials recur across sources
  EXPECT_EQ(st.implicit_entities, g->report.implicit);
  EXPECT_GT(st.implicit_entities, 0u);
  // A realistic mix of grades, including ungraded links.
  EXPECT_GE(st.by_grade.size(), 8u);
  bool ungraded = false;
  for (const auto& [grade, n] : st.by_grade) ungraded |= grade == "ungraded";
  EXPECT_TRUE(ungraded);
  // Dates within the configured years.
  EXPECT_GE(st.link_dates.lo, DaysFromCivil(2016, 1, 1) * 86400);
  EXPECT_LE(st.link_dates.hi, DaysFromCivil(2025, 1, 1) * 86400);
  // Several trades: every commodity category the generator plants appears.
  std::set<CommodityCategory> categories;
  for (EntityId e = 0; e < graph.model().entity_count(); ++e) {
    categories.insert(graph.model().Category(e));
  }
  for (auto c :
       {CommodityCategory::kGold, CommodityCategory::kDrugs, CommodityCategory::kWildlife}) {
    EXPECT_TRUE(categories.count(c));
  }
}

TEST(Generator, GroundTruthCoversEveryEntityAndPlantsCellsOfFiveToSixty) {
  auto g = Make(5000, 3);
  const auto truth = Truth(g->truth);
  Graph graph;
  graph.Load({g->path});
  const Model& m = graph.model();
  // Every entity, and every record id merged into one, has a truth row.
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    EXPECT_TRUE(truth.count(std::string(m.ExternalId(e)))) << m.ExternalId(e);
    for (const auto& rec : m.Records(e)) EXPECT_TRUE(truth.count(std::string(rec.id)));
  }
  std::map<std::string, int> persons;
  for (const auto& [id, nr] : truth) {
    if (nr.second == "member" || nr.second == "broker") ++persons[nr.first];
  }
  EXPECT_EQ(persons.size(), g->report.networks);
  for (const auto& [net, size] : persons) {
    EXPECT_GE(size, 5) << net;
    EXPECT_LE(size, 64) << net;  // 5..60, the last cell may absorb a remainder under 5
  }
  // Merged firearm records belong to one network.
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    const auto recs = m.Records(e);
    for (const auto& rec : recs) {
      EXPECT_EQ(truth.at(std::string(rec.id)).first, truth.at(std::string(recs[0].id)).first);
    }
  }
}

TEST(Generator, RejectsBadOptions) {
  testing::TempDir dir;
  GeneratorOptions o;
  o.entities = 50;
  EXPECT_THROW(GenerateCase(o, dir.Path("a"), dir.Path("b")), UsageError);
  o.entities = 1000;
  o.first_year = 2020;
  o.last_year = 2019;
  EXPECT_THROW(GenerateCase(o, dir.Path("a"), dir.Path("b")), UsageError);
  o.last_year = 2021;
  EXPECT_THROW(GenerateCase(o, dir.Path("no/such/dir/a"), dir.Path("b")), IoError);
}

// The embedded sample is what the generator makes from its documented seed; if the generator
// changes on purpose, regenerate it (docs/algorithms/generator.md says how).
TEST(Generator, EmbeddedSampleIsUpToDate) {
  auto g = Make(3000, 2026);
  const std::string dir = std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/";
  EXPECT_TRUE(testing::ReadFile(g->path) == testing::ReadFile(dir + "case.jsonl"))
      << "datasets/sample/case.jsonl differs from `linkscope generate --entities 3000 --seed 2026`";
  EXPECT_TRUE(testing::ReadFile(g->truth) == testing::ReadFile(dir + "case.truth.csv"));
}

}  // namespace
}  // namespace linkscope
