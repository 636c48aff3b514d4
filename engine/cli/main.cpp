// linkscope: the command-line program. Exit codes: 0 success, 1 bad input, 2 bad usage.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <vector>

#include "common.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/version.hpp"

using namespace linkscope;
using namespace linkscope::cli;

int main(int argc, char** argv) {
  CLI::App app{"linkscope: link analysis for criminal networks"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);

  InputOptions stats_in;
  OutputFormat stats_format = OutputFormat::kText;
  uint32_t stats_networks = 5;
  CLI::App* stats = app.add_subcommand(
      "stats", "Counts by kind and type, components, degrees and the largest networks");
  stats_in.Register(*stats);
  AddFormatOption(*stats, &stats_format);
  stats->add_option("--networks", stats_networks, "How many of the largest networks to describe")
      ->capture_default_str();

  InputOptions validate_in;
  OutputFormat validate_format = OutputFormat::kText;
  CLI::App* validate = app.add_subcommand(
      "validate", "Report every problem in the input with its line and column (exit 1 if any)");
  validate_in.Register(*validate);
  AddFormatOption(*validate, &validate_format);

  GenerateArgs gen;
  OutputFormat gen_format = OutputFormat::kText;
  CLI::App* generate =
      app.add_subcommand("generate", "Write a synthetic trafficking case file (JSON Lines)");
  generate->add_option("--entities", gen.entities, "Entity records to write (>= 100)")
      ->capture_default_str();
  generate->add_option("--seed", gen.seed, "Random seed")->capture_default_str();
  generate->add_option("-o,--output", gen.output, "Output file (.jsonl)")->required();
  generate->add_option("--truth", gen.truth,
                       "Ground-truth CSV (default: the output name with .truth.csv)");
  generate->add_option("--first-year", gen.first_year, "First year of dates")
      ->capture_default_str();
  generate->add_option("--last-year", gen.last_year, "Last year of dates")->capture_default_str();
  AddFormatOption(*generate, &gen_format);

  const Command communities = AddCommunitiesCommand(app);
  const Command cores = AddCoresCommand(app);
  const std::vector<Command> more = {
      AddPathCommand(app),       AddNeighborsCommand(app),  AddConnectCommand(app),
      AddCentralityCommand(app), AddStructureCommand(app),  AddKeyPlayersCommand(app),
      AddRemoveCommand(app),     AddRobustnessCommand(app), AddReportCommand(app),
      AddExportCommand(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (stats->parsed()) return RunStats(stats_in, stats_format, stats_networks);
    if (validate->parsed()) return RunValidate(validate_in, validate_format);
    if (generate->parsed()) return RunGenerate(gen, gen_format);
    if (communities.app->parsed()) return communities.run();
    if (cores.app->parsed()) return cores.run();
    for (const Command& c : more) {
      if (c.app->parsed()) return c.run();
    }
  } catch (const UsageError& e) {
    fmt::print(stderr, "linkscope: error: {}\n", e.what());
    return kExitUsage;
  } catch (const Error& e) {
    fmt::print(stderr, "linkscope: error: {}\n", e.what());
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "linkscope: error: out of memory\n");
    return kExitBadInput;
  }
  return kExitUsage;
}
