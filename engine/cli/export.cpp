// linkscope export: case files in, the case (or a view of it) out as GraphML, GEXF, JSON Lines,
// CSV tables or FollowTheMoney, optionally with the communities found in it.
#include "linkscope/export/export.hpp"

#include <fmt/format.h>

#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "linkscope/algo/community.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope::cli {
namespace {

struct ExportArgs {
  InputOptions in;
  std::string to;
  std::string output;
  std::vector<std::string> kinds;
  std::vector<std::string> link_types;
  std::vector<std::string> exclude;
  std::vector<std::string> via;
  uint32_t min_shared = 1;
  std::string since;
  std::string until;
  bool drop_undated = false;
  uint32_t max_handling = 0;
  std::string communities = "none";
  uint64_t seed = 0;
  uint32_t threads = 0;
  CLI::Option* min_shared_opt = nullptr;
  CLI::Option* seed_opt = nullptr;
};

int RunExport(const ExportArgs& a) {
  const std::optional<ExportFormat> format = ParseExportFormat(a.to);
  if (!format) throw UsageError(fmt::format("unknown --to \"{}\"", a.to));
  std::string method = a.communities;
  for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!a.via.empty() && a.kinds.empty()) {
    throw UsageError("--via projects onto --kinds: give --kinds too");
  }
  if (a.min_shared_opt->count() && a.via.empty()) {
    throw UsageError("--min-shared applies with --via");
  }
  if (a.drop_undated && a.since.empty() && a.until.empty()) {
    throw UsageError("--drop-undated applies with --since/--until");
  }
  if (a.seed_opt->count() && method == "none") {
    throw UsageError("--seed applies with --communities leiden or louvain");
  }
  ViewFilter filter;
  filter.kinds = a.via.empty() ? a.kinds : std::vector<std::string>{};
  filter.link_types = a.link_types;
  filter.exclude = a.exclude;
  if (!a.since.empty() || !a.until.empty()) {
    std::string error;
    const std::optional<DateRange> window = ParseDateRange(a.since, a.until, &error);
    if (!window) throw UsageError(fmt::format("--since/--until: {}", error));
    filter.window = *window;
    filter.keep_undated = !a.drop_undated;
  }

  // Links above the handling code are left out at load time, as `report` does: nothing in the
  // export can reflect them, not even the entities only they name.
  LoadOptions lo = a.in.ToLoadOptions();
  lo.max_handling = static_cast<uint8_t>(a.max_handling);
  Graph graph;
  const LoadReport load = graph.Load(a.in.files, lo);
  for (const Diagnostic& d : load.errors) {
    fmt::print(stderr, "linkscope: skipped: {}\n", d.ToString());
  }
  if (load.rejected > load.errors.size()) {
    fmt::print(stderr, "linkscope: ... and {} more skipped records\n",
               load.rejected - load.errors.size());
  }

  Snapshot view = graph.TakeSnapshot();
  const bool filtered = !filter.kinds.empty() || !filter.link_types.empty() ||
                        !filter.exclude.empty() || filter.window.has_value();
  if (filtered) view = MakeView(view, filter);
  if (!a.via.empty()) {
    ProjectionOptions po;
    po.onto = a.kinds;
    po.via = a.via;
    po.min_shared = a.min_shared;
    view = Project(view, po);
  }

  Communities found;
  ExportOptions options;
  options.format = *format;
  if (method == "leiden") {
    LeidenParams p;
    p.seed = a.seed;
    p.threads = a.threads;
    found = Leiden(view, p);
  } else if (method == "louvain") {
    LouvainParams p;
    p.seed = a.seed;
    p.threads = a.threads;
    found = Louvain(view, p);
  }
  if (method != "none") options.communities = found.membership;

  const ExportReport r = Export(view, a.output, options);
  std::string files;
  for (size_t i = 0; i < r.files.size(); ++i) {
    Append(files, "{}{}", i == 0 ? "" : i + 1 == r.files.size() ? " and " : ", ", r.files[i]);
  }
  fmt::print("wrote {} ({}): {} entities, {} {}\n", files, ExportFormatName(*format),
             Thousands(r.entities), Thousands(r.links),
             view.derived() ? "projected links" : "links");
  if (method != "none") {
    fmt::print(
        "communities: {} (seed {}): {} communities, modularity {:.4f}, attribute "
        "\"community\"\n",
        method, a.seed, Thousands(found.count()), found.modularity);
  }
  if (load.rejected > 0) fmt::print("note: {} records were rejected\n", Thousands(load.rejected));
  if (load.withheld > 0) {
    fmt::print("note: {} links above handling code {} were withheld\n", Thousands(load.withheld),
               a.max_handling);
  }
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App& parent) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* app = parent.add_subcommand(
      "export", "Write the case or a view of it as GraphML, GEXF, JSON Lines, CSV or FtM");
  a->in.Register(*app);
  app->add_option("--to", a->to, "Output format: graphml, gexf, jsonl, csv or ftm")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "jsonl", "csv", "ftm"}, CLI::ignore_case));
  app->add_option("-o,--output", a->output, "Output file (csv: a directory, created)")->required();
  app->add_option("--kinds", a->kinds, "Keep only entities of these kinds (comma-separated)")
      ->delimiter(',');
  app->add_option("--link-types", a->link_types, "Keep only links of these types")->delimiter(',');
  app->add_option("--exclude", a->exclude, "Leave out these entities (external ids)")
      ->delimiter(',');
  app->add_option("--since", a->since, "Keep only links dated on or after this date");
  app->add_option("--until", a->until, "Keep only links dated on or before this date");
  app->add_flag("--drop-undated", a->drop_undated, "With --since/--until: drop undated links too");
  app->add_option("--max-handling-code", a->max_handling,
                  "Leave out every link record above this handling code (1-5) at load time")
      ->check(CLI::Range(1u, 5u));
  app->add_option("--via", a->via,
                  "Project --kinds through shared neighbours of these kinds (weighted links)")
      ->delimiter(',');
  a->min_shared_opt =
      app->add_option("--min-shared", a->min_shared, "With --via: link only entities sharing N")
          ->check(CLI::PositiveNumber);
  app->add_option("--communities", a->communities,
                  "Find communities on the exported view and write them as an attribute: "
                  "leiden, louvain or none")
      ->check(CLI::IsMember({"none", "leiden", "louvain"}, CLI::ignore_case))
      ->capture_default_str();
  a->seed_opt = app->add_option("--seed", a->seed, "Random seed of the community detection");
  app->add_option("--threads", a->threads,
                  "Threads for community detection (0: all; the result does not depend on it)")
      ->capture_default_str();
  Command c;
  c.app = app;
  c.run = [a] { return RunExport(*a); };
  return c;
}

}  // namespace linkscope::cli
