// linkscope report: case files in, DIR/report.html, report.json and CSV tables out.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "common.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/report/report.hpp"

namespace linkscope::cli {
namespace {

struct ReportArgs {
  InputOptions in;
  std::string output;
  std::string config;
  uint32_t max_handling = 0;
  uint32_t threads = 0;
  bool quiet = false;
};

// Progress on stderr: a bar that redraws itself on a terminal, plain lines otherwise (logs).
ReportProgress MakeProgress(bool quiet) {
  if (quiet) return {};
  const bool tty = isatty(STDERR_FILENO) != 0;
  return [tty](std::string_view step, uint32_t done, uint32_t total) {
    if (!tty) {
      fmt::print(stderr, "linkscope report: [{}/{}] {}\n", done, total, step);
      return;
    }
    constexpr uint32_t kWidth = 30;
    const uint32_t filled = total == 0 ? kWidth : kWidth * done / total;
    fmt::print(stderr, "\r[{}{}] {:>2}/{} {:<40}", std::string(filled, '#'),
               std::string(kWidth - filled, ' '), done, total, step);
    if (done == total) fmt::print(stderr, "\n");
    std::fflush(stderr);
  };
}

int RunReport(const ReportArgs& a) {
  ReportConfig config = a.config.empty() ? ReportConfig{} : ReadReportConfig(a.config);
  if (a.threads != 0) config.threads = a.threads;
  const ReportProgress progress = MakeProgress(a.quiet);
  if (progress) progress("loading and checksums", 0, kReportSteps);
  std::vector<ReportInput> inputs;
  for (const std::string& f : a.in.files) {
    // The report cites the checksum of what it analysed: a pipe would be read up by the
    // checksum and could not be read again.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(f, ec)) {
      throw UsageError(fmt::format(
          "{}: not a regular file; the report checksums its inputs, so save the data to a file "
          "first",
          f));
    }
    inputs.push_back(DigestFile(f));
  }
  LoadOptions lo = a.in.ToLoadOptions();
  lo.max_handling = static_cast<uint8_t>(a.max_handling);
  Graph graph;
  const LoadReport load = graph.Load(a.in.files, lo);
  const ReportOutput out = WriteReport(graph, load, inputs, config,
                                       static_cast<uint8_t>(a.max_handling), a.output, progress);
  fmt::print("report: {}\n", out.html);
  fmt::print("data:   {} and {} CSV tables in {}\n", out.json, out.csv.size(), a.output);
  if (load.rejected > 0) {
    fmt::print("note:   {} records were rejected (listed in the report's overview)\n",
               load.rejected);
  }
  if (load.withheld > 0) {
    fmt::print("note:   {} links above handling code {} were withheld\n", load.withheld,
               a.max_handling);
  }
  return kExitOk;
}

}  // namespace

Command AddReportCommand(CLI::App& parent) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* app = parent.add_subcommand(
      "report", "Write a self-contained HTML network report, its figures as JSON, and CSV tables");
  a->in.Register(*app);
  app->add_option("-o,--output", a->output, "Directory to write the report into (created)")
      ->required();
  app->add_option("--config", a->config,
                  "Report config (JSON: watch list, parameters; see docs/report.md)")
      ->check(CLI::ExistingFile);
  app->add_option("--max-handling-code", a->max_handling,
                  "Leave out every link record above this handling code (1-5)")
      ->check(CLI::Range(1u, 5u));
  app->add_option("--threads", a->threads, "Threads (0: all; the report does not depend on it)")
      ->capture_default_str();
  app->add_flag("--quiet", a->quiet, "No progress on stderr");
  Command c;
  c.app = app;
  c.run = [a] { return RunReport(*a); };
  return c;
}

}  // namespace linkscope::cli
