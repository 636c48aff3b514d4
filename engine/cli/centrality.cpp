// linkscope centrality: who matters — brokers (betweenness), the well placed (closeness,
// harmonic), the well connected (degree, PageRank, eigenvector).
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/error.hpp"

namespace linkscope::cli {
namespace {

enum class Measure { kDegree, kBetweenness, kCloseness, kHarmonic, kPageRank, kEigenvector };

struct CentralityArgs {
  InputOptions in;
  OutputFormat format = OutputFormat::kText;
  Measure measure = Measure::kBetweenness;
  uint32_t top = 20;
  CLI::Option* top_opt = nullptr;
  bool weighted = false;
  bool raw = false;
  bool directed_links = false;
  std::string degree_mode = "all";
  uint32_t pivots = 0;
  uint64_t seed = 1;
  uint32_t threads = 0;
  double damping = 0.85;
  double tolerance = CentralityOptions{}.tolerance;
  uint32_t max_iterations = CentralityOptions{}.max_iterations;
  std::vector<std::string> kinds;
  std::vector<std::string> link_types;
};

std::string_view MeasureName(Measure m) {
  switch (m) {
    case Measure::kDegree:
      return "degree";
    case Measure::kBetweenness:
      return "betweenness";
    case Measure::kCloseness:
      return "closeness";
    case Measure::kHarmonic:
      return "harmonic";
    case Measure::kPageRank:
      return "pagerank";
    case Measure::kEigenvector:
      return "eigenvector";
  }
  return "";
}

std::vector<double> Scores(const Snapshot& s, const CentralityArgs& a) {
  CentralityOptions o;
  o.weighted = a.weighted;
  o.normalized = !a.raw;
  o.pivots = a.pivots;
  o.seed = a.seed;
  o.threads = a.threads;
  o.damping = a.damping;
  o.tolerance = a.tolerance;
  o.max_iterations = a.max_iterations;
  switch (a.measure) {
    case Measure::kDegree: {
      const DegreeMode mode = a.degree_mode == "in"    ? DegreeMode::kIn
                              : a.degree_mode == "out" ? DegreeMode::kOut
                                                       : DegreeMode::kAll;
      return DegreeCentrality(s, mode, o);
    }
    case Measure::kBetweenness:
      return Betweenness(s, o).vertex;
    case Measure::kCloseness:
      return Closeness(s, o);
    case Measure::kHarmonic:
      return Harmonic(s, o);
    case Measure::kPageRank:
      return PageRank(s, o);
    case Measure::kEigenvector:
      return Eigenvector(s, o);
  }
  return {};
}

int RunCentrality(const CentralityArgs& a) {
  if (a.pivots > 0 && a.measure != Measure::kBetweenness) {
    throw UsageError("--pivots applies to --measure betweenness only");
  }
  Graph graph;
  const LoadReport report = LoadInputs(graph, a.in, a.format == OutputFormat::kJson);
  SnapshotOptions so;
  so.directed = a.directed_links;
  const Snapshot s = KindsView(graph, so, a.kinds, a.link_types);
  const std::vector<double> score = Scores(s, a);
  // Highest first; ties by external id, so the listing is the same for any input order.
  std::vector<VertexId> order(s.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](VertexId x, VertexId y) {
    if (score[x] != score[y]) return score[x] > score[y];
    return s.ExternalId(x) < s.ExternalId(y);
  });
  // Text lists --top (20); JSON and CSV list everything unless --top is given.
  size_t listed = order.size();
  if (a.format == OutputFormat::kText || a.top_opt->count()) {
    listed = std::min<size_t>(listed, a.top == 0 ? order.size() : a.top);
  }
  const Model& m = s.model();
  switch (a.format) {
    case OutputFormat::kJson: {
      rapidjson::StringBuffer sb;
      JsonWriter w(sb);
      w.StartObject();
      Json(w, "measure", MeasureName(a.measure));
      Json(w, "normalized", !a.raw);
      Json(w, "weighted", a.weighted);
      Json(w, "directed", a.directed_links);
      if (a.measure == Measure::kBetweenness) {
        Json(w, "pivots", uint64_t{a.pivots});
        if (a.pivots > 0) Json(w, "seed", a.seed);
      }
      Json(w, "entities", uint64_t{s.vertex_count()});
      JsonKey(w, "scores");
      w.StartArray();
      for (size_t i = 0; i < listed; ++i) {
        w.StartObject();
        Json(w, "id", s.ExternalId(order[i]));
        Json(w, "score", score[order[i]]);
        w.EndObject();
      }
      w.EndArray();
      JsonLoad(w, report);
      w.EndObject();
      PrintJson(sb);
      break;
    }
    case OutputFormat::kCsv: {
      std::string out = "rank,id,kind,name,score\n";
      for (size_t i = 0; i < listed; ++i) {
        const EntityId e = s.Entity(order[i]);
        Append(out, "{},", i + 1);
        AppendCsv(out, s.ExternalId(order[i]));
        out += ',';
        AppendCsv(out, m.KindName(e));
        out += ',';
        AppendCsv(out, m.Name(e));
        Append(out, ",{}\n", score[order[i]]);
      }
      WriteOut(out);
      break;
    }
    case OutputFormat::kText: {
      std::string out;
      Append(out, "linkscope centrality: {} ({}{}{}), {} entities\n", MeasureName(a.measure),
             a.raw ? "raw" : "normalised", a.weighted ? ", weighted" : "",
             a.pivots > 0 ? fmt::format(", {} pivots, seed {}", a.pivots, a.seed) : "",
             Thousands(s.vertex_count()));
      Append(out, "\n  {:>4}  {:>12}  {:<16} {:<28} {}\n", "rank", "score", "id", "name", "kind");
      for (size_t i = 0; i < listed; ++i) {
        Append(out, "  {:>4}  {:>12.6g}  {}\n", i + 1, score[order[i]], EntityColumns(s, order[i]));
      }
      if (report.rejected > 0) {
        Append(out, "\nRejected records (lenient mode): {}\n", Thousands(report.rejected));
      }
      WriteOut(out);
      break;
    }
  }
  return kExitOk;
}

// ---- structure: cut vertices and bridges

struct StructureArgs {
  InputOptions in;
  OutputFormat format = OutputFormat::kText;
  std::vector<std::string> kinds;
  std::vector<std::string> link_types;
};

int RunStructure(const StructureArgs& a) {
  Graph graph;
  const LoadReport report = LoadInputs(graph, a.in, a.format == OutputFormat::kJson);
  const Snapshot s = KindsView(graph, {}, a.kinds, a.link_types);
  const std::vector<VertexId> cut = ArticulationPoints(s);
  // Bridges as pairs of entities (several edges may join one pair), by external ids.
  std::vector<std::pair<std::string_view, std::string_view>> bridges;
  for (const EdgeId e : Bridges(s)) {
    auto [u, v] = s.Endpoints(e);
    std::string_view a_id = s.ExternalId(u);
    std::string_view b_id = s.ExternalId(v);
    if (b_id < a_id) std::swap(a_id, b_id);
    bridges.emplace_back(a_id, b_id);
  }
  std::sort(bridges.begin(), bridges.end());
  bridges.erase(std::unique(bridges.begin(), bridges.end()), bridges.end());
  std::vector<std::string_view> cut_ids;
  for (const VertexId v : cut) cut_ids.push_back(s.ExternalId(v));
  std::sort(cut_ids.begin(), cut_ids.end());
  switch (a.format) {
    case OutputFormat::kJson: {
      rapidjson::StringBuffer sb;
      JsonWriter w(sb);
      w.StartObject();
      Json(w, "entities", uint64_t{s.vertex_count()});
      JsonKey(w, "articulation_points");
      w.StartArray();
      for (const std::string_view id : cut_ids) JsonString(w, id);
      w.EndArray();
      JsonKey(w, "bridges");
      w.StartArray();
      for (const auto& [x, y] : bridges) {
        w.StartArray();
        JsonString(w, x);
        JsonString(w, y);
        w.EndArray();
      }
      w.EndArray();
      JsonLoad(w, report);
      w.EndObject();
      PrintJson(sb);
      break;
    }
    case OutputFormat::kCsv: {
      std::string out = "what,id,other\n";
      for (const std::string_view id : cut_ids) {
        out += "articulation_point,";
        AppendCsv(out, id);
        out += ",\n";
      }
      for (const auto& [x, y] : bridges) {
        out += "bridge,";
        AppendCsv(out, x);
        out += ',';
        AppendCsv(out, y);
        out += '\n';
      }
      WriteOut(out);
      break;
    }
    case OutputFormat::kText: {
      std::string out;
      Append(out, "linkscope structure: {} entities\n", Thousands(s.vertex_count()));
      Append(out, "\nArticulation points (each one's removal disconnects the network): {}\n",
             Thousands(cut_ids.size()));
      for (const std::string_view id : cut_ids) {
        Append(out, "  {}\n", EntityColumns(s, s.VertexOfId(id)));
      }
      Append(out, "\nBridges (links whose removal disconnects the network): {}\n",
             Thousands(bridges.size()));
      for (const auto& [x, y] : bridges) Append(out, "  {} -- {}\n", x, y);
      WriteOut(out);
      break;
    }
  }
  return kExitOk;
}

}  // namespace

Command AddStructureCommand(CLI::App& parent) {
  auto a = std::make_shared<StructureArgs>();
  CLI::App* app = parent.add_subcommand(
      "structure", "Articulation points and bridges: the single entities and links that hold the "
                   "network together");
  a->in.Register(*app);
  app->add_option("--kinds", a->kinds, "Keep only entities of these kinds (comma-separated)")
      ->delimiter(',');
  app->add_option("--link-types", a->link_types, "Keep only links of these types")
      ->delimiter(',');
  AddFormatOptionWithCsv(*app, &a->format);
  Command c;
  c.app = app;
  c.run = [a] { return RunStructure(*a); };
  return c;
}

Command AddCentralityCommand(CLI::App& parent) {
  auto a = std::make_shared<CentralityArgs>();
  CLI::App* app =
      parent.add_subcommand("centrality", "Rank entities by a centrality measure");
  a->in.Register(*app);
  const std::map<std::string, Measure> measures{
      {"degree", Measure::kDegree},       {"betweenness", Measure::kBetweenness},
      {"closeness", Measure::kCloseness}, {"harmonic", Measure::kHarmonic},
      {"pagerank", Measure::kPageRank},   {"eigenvector", Measure::kEigenvector}};
  app->add_option("--measure", a->measure,
                  "degree, betweenness, closeness, harmonic, pagerank or eigenvector")
      ->transform(CLI::CheckedTransformer(measures, CLI::ignore_case))
      ->capture_default_str();
  a->top_opt = app->add_option("--top", a->top,
                               "Entities listed (text default 20; json and csv list all unless "
                               "given; 0: all)");
  app->add_flag("--weighted", a->weighted,
                "Use link weights: as distances for betweenness, closeness and harmonic; as "
                "strengths for degree, PageRank and eigenvector");
  app->add_flag("--raw", a->raw, "Scores without normalisation");
  app->add_flag("--directed-links", a->directed_links,
                "Follow directed links one way (a directed snapshot; default: undirected)");
  app->add_option("--degree-mode", a->degree_mode, "in, out or all (with --directed-links)")
      ->check(CLI::IsMember({"in", "out", "all"}))
      ->capture_default_str();
  app->add_option("--pivots", a->pivots,
                  "Betweenness: approximate from this many seeded random sources (0: exact)")
      ->capture_default_str();
  app->add_option("--seed", a->seed, "Seed of the pivots")->capture_default_str();
  app->add_option("--threads", a->threads,
                  "Threads (0: all hardware threads); the result does not depend on it")
      ->capture_default_str();
  app->add_option("--damping", a->damping, "PageRank damping factor")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--tolerance", a->tolerance,
                  "PageRank and eigenvector: stop when the L1 change is below entities × this "
                  "(networkx's tol)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--max-iterations", a->max_iterations,
                  "PageRank and eigenvector: iterations before giving up")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--kinds", a->kinds, "Keep only entities of these kinds (comma-separated)")
      ->delimiter(',');
  app->add_option("--link-types", a->link_types, "Keep only links of these types")
      ->delimiter(',');
  AddFormatOptionWithCsv(*app, &a->format);
  Command c;
  c.app = app;
  c.run = [a] { return RunCentrality(*a); };
  return c;
}

}  // namespace linkscope::cli
