// Centrality on real networks against networkx 2.8 (Debian's python3-networkx, run with
// LINKSCOPE_PYTHON): nx_reference.py reads each dataset file on its own, builds the graph the
// module defines (one edge per pair, no loops; see docs/algorithms/centrality.md) and prints
// networkx's results; every vertex (and every edge for edge betweenness) must agree to 1e-9.
// Both sides must see the same graph: the vertex and pair counts are compared first, and scores
// are matched by external id, so a reader that dropped or renamed an entity fails the test.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/centrality/centrality.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

constexpr double kTolerance = 1e-9;
// PageRank and eigenvector: both sides iterate to this (networkx's tol; ours is the same test).
constexpr double kIterationTolerance = 1e-13;

struct Config {
  const char* file;
  const char* format;  // nx_reference.py's reader: gml, edges, matrix
  bool directed;
  bool weighted;
};

std::string Name(const Config& c) {
  std::string n = c.file;
  n += c.directed ? " directed" : " undirected";
  n += c.weighted ? " weighted" : " unweighted";
  return n;
}

const Config kConfigs[] = {
    {"bench_karate/karate_edges.csv", "edges", false, false},
    {"bench_karate/karate_edges.csv", "edges", false, true},
    {"bench_lesmis/lesmis.gml", "gml", false, false},
    {"bench_lesmis/lesmis.gml", "gml", false, true},
    {"bench_dolphins/dolphins_with_group.gml", "gml", false, false},
    {"bench_football/football.gml", "gml", false, false},
    {"morselli_siren/siren.csv", "matrix", false, false},
    {"french_connection/french_connection_tfc.csv", "matrix", false, false},
    {"montagna_sicilian_mafia/Montagna_meetings_edgelist.csv", "edges", false, false},
    {"montagna_sicilian_mafia/Montagna_meetings_edgelist.csv", "edges", false, true},
    {"caviar/caviar_aggregate_weighted.csv", "matrix", true, false},
    {"caviar/caviar_aggregate_weighted.csv", "matrix", true, true},
    {"caviar/caviar_aggregate_weighted.csv", "matrix", false, true},
    {"caviar/phase1.csv", "matrix", true, false},
    {"natarajan_heroin_nyc/natarajan_heroin.csv", "matrix", true, false},
    {"morselli_cielnet/cielnet.csv", "matrix", true, true},
    {"morselli_togo/togo.csv", "matrix", false, false},
    {"london_gang/london_gang.csv", "matrix", false, true},
    {"montagna_sicilian_mafia/Montagna_phonecalls_edgelist.csv", "edges", false, true},
    {"drugnet_hartford/DRUGNET.csv", "matrix", true, false},  // many isolates
};

// Runs the reference script; fails the test (never skips) when Python or networkx is missing.
bool RunReference(const Config& c, rapidjson::Document* d) {
  const std::string script =
      std::string(LINKSCOPE_SOURCE_DIR) + "/tests/centrality/nx_reference.py";
  char tol[32];
  std::snprintf(tol, sizeof tol, "%.17g", kIterationTolerance);
  const std::string cmd = std::string("'") + LINKSCOPE_PYTHON + "' '" + script + "' '" +
                          testing::Dataset(c.file) + "' " + c.format + " " +
                          (c.directed ? "1" : "0") + " " + (c.weighted ? "1" : "0") + " " + tol;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "cannot run " << cmd;
    return false;
  }
  std::string out;
  char buf[65536];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, got);
  const int status = pclose(pipe);
  if (status != 0) {
    ADD_FAILURE() << cmd << " failed (status " << status
                  << "): networkx 2.8 and scipy must be installed for " LINKSCOPE_PYTHON;
    return false;
  }
  d->Parse<rapidjson::kParseFullPrecisionFlag>(out.c_str());
  if (d->HasParseError() || !d->IsObject()) {
    ADD_FAILURE() << "bad JSON from " << cmd;
    return false;
  }
  return true;
}

uint64_t DistinctPairs(const Snapshot& s) {
  uint64_t pairs = 0;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    VertexId prev = kNoVertex;
    for (const VertexId w : s.Out(v)) {
      if (w != prev && w != v && (s.directed() || w > v)) ++pairs;
      prev = w;
    }
  }
  return pairs;
}

void ExpectScores(const Snapshot& s, const std::vector<double>& got, const rapidjson::Value& want,
                  const char* measure, bool relative) {
  ASSERT_TRUE(want.IsObject()) << measure;
  ASSERT_EQ(got.size(), want.MemberCount()) << measure;
  uint32_t bad = 0;
  for (auto it = want.MemberBegin(); it != want.MemberEnd(); ++it) {
    const VertexId v = s.VertexOfId(it->name.GetString());
    const double w = it->value.GetDouble();
    const double tol = relative ? kTolerance * std::max(1.0, std::fabs(w)) : kTolerance;
    if (std::fabs(got[v] - w) > tol && ++bad <= 5) {
      ADD_FAILURE() << measure << " of " << it->name.GetString() << ": linkscope " << got[v]
                    << ", networkx " << w;
    }
  }
  EXPECT_EQ(bad, 0u) << measure << ": vertices that differ";
}

class AgainstNetworkx : public ::testing::TestWithParam<Config> {};

TEST_P(AgainstNetworkx, EveryMeasureEveryVertex) {
  LINKSCOPE_REQUIRE_DATASETS();
  const Config& c = GetParam();
  rapidjson::Document ref;
  ASSERT_TRUE(RunReference(c, &ref));

  Graph g;
  g.Load({testing::Dataset(c.file)});
  SnapshotOptions so;
  so.directed = c.directed;
  const Snapshot s = g.TakeSnapshot(so);
  ASSERT_EQ(s.vertex_count(), ref["vertices"].GetUint64()) << "the two sides read different graphs";
  ASSERT_EQ(DistinctPairs(s), ref["pairs"].GetUint64()) << "the two sides read different graphs";
  ASSERT_GT(s.vertex_count(), 10u);

  CentralityOptions o;
  o.weighted = c.weighted;
  o.tolerance = kIterationTolerance;
  o.max_iterations = 100000;

  CentralityOptions with_edges = o;
  with_edges.edge_scores = true;
  const BetweennessScores b = Betweenness(s, with_edges);
  ExpectScores(s, b.vertex, ref["betweenness"], "betweenness", false);
  {
    CentralityOptions e = o;
    e.endpoints = true;
    e.edge_scores = false;
    ExpectScores(s, Betweenness(s, e).vertex, ref["betweenness_endpoints"], "betweenness endpoints",
                 false);
    e.endpoints = false;
    e.normalized = false;
    ExpectScores(s, Betweenness(s, e).vertex, ref["betweenness_raw"], "betweenness raw", true);
  }
  // Edge betweenness, by pair of external ids.
  std::map<std::pair<std::string, std::string>, double> edge_ref;
  for (const auto& row : ref["edge_betweenness"].GetArray()) {
    std::string a = row[0].GetString();
    std::string z = row[1].GetString();
    if (!c.directed && z < a) std::swap(a, z);
    edge_ref[{a, z}] = row[2].GetDouble();
  }
  std::set<std::pair<std::string, std::string>> seen;
  uint32_t bad_edges = 0;
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    const auto [u, v] = s.Endpoints(e);
    if (u == v) continue;
    std::string a(s.ExternalId(u));
    std::string z(s.ExternalId(v));
    if (!c.directed && z < a) std::swap(a, z);
    const auto it = edge_ref.find({a, z});
    ASSERT_NE(it, edge_ref.end()) << a << " - " << z << " is not an edge for networkx";
    seen.insert({a, z});
    if (std::fabs(b.edge[e] - it->second) > kTolerance && ++bad_edges <= 5) {
      ADD_FAILURE() << "edge betweenness of " << a << " - " << z << ": linkscope " << b.edge[e]
                    << ", networkx " << it->second;
    }
  }
  EXPECT_EQ(bad_edges, 0u);
  EXPECT_EQ(seen.size(), edge_ref.size());

  ExpectScores(s, Closeness(s, o), ref["closeness"], "closeness", false);
  {
    CentralityOptions raw = o;
    raw.normalized = false;
    ExpectScores(s, Closeness(s, raw), ref["closeness_raw"], "closeness wf_improved=False", false);
  }
  ExpectScores(s, Harmonic(s, o), ref["harmonic"], "harmonic", true);
  ExpectScores(s, PageRank(s, o), ref["pagerank"], "pagerank", false);
  ExpectScores(s, Eigenvector(s, o), ref["eigenvector"], "eigenvector", false);

  std::vector<std::string> points;
  for (const VertexId v : ArticulationPoints(s)) points.emplace_back(s.ExternalId(v));
  std::sort(points.begin(), points.end());
  std::vector<std::string> points_ref;
  for (const auto& x : ref["articulation_points"].GetArray())
    points_ref.emplace_back(x.GetString());
  std::sort(points_ref.begin(), points_ref.end());
  EXPECT_EQ(points, points_ref);

  std::set<std::pair<std::string, std::string>> bridges;
  for (const EdgeId e : Bridges(s)) {
    const auto [u, v] = s.Endpoints(e);
    std::string a(s.ExternalId(u));
    std::string z(s.ExternalId(v));
    if (z < a) std::swap(a, z);
    bridges.insert({a, z});
  }
  std::set<std::pair<std::string, std::string>> bridges_ref;
  for (const auto& x : ref["bridges"].GetArray()) {
    std::string a = x[0].GetString();
    std::string z = x[1].GetString();
    if (z < a) std::swap(a, z);
    bridges_ref.insert({a, z});
  }
  EXPECT_EQ(bridges, bridges_ref);
}

INSTANTIATE_TEST_SUITE_P(RealDatasets, AgainstNetworkx, ::testing::ValuesIn(kConfigs),
                         [](const ::testing::TestParamInfo<Config>& p) {
                           std::string n = Name(p.param);
                           for (char& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n + "_" + std::to_string(p.index);
                         });

}  // namespace
}  // namespace linkscope
