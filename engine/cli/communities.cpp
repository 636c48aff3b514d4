// linkscope communities: which networks are there, what each one traffics, where, and who
// holds it together.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "common.hpp"
#include "linkscope/algo/community.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/projection.hpp"

namespace linkscope::cli {
namespace {

enum class Method { kLeiden, kLouvain, kLpa };

struct CommunitiesArgs {
  InputOptions in;
  Method method = Method::kLeiden;
  Objective objective = Objective::kModularity;
  double resolution = 1.0;
  uint64_t seed = 0;
  uint32_t threads = 0;
  uint32_t iterations = LeidenParams{}.iterations;
  double randomness = LeidenParams{}.randomness;
  std::vector<std::string> kinds;
  std::vector<std::string> link_types;
  std::vector<std::string> via;
  uint32_t min_shared = 1;
  bool unweighted = false;
  uint64_t min_size = 1;
  uint32_t top = 10;
  uint32_t members = 5;
  OutputFormat format = OutputFormat::kText;
  // Set when the option was given (LPA has no objective; only Leiden iterates).
  CLI::Option* objective_opt = nullptr;
  CLI::Option* resolution_opt = nullptr;
  CLI::Option* iterations_opt = nullptr;
  CLI::Option* randomness_opt = nullptr;
  CLI::Option* via_opt = nullptr;
};

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kLeiden:
      return "leiden";
    case Method::kLouvain:
      return "louvain";
    case Method::kLpa:
      return "lpa";
  }
  return "";
}

struct Run {
  Snapshot view;
  Communities result;
  std::vector<CommunityProfile> profiles;
};

Run Compute(const Graph& graph, const CommunitiesArgs& a) {
  if (a.method == Method::kLpa && (a.objective_opt->count() || a.resolution_opt->count())) {
    throw UsageError("--method lpa has no objective: drop --objective and --resolution");
  }
  if (a.method != Method::kLeiden && (a.iterations_opt->count() || a.randomness_opt->count())) {
    throw UsageError("--iterations and --randomness apply to --method leiden only");
  }
  if (a.via_opt->count() && a.kinds.empty()) {
    throw UsageError("--via projects onto --kinds: give --kinds too");
  }
  // Communities read weights as strengths: parallel links add up.
  SnapshotOptions so;
  so.weights = !a.unweighted;
  // With --via, --kinds names what to project onto, not what to keep.
  Run run{KindsView(graph, so, a.via.empty() ? a.kinds : std::vector<std::string>{}, a.link_types),
          {},
          {}};
  if (!a.via.empty()) {
    ProjectionOptions po;
    po.onto = a.kinds;
    po.via = a.via;
    po.min_shared = a.min_shared;
    run.view = Project(run.view, po);
  }
  switch (a.method) {
    case Method::kLeiden: {
      LeidenParams p;
      p.objective = a.objective;
      p.resolution = a.resolution;
      p.randomness = a.randomness;
      p.iterations = a.iterations;
      p.seed = a.seed;
      p.threads = a.threads;
      run.result = Leiden(run.view, p);
      break;
    }
    case Method::kLouvain: {
      LouvainParams p;
      p.objective = a.objective;
      p.resolution = a.resolution;
      p.seed = a.seed;
      p.threads = a.threads;
      run.result = Louvain(run.view, p);
      break;
    }
    case Method::kLpa: {
      LabelPropagationParams p;
      p.seed = a.seed;
      p.threads = a.threads;
      run.result = LabelPropagation(run.view, p);
      break;
    }
  }
  ProfileOptions po;
  po.top_members = a.members;
  po.bridges = a.members;
  run.profiles = ProfileCommunities(run.view, run.result.membership, po);
  return run;
}

// The communities listed: those of at least --min-size members (ids are by size, so a prefix).
size_t Listed(const Run& run, const CommunitiesArgs& a) {
  size_t k = 0;
  while (k < run.profiles.size() && run.profiles[k].size >= a.min_size) ++k;
  return k;
}

void PrintText(const Run& run, const CommunitiesArgs& a, const LoadReport& report) {
  const Snapshot& s = run.view;
  const Model& m = s.model();
  const Communities& c = run.result;
  std::string out;
  Append(out, "linkscope communities: {}", MethodName(a.method));
  if (a.method != Method::kLpa) {
    Append(out, " ({}, resolution {})", ObjectiveName(c.objective), c.resolution);
  }
  Append(out, ", seed {}\n", a.seed);
  Append(out, "  {} entities, {} edges in the {}\n", Thousands(s.vertex_count()),
         Thousands(s.edge_count()), s.derived() ? "projection" : "view");
  uint64_t multi = 0;
  for (const uint64_t size : c.sizes) multi += size >= 2 ? 1 : 0;
  Append(out, "  modularity {:.4f}", c.modularity);
  if (c.objective == Objective::kCpm) Append(out, ", CPM quality {:.4f}", c.quality);
  Append(out, "; {} communities ({} of 2 or more members)", Thousands(c.count()), Thousands(multi));
  if (c.levels.size() > 1) {
    std::string counts;
    for (size_t i = 0; i < c.levels.size(); ++i) {
      Append(counts, "{}{}", i ? " > " : "", Thousands(c.levels[i].count));
    }
    Append(out, "; levels {}", counts);
  }
  out += "\n";
  size_t shown = 0;
  for (const CommunityProfile& p : run.profiles) {
    if (shown >= a.top || p.size < std::max<uint64_t>(a.min_size, 2)) break;
    ++shown;
    Append(out, "\n#{}  {} members, {} internal and {} external links, density {:.3f}\n", p.id,
           Thousands(p.size), Thousands(p.internal_links), Thousands(p.external_links), p.density);
    Append(out, "    kinds: {}\n", Join(p.kinds, 8));
    if (!p.commodities.empty() || p.seizures > 0) {
      Append(out, "    trafficking: {}", p.commodities.empty() ? "-" : Join(p.commodities, 8));
      Append(out, " ({} {}, entropy {:.2f} bits); {} seizures\n", p.categories,
             p.categories == 1 ? "category" : "categories", p.entropy, Thousands(p.seizures));
    }
    if (!p.countries.empty()) Append(out, "    countries: {}\n", Join(p.countries, 8));
    for (const auto& tm : p.top_members) {
      const EntityId e = s.Entity(tm.vertex);
      Append(out, "    {:<14} {:<28} {:<12} strength {:g}, {} neighbours inside\n",
             s.ExternalId(tm.vertex), m.Name(e).empty() ? "-" : m.Name(e), m.KindName(e),
             tm.strength, tm.neighbours);
    }
    if (p.bridge_count > 0) {
      Append(out, "    bridges ({} members linked to other communities):\n", p.bridge_count);
      for (const auto& b : p.bridges) {
        std::string reach;
        for (size_t i = 0; i < b.reaches.size() && i < 8; ++i) {
          Append(reach, "{}#{}", i ? ", " : "", b.reaches[i]);
        }
        if (b.reaches.size() > 8) reach += ", ...";
        Append(out, "      {:<14} {:<12} -> {}\n", s.ExternalId(b.vertex),
               m.KindName(s.Entity(b.vertex)), reach);
      }
    }
  }
  if (shown < multi) {
    Append(out, "\n... {} more communities of 2 or more members (--top, --format json)\n",
           Thousands(multi - shown));
  }
  if (report.rejected > 0) {
    Append(out, "\nRejected records (lenient mode): {}\n", Thousands(report.rejected));
  }
  WriteOut(out);
}

void PrintJsonRun(const Run& run, const CommunitiesArgs& a, const LoadReport& report) {
  const Snapshot& s = run.view;
  const Model& m = s.model();
  const Communities& c = run.result;
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  Json(w, "method", MethodName(a.method));
  Json(w, "objective",
       a.method == Method::kLpa ? std::string_view("none") : ObjectiveName(c.objective));
  Json(w, "resolution", c.resolution);
  Json(w, "seed", a.seed);
  if (a.method == Method::kLeiden) {
    Json(w, "randomness", a.randomness);
    Json(w, "max_iterations", uint64_t{a.iterations});
  }
  Json(w, "weighted", !a.unweighted);
  Json(w, "entities", uint64_t{s.vertex_count()});
  Json(w, "edges", s.edge_count());
  Json(w, "projection", s.derived());
  Json(w, "modularity", c.modularity);
  Json(w, "quality", c.quality);
  Json(w, "count", uint64_t{c.count()});
  Json(w, "iterations", uint64_t{c.iterations});
  JsonKey(w, "levels");
  w.StartArray();
  for (const CommunityLevel& l : c.levels) {
    w.StartObject();
    Json(w, "count", uint64_t{l.count});
    Json(w, "quality", l.quality);
    w.EndObject();
  }
  w.EndArray();
  const size_t listed = Listed(run, a);
  Json(w, "listed", uint64_t{listed});
  JsonKey(w, "communities");
  w.StartArray();
  for (size_t i = 0; i < listed; ++i) {
    const CommunityProfile& p = run.profiles[i];
    w.StartObject();
    Json(w, "id", uint64_t{p.id});
    Json(w, "size", p.size);
    JsonKey(w, "members");
    w.StartArray();
    for (const VertexId v : p.members) JsonString(w, s.ExternalId(v));
    w.EndArray();
    Json(w, "internal_links", p.internal_links);
    Json(w, "external_links", p.external_links);
    Json(w, "internal_weight", p.internal_weight);
    Json(w, "external_weight", p.external_weight);
    Json(w, "density", p.density);
    JsonCounts(w, "kinds", p.kinds);
    Json(w, "seizures", p.seizures);
    JsonCounts(w, "commodities", p.commodities);
    Json(w, "categories", uint64_t{p.categories});
    Json(w, "entropy", p.entropy);
    JsonCounts(w, "countries", p.countries);
    JsonKey(w, "top_members");
    w.StartArray();
    for (const auto& tm : p.top_members) {
      const EntityId e = s.Entity(tm.vertex);
      w.StartObject();
      Json(w, "id", s.ExternalId(tm.vertex));
      Json(w, "name", m.Name(e));
      Json(w, "kind", m.KindName(e));
      Json(w, "strength", tm.strength);
      Json(w, "neighbours", tm.neighbours);
      w.EndObject();
    }
    w.EndArray();
    Json(w, "bridge_count", p.bridge_count);
    JsonKey(w, "bridges");
    w.StartArray();
    for (const auto& b : p.bridges) {
      const EntityId e = s.Entity(b.vertex);
      w.StartObject();
      Json(w, "id", s.ExternalId(b.vertex));
      Json(w, "name", m.Name(e));
      Json(w, "kind", m.KindName(e));
      JsonKey(w, "communities");
      w.StartArray();
      for (const uint32_t r : b.reaches) w.Uint(r);
      w.EndArray();
      Json(w, "external_weight", b.external_weight);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  JsonLoad(w, report);
  w.EndObject();
  PrintJson(sb);
}

// One row per entity: its community and its place in every level of the hierarchy.
void PrintCsv(const Run& run, const CommunitiesArgs& a) {
  const Snapshot& s = run.view;
  const Model& m = s.model();
  const Communities& c = run.result;
  std::string out = "id,kind,name,community";
  for (size_t l = 0; l < c.levels.size(); ++l) Append(out, ",level_{}", l + 1);
  out += "\n";
  const size_t listed = Listed(run, a);
  for (size_t i = 0; i < listed; ++i) {
    for (const VertexId v : run.profiles[i].members) {
      const EntityId e = s.Entity(v);
      AppendCsv(out, s.ExternalId(v));
      out += ',';
      AppendCsv(out, m.KindName(e));
      out += ',';
      AppendCsv(out, m.Name(e));
      Append(out, ",{}", c.membership[v]);
      for (const CommunityLevel& l : c.levels) Append(out, ",{}", l.membership[v]);
      out += '\n';
    }
  }
  WriteOut(out);
}

int RunCommunities(const CommunitiesArgs& a) {
  Graph graph;
  // JSON reports rejected records itself; text and CSV leave the notes on stderr.
  const LoadReport report = LoadInputs(graph, a.in, a.format == OutputFormat::kJson);
  const Run run = Compute(graph, a);
  switch (a.format) {
    case OutputFormat::kJson:
      PrintJsonRun(run, a, report);
      break;
    case OutputFormat::kCsv:
      PrintCsv(run, a);
      break;
    case OutputFormat::kText:
      PrintText(run, a, report);
      break;
  }
  return kExitOk;
}

}  // namespace

Command AddCommunitiesCommand(CLI::App& parent) {
  auto a = std::make_shared<CommunitiesArgs>();
  CLI::App* app = parent.add_subcommand(
      "communities",
      "Find the networks (Leiden, Louvain or label propagation) and profile each one");
  a->in.Register(*app);
  app->add_option("--method", a->method, "leiden, louvain or lpa (label propagation)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Method>{
              {"leiden", Method::kLeiden}, {"louvain", Method::kLouvain}, {"lpa", Method::kLpa}},
          CLI::ignore_case))
      ->capture_default_str();
  a->objective_opt =
      app->add_option("--objective", a->objective,
                      "modularity, or cpm (constant Potts model: communities denser than the "
                      "resolution)")
          ->transform(CLI::CheckedTransformer(
              std::map<std::string, Objective>{{"modularity", Objective::kModularity},
                                               {"cpm", Objective::kCpm}},
              CLI::ignore_case));
  a->resolution_opt =
      app->add_option("--resolution", a->resolution,
                      "Resolution γ >= 0: higher gives smaller communities (for cpm, the "
                      "density a community must exceed)")
          ->check(CLI::NonNegativeNumber)
          ->capture_default_str();
  app->add_option("--seed", a->seed, "Random seed")->capture_default_str();
  app->add_option("--threads", a->threads,
                  "Threads (0: all hardware threads); the result does not depend on it")
      ->capture_default_str();
  a->iterations_opt = app->add_option("--iterations", a->iterations,
                                      "Leiden iterations (0: until an iteration changes nothing)")
                          ->capture_default_str();
  a->randomness_opt = app->add_option("--randomness", a->randomness,
                                      "Leiden refinement temperature θ (0: always the best merge)")
                          ->check(CLI::NonNegativeNumber)
                          ->capture_default_str();
  app->add_option("--kinds", a->kinds,
                  "Keep only entities of these kinds (comma-separated; default: all)")
      ->delimiter(',');
  app->add_option("--link-types", a->link_types,
                  "Keep only links of these types (comma-separated; default: all)")
      ->delimiter(',');
  a->via_opt = app->add_option("--via", a->via,
                               "Project --kinds through shared neighbours of these kinds (e.g. "
                               "--kinds person --via seizure,event)")
                   ->delimiter(',');
  app->add_option("--min-shared", a->min_shared,
                  "With --via: link two entities when they share at least this many")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_flag("--unweighted", a->unweighted,
                "Ignore link weights (every link counts 1; parallel links still add up)");
  app->add_option("--min-size", a->min_size,
                  "List only communities of at least this many members (json, csv)")
      ->capture_default_str();
  app->add_option("--top", a->top, "Communities described in text output")->capture_default_str();
  app->add_option("--members", a->members, "Top members and bridges listed per community")
      ->capture_default_str();
  AddFormatOptionWithCsv(*app, &a->format);
  Command c;
  c.app = app;
  c.run = [a] { return RunCommunities(*a); };
  return c;
}

}  // namespace linkscope::cli
