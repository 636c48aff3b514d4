// Every reader on the real files of its format, with the counts ../shared/datasets/README.md
// lists (entities / distinct pairs / links or arcs).
#include <gtest/gtest.h>

#include "linkscope/algo/stats.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

struct Case {
  const char* file;
  InputFormat format;
  uint64_t entities;
  uint64_t pairs;
  uint64_t links;      // links read: arcs of a directed matrix, rows of an edge list
  int64_t components;  // -1: not listed
  bool directed;       // links came out directed
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

class RealDatasets : public ::testing::TestWithParam<Case> {};

TEST_P(RealDatasets, CountsMatchThePublishedInventory) {
  LINKSCOPE_REQUIRE_DATASETS();
  const Case& c = GetParam();
  Graph g;
  const LoadReport r = g.Load({testing::Dataset(c.file)});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, c.format);
  EXPECT_EQ(r.rejected, 0u);
  const GraphStats st = ComputeStats(g.shared_model());
  EXPECT_EQ(st.entities, c.entities);
  EXPECT_EQ(st.distinct_pairs, c.pairs);
  EXPECT_EQ(st.links, c.links);
  if (c.components >= 0) {
    EXPECT_EQ(st.components, static_cast<uint64_t>(c.components));
  }
  EXPECT_EQ(st.directed_links, c.directed ? st.links : 0u);
}

constexpr InputFormat kMatrix = InputFormat::kMatrix;
constexpr InputFormat kEdges = InputFormat::kEdgeList;
constexpr InputFormat kGml = InputFormat::kGml;

INSTANTIATE_TEST_SUITE_P(
    Inventory, RealDatasets,
    ::testing::Values(
        Case{"bench_karate/karate_edges.csv", kEdges, 34, 78, 78, 1, false},
        Case{"bench_lesmis/lesmis.gml", kGml, 77, 254, 254, 1, false},
        Case{"bench_dolphins/dolphins_with_group.gml", kGml, 62, 159, 159, 1, false},
        Case{"bench_football/football.gml", kGml, 115, 613, 613, 1, false},
        Case{"bench_polbooks/polbooks.gml", kGml, 105, 441, 441, 1, false},
        Case{"caviar/caviar_aggregate_weighted.csv", kMatrix, 110, 205, 295, -1, true},
        Case{"caviar/phase1.csv", kMatrix, 15, 18, 26, -1, true},
        Case{"montagna_sicilian_mafia/Montagna_meetings_edgelist.csv", kEdges, 101, 256, 289, -1,
             false},
        Case{"montagna_sicilian_mafia/Montagna_phonecalls_edgelist.csv", kEdges, 100, 124, 150, -1,
             false},
        Case{"morselli_siren/siren.csv", kMatrix, 44, 103, 103, -1, false},
        Case{"morselli_togo/togo.csv", kMatrix, 33, 47, 47, -1, false},
        Case{"morselli_cielnet/cielnet.csv", kMatrix, 25, 35, 45, -1, true},
        Case{"natarajan_cocaine_nyc/natarajan_cocaine.csv", kMatrix, 28, 40, 40, -1, true},
        Case{"natarajan_heroin_nyc/natarajan_heroin.csv", kMatrix, 38, 87, 168, -1, true},
        Case{"cocaine_smuggling_spain/COCAINE_MAMBO.csv", kMatrix, 31, 58, 110, -1, true},
        Case{"french_connection/french_connection_tfc.csv", kMatrix, 112, 361, 361, -1, false},
        Case{"london_gang/london_gang.csv", kMatrix, 54, 315, 315, -1, false},
        Case{"montreal_street_gangs/montreal_gangs.csv", kMatrix, 35, 78, 153, 4, true},
        Case{"italian_gangs/italian_gangs.csv", kMatrix, 67, 114, 114, -1, false},
        // Two-mode: 156 persons x 47 summits, 455 attendances.
        Case{"ndrangheta_infinito_summits/ndrangheta_infinito_2mode.csv", kMatrix, 203, 455, 455,
             -1, false},
        // 'Tarek Maaroufi' labels two rows and columns: 60 distinct names.
        Case{"krebs_911_hijackers/ucinet_9_11_HIJACKERS_ASSOCIATES.csv", kMatrix, 60, 125, 199, -1,
             true},
        // Both directions of 159 ties, 69 people.
        Case{"krebs_911_hijackers/snabook_9_11_edgelist.txt", kEdges, 69, 159, 382, -1, false},
        Case{"n17_greece_rhodes/RHODESBOMBING.csv", kMatrix, 22, 66, 129, -1, true},
        Case{"jemaah_islamiyah_bali2002_koschade/ji_edges.csv", kEdges, 17, 63, 63, 1, false},
        Case{"madoff_fraud/madoff_edges.csv", kEdges, 61, 60, 61, 1, false},
        Case{"drugnet_hartford/DRUGNET.csv", kMatrix, 293, 284, 337, -1, true},
        Case{"tna_nets_india_terror/ClandestineNet1.gml", kGml, 11, 29, 29, 1, false},
        Case{"tna_nets_india_terror/ClandestineNet2.gml", kGml, 36, 139, 139, 1, false},
        Case{"tna_nets_india_terror/ClandestineNet3.gml", kGml, 143, 1085, 1085, 1, false},
        Case{"tna_nets_india_terror/ClandestineNet4.gml", kGml, 21, 60, 60, 1, false}),
    [](const ::testing::TestParamInfo<Case>& p) {
      std::string name = p.param.file;
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(RealDatasetsMixed, SeveralFilesShareIds) {
  LINKSCOPE_REQUIRE_DATASETS();
  // The two Montagna layers name the same 1..154 ids: one graph, the union of both.
  Graph g;
  g.Load({testing::Dataset("montagna_sicilian_mafia/Montagna_meetings_edgelist.csv"),
          testing::Dataset("montagna_sicilian_mafia/Montagna_phonecalls_edgelist.csv")});
  EXPECT_EQ(g.model().link_count(), 289u + 150u);
  EXPECT_LT(g.model().entity_count(), 101u + 100u);
  // Karate: the node table declares the members, the edge list links them.
  Graph k;
  k.Load({testing::Dataset("bench_karate/karate_nodes.csv"),
          testing::Dataset("bench_karate/karate_edges.csv")});
  EXPECT_EQ(k.model().entity_count(), 34u);
  EXPECT_FALSE(k.model().Implicit(*k.model().FindEntity("1")));
  EXPECT_EQ(k.model().Properties(*k.model().FindEntity("1"))[0].value.text, "Mr. Hi");
}

TEST(RealDatasetsMixed, EveryCsvAndGmlFileLoadsLenientlyWithoutCrashing) {
  LINKSCOPE_REQUIRE_DATASETS();
  // Robustness: whatever the file, a lenient load either reads it or reports why, never crashes.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::DatasetsDir())) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".csv" && ext != ".gml" && ext != ".txt") continue;
    if (entry.path().filename() == "SOURCE.txt" ||
        entry.path().filename().string().rfind("abstract", 0) == 0 ||
        entry.path().filename() == "description.txt" ||
        entry.path().filename().string().find("LICENSE") != std::string::npos ||
        entry.path().filename() == "tft_network_data_readme.txt" ||
        entry.path().filename() == "description_noordin139.txt" ||
        entry.path().filename() == "abstract_noordin139.txt") {
      continue;
    }
    Graph g;
    LoadOptions o;
    o.lenient = true;
    EXPECT_NO_THROW(g.Load({entry.path().string()}, o)) << entry.path();
  }
}

}  // namespace
}  // namespace linkscope
