// Batch network reports: case files in, a self-contained HTML report, the same figures as
// JSON, and CSV tables out (docs/report.md describes every section and the config).
//
// Deterministic: the same inputs and config give byte-identical files (no clock, no absolute
// paths beyond those given, every list in a fixed order, every number formatted one way).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/graph/graph.hpp"
#include "linkscope/ingest/load.hpp"

namespace linkscope {

// Weights of the risk score of a network (each term in [0, 1], see docs/report.md).
struct RiskWeights {
  double size = 0.20;         // log-scaled size against the largest network
  double convergence = 0.30;  // commodity categories reached, up to 4
  double span = 0.20;         // countries involved, up to 5
  double seizures = 0.15;     // seizures of the network, up to 10
  double firearms = 0.15;     // firearms and ammunition reached, up to 10
};

struct ReportConfig {
  std::string title = "Network report";
  // Entities whose connections the report traces (external ids): the most reliable path
  // between every pair and a network connecting them all.
  std::vector<std::string> watch_list;
  // Community detection: "leiden" or "louvain", modularity with this resolution and seed, on
  // the entities of these kinds (empty: all).
  std::string method = "leiden";
  double resolution = 1.0;
  uint64_t seed = 1;
  std::vector<std::string> kinds;
  uint32_t networks = 10;         // networks described in full (profile, drawing, key players)
  uint32_t min_size = 3;          // smaller communities are not ranked as networks
  uint32_t listed_networks = 100; // networks listed in the ranking table
  uint32_t drawing_members = 60;  // most-linked members drawn per network
  uint32_t top_entities = 10;     // entities listed by betweenness
  uint32_t key_players = 3;       // size of the KPP-Neg sets, overall and per network
  // Betweenness is exact up to this many entities, else sampled from this many pivots.
  uint32_t exact_betweenness_limit = 5000;
  uint32_t betweenness_pivots = 256;
  // The overall key-player set is searched on graphs up to this many entities (above it the
  // report lists the betweenness ranking only and says so).
  uint32_t key_player_limit = 20000;
  uint32_t firearm_traces = 50;  // firearm traces listed (most seizures first)
  uint32_t threads = 0;          // 0: all hardware threads (results do not depend on it)
  RiskWeights risk;
};

// Reads a config file: a JSON object with the keys of ReportConfig ("watch_list", "title",
// "method", "resolution", "seed", "kinds", "networks", "min_size", "listed_networks",
// "drawing_members", "top_entities", "key_players", "exact_betweenness_limit",
// "betweenness_pivots", "key_player_limit", "firearm_traces", "threads", and "risk" with
// "size", "convergence", "span", "seizures", "firearms"). Throws InputError naming the file,
// line and column of a malformed document, an unknown key or a value of the wrong type, and
// IoError when the file cannot be read.
ReportConfig ReadReportConfig(const std::string& path);

// One input file, for the overview and the reproducibility section.
struct ReportInput {
  std::string path;  // as given
  std::string sha256;
  uint64_t bytes = 0;
};
// SHA-256 of a file's bytes, lower-case hex. Throws IoError.
ReportInput DigestFile(const std::string& path);

// Progress of the long steps: a step's name, and how many of all steps are done. Loading the
// files (the caller's) is step 0 of kReportSteps; WriteReport reports the rest.
using ReportProgress = std::function<void(std::string_view step, uint32_t done, uint32_t total)>;
inline constexpr uint32_t kReportSteps = 11;

struct ReportOutput {
  std::string html;               // DIR/report.html
  std::string json;               // DIR/report.json
  std::vector<std::string> csv;   // DIR/<table>.csv
};

// Analyses the graph and writes the report into `dir` (created when missing). `load` is the
// report of the load that filled the graph (files, rejected and withheld records);
// `max_handling` the handling limit that load applied (0: none), stated in the report.
// Throws IoError when a file cannot be written, UsageError for a bad config value.
ReportOutput WriteReport(const Graph& graph, const LoadReport& load,
                         const std::vector<ReportInput>& inputs, const ReportConfig& config,
                         uint8_t max_handling, const std::string& dir,
                         const ReportProgress& progress = {});

}  // namespace linkscope
